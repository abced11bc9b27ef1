/*
 * Copyright The lakeproxy developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.lakeproxy.testing;

import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.LakeOption;
import dev.lakeproxy.spi.LakePlugin;
import dev.lakeproxy.spi.Messages;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.spi.PluginContext;
import dev.lakeproxy.spi.RewriteContext;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.spi.StatementRule;
import dev.lakeproxy.spi.TransactionEvent;
import dev.lakeproxy.spi.sql.ParsedStatement;
import dev.lakeproxy.spi.sql.SqlSplice;
import dev.lakeproxy.spi.sql.SqlText;
import dev.lakeproxy.spi.sql.TableName;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only plugin that exercises each pipeline hook, so the core's mechanism is proved without
 * the Hologres plugin. It is off unless {@code lakeproxy.test.enabled=true}:
 *
 * <ul>
 *   <li>interest: the SQL mentions a word starting {@code lp_};
 *   <li>rewrite: every table named {@code lp_alias} becomes {@code lp_target}, by splicing;
 *   <li>before: SQL mentioning {@code lp_tagged} gets {@code SET application_name = 'lp-tagged'}
 *       first, once;
 *   <li>retry: a division by zero over {@code lp_flag} in autocommit inserts a flag row and retries
 *       once;
 *   <li>translate: undefined table {@code lp_missing} becomes an explained error;
 *   <li>refuse: {@code DELETE FROM lp_guarded} is refused before it reaches the server;
 *   <li>bind: Timestamp parameters lose their sub-second part.
 * </ul>
 */
public final class TestPlugin implements LakePlugin {

    private static final Messages MESSAGES =
            Messages.of(TestPlugin.class, "dev.lakeproxy.testing.messages");

    public static final LakeOption<Boolean> ENABLED =
            LakeOption.bool(
                    "lakeproxy.test.enabled", false, "Test-only: turns the core tests' plugin on.");
    public static final List<TransactionEvent> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "test";
    }

    @Override
    public boolean serves(String subprotocol) {
        return subprotocol.equals("postgresql");
    }

    @Override
    public List<LakeOption<?>> options() {
        return List.of(ENABLED);
    }

    @Override
    public SessionPlugin activate(PluginContext context) {
        if (!context.option(ENABLED)) {
            return null;
        }
        context.note("test plugin active");
        return new Session();
    }

    static final class Session implements SessionPlugin, StatementRule {
        private boolean tagged;

        @Override
        public List<StatementRule> rules() {
            return List.of(this);
        }

        @Override
        public String name() {
            return "test.all";
        }

        @Override
        public boolean interested(String sql) {
            return sql.indexOf("lp_") >= 0;
        }

        @Override
        public void rewrite(RewriteContext ctx) throws SQLException {
            if (SqlText.startsWithKeyword(ctx.sql(), "DELETE")
                    && SqlText.containsWord(ctx.sql(), "lp_guarded")) {
                throw MESSAGES.create("0A000", "test.refused", "lp_guarded");
            }
            if (!SqlText.containsWord(ctx.sql(), "lp_alias")) {
                return;
            }
            ParsedStatement parsed = ctx.analysis().parse(ctx.sql());
            if (!parsed.isParsed()) {
                ctx.note("unparseable: passes through");
                return;
            }
            SqlSplice splice = SqlSplice.of(ctx.sql());
            List<TableName> tables = parsed.tables();
            if (tables == null) {
                ctx.note("tables unknown: passes through");
                return;
            }
            for (TableName t : tables) {
                if (t.start() >= 0 && t.table().equals("lp_alias")) {
                    splice.replace(t.start(), t.end(), "lp_target");
                }
            }
            ctx.rewrite(splice.apply(), "lp_alias is lp_target");
        }

        @Override
        public void beforeExecute(ExecutionContext ctx) {
            if (!tagged && SqlText.containsWord(ctx.sql(), "lp_tagged")) {
                ctx.runFirst(
                        "SET application_name = 'lp-tagged'",
                        "lp_tagged needs the tag",
                        () -> tagged = true);
            }
        }

        @Override
        public Outcome onError(ExecutionContext ctx, SQLException error) throws SQLException {
            if ("22012".equals(error.getSQLState()) && SqlText.containsWord(ctx.sql(), "lp_flag")
                    && ctx.autoCommit() && SqlText.startsWithKeyword(ctx.sql(), "SELECT")) {
                ctx.runFirst("INSERT INTO lp_flag VALUES (1)", "the flag was missing", null);
                return Outcome.retry("lp_flag was empty");
            }
            if ("22012".equals(error.getSQLState())
                    && SqlText.containsWord(ctx.sql(), "recover_me")) {
                return Outcome.translate(MESSAGES.translate(error, "test.divided", "recover_me"));
            }
            if ("42P01".equals(error.getSQLState())
                    && SqlText.containsWord(ctx.sql(), "lp_missing")) {
                return Outcome.translate(MESSAGES.translate(error, "test.missing", "lp_missing"));
            }
            return Outcome.propagate();
        }

        @Override
        public boolean bindsParameters() {
            return true;
        }

        @Override
        public Object bindParameter(String sql, int index, Object value) {
            if (value instanceof Timestamp && sql.contains("lp_")) {
                Timestamp t = new Timestamp(((Timestamp) value).getTime() / 1000 * 1000);
                return t;
            }
            return value;
        }

        @Override
        public void onTransactionEvent(TransactionEvent event) {
            EVENTS.add(event);
        }
    }
}
