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
package dev.lakeproxy.holo;

import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.StatementRule;
import dev.lakeproxy.spi.TransactionEvent;
import dev.lakeproxy.spi.sql.SqlText;
import dev.lakeproxy.spi.sql.StatementSplitter;
import java.sql.SQLException;
import java.util.List;

/**
 * Follows what the session does to the settings lakeproxy cares about, so that the other rules
 * respect it: the user's own SET / SET LOCAL / set_config / RESET of the engine or routing setting,
 * a changed search_path, transaction ends, and DDL sent through lakeproxy (which drops the shared
 * name resolver's catalog).
 */
final class SessionSettingsRule implements StatementRule {

    private static final String[] DDL = {"CREATE", "DROP", "ALTER", "IMPORT", "COMMENT"};

    private final SessionState state;
    private final boolean legacy;
    /** A choice was recorded inside a transaction: watch for COMMIT / ROLLBACK sent as SQL. */
    private boolean watchTransactionEnd;

    SessionSettingsRule(SessionState state) {
        this.state = state;
        this.legacy = state.facts.legacy();
    }

    @Override
    public String name() {
        return "holo.sessionSettings";
    }

    @Override
    public boolean interested(String sql) {
        if (SqlText.containsWord(sql, legacy ? EngineMode.SETTING : SessionStart.ROUTING)
                || SqlText.startsWithKeyword(sql, "RESET")
                || SqlText.startsWithKeyword(sql, "DISCARD")) {
            return true;
        }
        if (watchTransactionEnd
                && (SqlText.startsWithKeyword(sql, "COMMIT")
                        || SqlText.startsWithKeyword(sql, "END")
                        || SqlText.startsWithKeyword(sql, "ROLLBACK")
                        || SqlText.startsWithKeyword(sql, "ABORT"))) {
            return true;
        }
        return legacy && (SqlText.containsWord(sql, "search_path") || isDdl(sql));
    }

    private static boolean isDdl(String sql) {
        for (String k : DDL) {
            if (SqlText.startsWithKeyword(sql, k)) {
                return true;
            }
        }
        return sql.indexOf(';') >= 0 && SqlText.containsAnyWord(sql, DDL);
    }

    @Override
    public void afterExecute(ExecutionContext ctx) {
        List<String> statements = StatementSplitter.split(ctx.sql());
        boolean[] open = openDuring(statements, state.transactionOpen());
        boolean ddl = false;
        for (int i = 0; i < statements.size(); i++) {
            ddl |= afterStatement(statements.get(i), open[i]);
        }
        if (ddl) {
            refreshCatalog(); // a view or foreign table may have come or gone
        }
    }

    /**
     * Whether a transaction block is open while each statement of the string runs, worked back
     * from the state after it: a BEGIN opened it, a COMMIT or ROLLBACK closed it.
     */
    private static boolean[] openDuring(List<String> statements, boolean openAfter) {
        boolean[] during = new boolean[statements.size()];
        boolean open = openAfter;
        for (int i = statements.size() - 1; i >= 0; i--) {
            String sql = statements.get(i);
            during[i] = open;
            boolean begins = SqlText.startsWithKeyword(sql, "BEGIN")
                    || SqlText.startsWithKeyword(sql, "START");
            if (begins) {
                open = false;
            } else if (endsTransaction(sql)) {
                open = true;
            }
        }
        return during;
    }

    private static boolean endsTransaction(String sql) {
        boolean rollback = SqlText.startsWithKeyword(sql, "ROLLBACK")
                || SqlText.startsWithKeyword(sql, "ABORT");
        return SqlText.startsWithKeyword(sql, "COMMIT") || SqlText.startsWithKeyword(sql, "END")
                || (rollback && !SqlText.containsWord(sql, "TO"));
    }

    /** Follows one statement of the string; true when it was DDL that may change the catalog. */
    private boolean afterStatement(String sql, boolean open) {
        if (SqlText.startsWithKeyword(sql, "SHOW")) {
            return false;
        }
        boolean all =
                (SqlText.startsWithKeyword(sql, "RESET")
                                || SqlText.startsWithKeyword(sql, "DISCARD"))
                        && SqlText.containsWord(sql, "ALL");
        boolean reset = SqlText.startsWithKeyword(sql, "RESET");
        boolean local = SqlText.containsWord(sql, "LOCAL");
        record(state.engineChoice, sql, EngineMode.SETTING, all, reset, local, open);
        boolean routingNamed =
                record(state.routingChoice, sql, SessionStart.ROUTING, all, reset, local, open);
        if ((routingNamed && reset) || all) {
            state.routingReset =
                    true; // back to the database's value: lakeproxy's session-level routing is gone
        }
        if (all || SqlText.containsWord(sql, "search_path")) {
            state.searchPathChanged();
        }
        if (SqlText.startsWithKeyword(sql, "COMMIT") || SqlText.startsWithKeyword(sql, "END")) {
            transactionEnded(true);
        } else if (SqlText.startsWithKeyword(sql, "ROLLBACK")
                || SqlText.startsWithKeyword(sql, "ABORT")) {
            if (SqlText.containsWord(sql, "TO")) {
                unknownRollback();
            } else {
                transactionEnded(false);
            }
        }
        if (!legacy || !isDdl(sql)) {
            return false;
        }
        if (SqlText.containsWord(sql, "SET")) {
            state.instance.forgetFacts(); // ALTER DATABASE / ROLE ... SET: new sessions differ
        }
        return true;
    }

    /**
     * Reads the catalog again at once (one round trip after DDL), so the next statement resolves
     * against it.
     */
    private void refreshCatalog() {
        try {
            state.resolver.refresh(state.real);
        } catch (SQLException e) {
            state.resolver.invalidate();
        }
    }

    /**
     * Records a choice of {@code setting} made by {@code sql}; true when the statement concerned
     * it.
     */
    private boolean record(
            UserChoice choice,
            String sql,
            String setting,
            boolean all,
            boolean reset,
            boolean local,
            boolean open) {
        boolean named = SqlText.containsWord(sql, setting);
        if (all || (named && (reset || SqlText.startsWithKeyword(sql, "SET")
                || SqlText.containsWord(sql, "set_config")))) {
            choice.record(!(all || reset), local, open);
            watchTransactionEnd |= open;
            return true;
        }
        return false;
    }

    void onTransactionEvent(TransactionEvent event) {
        switch (event) {
            case COMMIT:
            case AUTOCOMMIT_ON:
                transactionEnded(true);
                break;
            case ROLLBACK:
                transactionEnded(false);
                break;
            case ROLLBACK_TO_SAVEPOINT:
                unknownRollback();
                break;
            default:
                break;
        }
    }

    private void transactionEnded(boolean committed) {
        state.engineChoice.transactionEnded(committed);
        state.routingChoice.transactionEnded(committed);
        if (!committed) {
            state.searchPathChanged(); // a SET search_path may have been undone
        }
        watchTransactionEnd = false;
    }

    private void unknownRollback() {
        state.engineChoice.unknownRollback();
        state.routingChoice.unknownRollback();
        state.searchPathChanged();
        watchTransactionEnd = false;
    }
}
