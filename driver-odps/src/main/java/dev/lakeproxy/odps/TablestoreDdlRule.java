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
package dev.lakeproxy.odps;

import dev.lakeproxy.spi.RewriteContext;
import dev.lakeproxy.spi.StatementRule;
import dev.lakeproxy.spi.sql.SqlText;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code CREATE EXTERNAL TABLE ... STORED BY 'com.aliyun.odps.TableStoreStorageHandler'} checked
 * against the Tablestore rules before any job is submitted: one error listing every violation.
 */
final class TablestoreDdlRule implements StatementRule {

    private final SessionState state;

    TablestoreDdlRule(SessionState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return "odps.tablestoreDdl";
    }

    @Override
    public boolean interested(String sql) {
        return FirstKeyword.of(sql) == FirstKeyword.CREATE
                && SqlText.containsWord(sql, "TableStoreStorageHandler");
    }

    @Override
    public void rewrite(RewriteContext ctx) throws SQLException {
        ScannedSql s = state.scan(ctx.sql());
        TablestoreDdl ddl = s.tokens == null ? null : TablestoreDdl.parse(s.tokens);
        if (ddl == null) {
            return;
        }
        List<String> problems = ddl.violations();
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (int k = 0; k < problems.size(); k++) {
            lines.append("\n  ").append(k + 1).append(") ").append(problems.get(k));
        }
        state.context.counter("odps.tablestoreDdlRefused").increment();
        SQLException e =
                OdpsMessages.M.create(
                        "42000",
                        "odps.ots.ddlRefused",
                        ddl.table,
                        problems.size(),
                        lines.toString());
        for (String p : problems) {
            e.setNextException(new SQLException(p, "42000"));
        }
        throw e;
    }
}
