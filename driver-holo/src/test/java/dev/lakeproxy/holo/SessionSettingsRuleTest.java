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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.spi.TransactionEvent;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.core.TransactionState;

/**
 * What the session does to the settings lakeproxy respects, followed on stand-in JDBC: the user's
 * own SET, SET LOCAL, set_config and RESET of the engine and routing settings under PostgreSQL's
 * transaction rules, a changed search_path, and DDL that changes the catalog or what new sessions
 * start with.
 */
class SessionSettingsRuleTest {

    private static final String ENGINE = EngineMode.SETTING;
    private static final String ROUTING = SessionStart.ROUTING;

    private final StubSession session = new StubSession();
    private final SessionState legacy =
            session.state(StubSession.facts("2.2.15", EngineMode.HQE, "", true));
    private final SessionSettingsRule onLegacy = new SessionSettingsRule(legacy);

    private static void ran(SessionSettingsRule rule, StubSession session, String sql) {
        rule.afterExecute(session.execution(sql));
    }

    private void ran(String sql) {
        ran(onLegacy, session, sql);
    }

    @Test
    void eachVersionWatchesItsOwnSetting() {
        assertTrue(onLegacy.interested("SET " + ENGINE + " = false"));
        assertFalse(onLegacy.interested("SET " + ROUTING + " = ''"), "no routing before V3.2");
        assertTrue(onLegacy.interested("SET search_path = s"));
        assertTrue(onLegacy.interested("CREATE VIEW v AS SELECT 1"));
        assertFalse(onLegacy.interested("SELECT 1"));
        assertFalse(onLegacy.interested("COMMIT"), "no choice in a transaction to watch yet");

        SessionState v32 = session.state(StubSession.facts("3.2.5", EngineMode.HQE, "", true));
        SessionSettingsRule onV32 = new SessionSettingsRule(v32);
        assertTrue(onV32.interested("SET " + ROUTING + " = ''"));
        assertFalse(onV32.interested("SET " + ENGINE + " = false"), "the engine is legacy only");
        assertFalse(onV32.interested("CREATE VIEW v AS SELECT 1"), "no catalog to keep from V3.2");
        assertTrue(onV32.interested("RESET ALL"));
        assertTrue(onV32.interested("DISCARD ALL"));
    }

    @Test
    void theUsersSetAndResetOfTheEngineOutsideATransaction() {
        ran("SET " + ENGINE + " = true");
        assertTrue(legacy.engineChoice.chosen());
        ran("SHOW " + ENGINE);
        assertTrue(legacy.engineChoice.chosen(), "SHOW changes nothing");
        ran("RESET " + ENGINE);
        assertFalse(legacy.engineChoice.chosen());
        ran("SELECT set_config('" + ENGINE + "', 'false', false)");
        assertTrue(legacy.engineChoice.chosen(), "set_config is a SET");
        ran("RESET " + ENGINE);
        ran("SET LOCAL " + ENGINE + " = false");
        assertFalse(legacy.engineChoice.chosen(), "SET LOCAL outside a transaction: nothing");
    }

    @Test
    void everyStatementOfAStringCountsInItsOrder() {
        ran("SET " + ENGINE + " = true; RESET " + ENGINE);
        assertFalse(legacy.engineChoice.chosen(), "the RESET came last");
        ran("RESET " + ENGINE + "; SET " + ENGINE + " = false");
        assertTrue(legacy.engineChoice.chosen(), "the SET came last");
        ran("BEGIN; RESET " + ENGINE + "; ROLLBACK");
        assertTrue(legacy.engineChoice.chosen(), "rolled back within the string");
    }

    @Test
    void aChoiceInATransactionStandsOnlyIfItCommits() {
        session.transaction = TransactionState.OPEN;
        ran("SET " + ENGINE + " = false");
        assertTrue(legacy.engineChoice.chosen());
        assertTrue(onLegacy.interested("ROLLBACK"), "the transaction's end is watched now");
        session.transaction = TransactionState.IDLE;
        ran("ROLLBACK");
        assertFalse(legacy.engineChoice.chosen(), "rolled back");
        assertFalse(onLegacy.interested("COMMIT"), "no longer watched");

        session.transaction = TransactionState.OPEN;
        ran("SET " + ENGINE + " = false");
        ran("COMMIT");
        assertTrue(legacy.engineChoice.chosen(), "committed");

        ran("RESET " + ENGINE);
        ran("END");
        assertFalse(legacy.engineChoice.chosen(), "a RESET that commits stands too");

        ran("SET LOCAL " + ENGINE + " = true");
        assertTrue(legacy.engineChoice.chosen());
        ran("COMMIT");
        assertFalse(legacy.engineChoice.chosen(), "SET LOCAL ends with its transaction");
    }

    @Test
    void transactionEndsThroughTheJdbcApiCountToo() {
        session.transaction = TransactionState.OPEN;
        ran("SET " + ENGINE + " = false");
        onLegacy.onTransactionEvent(TransactionEvent.ROLLBACK);
        assertFalse(legacy.engineChoice.chosen());
        ran("SET " + ENGINE + " = false");
        onLegacy.onTransactionEvent(TransactionEvent.COMMIT);
        assertTrue(legacy.engineChoice.chosen());
        ran("RESET " + ENGINE);
        onLegacy.onTransactionEvent(TransactionEvent.ROLLBACK_TO_SAVEPOINT);
        assertTrue(legacy.engineChoice.chosen(), "an unknown part undone: taken as all of it");
    }

    @Test
    void theRoutingChoiceAndItsResetFromV32() {
        SessionState v32 = session.state(StubSession.facts("3.2.5", EngineMode.HQE,
                HoloOptions.COMMON_TABLE_ROUTING, true));
        SessionSettingsRule rule = new SessionSettingsRule(v32);
        ran(rule, session, "SET " + ROUTING + " = ''");
        assertTrue(v32.routingChoice.chosen(), "an explicit opt-out is the session's choice");
        assertFalse(v32.routingReset);
        ran(rule, session, "RESET " + ROUTING);
        assertFalse(v32.routingChoice.chosen());
        assertTrue(v32.routingReset, "back to the database's value: lakeproxy's routing is gone");
    }

    @Test
    void resetAllAndDiscardAllUndoEveryChoice() {
        SessionState v32 = session.state(StubSession.facts("3.2.5", EngineMode.HQE, "", true));
        SessionSettingsRule rule = new SessionSettingsRule(v32);
        ran(rule, session, "SET " + ROUTING + " = ''");
        ran(rule, session, "DISCARD ALL");
        assertFalse(v32.routingChoice.chosen());
        assertTrue(v32.routingReset);

        ran("SET " + ENGINE + " = false");
        ran("RESET ALL");
        assertFalse(legacy.engineChoice.chosen());
    }

    @Test
    void aChangedSearchPathIsReadAgainWhenNeeded() {
        String read = "SELECT array_to_string(current_schemas(true), chr(1))";
        session.server.queryValue = sql -> sql.equals(read) ? "pg_catalog\u0001hidden" : null;
        assertEquals(StubSession.SEARCH_PATH, legacy.searchPath());
        ran("SET search_path TO hidden");
        assertEquals(List.of(), session.server.sent, "read only when a rule needs it");
        assertEquals(List.of("pg_catalog", "hidden"), legacy.searchPath());
        assertEquals(List.of(read), session.server.sent);
    }

    @Test
    void ddlReadsTheCatalogAgainAtOnce() {
        session.server.queryValue =
                sql -> sql.equals(RelationCatalog.LIST_SQL) ? "public\tnew_ft\tp_byok" : null;
        ran("CREATE FOREIGN TABLE new_ft (id bigint) SERVER odps_server"
                + " OPTIONS (project_name 'p_byok', table_name 't')");
        assertEquals(List.of(RelationCatalog.LIST_SQL), session.server.sent);
        assertEquals(1, session.resolver.catalog().named("new_ft").size());
        assertFalse(session.resolver.stale());
    }

    @Test
    void ddlWhoseCatalogCannotBeReadLeavesTheCatalogStale() {
        session.answer = sql -> new SQLException("permission denied for pg_depend", "42501");
        session.catalog("public\tenc\tp_byok");
        ran("DROP VIEW v_enc");
        assertTrue(session.resolver.stale(), "read again at the next need");
    }

    @Test
    void alterDatabaseSetDropsTheInstanceFactsButIsNotTheSessionsChoice() {
        session.instance.facts("db/u", StubSession.facts("2.2.15", EngineMode.HQE, "", true));
        assertNotNull(session.instance.facts("db/u"));
        ran("ALTER DATABASE db SET " + ENGINE + " = false");
        assertNull(session.instance.facts("db/u"), "new sessions start differently");
        assertFalse(legacy.engineChoice.chosen(), "it changes new sessions, not this one");
    }
}
