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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.testing.StubExecution;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The V1.1 to V3.1 engine switch, hook by hook, on stand-in JDBC: when it sets SQE, restores,
 * learns, retries.
 */
class EngineSwitchRuleTest {

    private static final String SET = "SET " + EngineMode.SETTING + " = false";
    private static final String SET_LOCAL = "SET LOCAL " + EngineMode.SETTING + " = false";
    private static final String RESET = "RESET " + EngineMode.SETTING;
    private static final String READ_ENC = "SELECT count(*) FROM enc";

    private final StubSession session = new StubSession();
    private final SessionState state =
            session.state(StubSession.facts("2.2.15", EngineMode.HQE, "", true));

    EngineSwitchRuleTest() {
        session.catalog("public\tenc\tp_byok", "public\tv_enc\tp_byok", "public\tplain\tp_plain",
                "hidden\tsecret\tp_byok");
    }

    private EngineSwitchRule rule(String... encrypted) {
        return new EngineSwitchRule(state, Set.of(encrypted), true);
    }

    /** Runs the statement's before-hook as the pipeline would; returns its execution. */
    private StubExecution before(EngineSwitchRule rule, String sql, boolean autoCommit)
            throws SQLException {
        StubExecution ctx = session.execution(sql);
        ctx.autoCommit = autoCommit;
        rule.beforeExecute(ctx);
        return ctx;
    }

    @Test
    void onlyNamesOfRelationsReadingEncryptedProjectsAreInteresting() {
        EngineSwitchRule rule = rule("p_byok");
        assertTrue(rule.interested(READ_ENC));
        assertTrue(rule.interested("SELECT * FROM v_enc"), "a view over an encrypted table");
        assertFalse(rule.interested("SELECT * FROM plain"));
        assertFalse(rule.interested("SELECT 1"));
    }

    @Test
    void anEncryptedReadInAutocommitRunsOnSqeAndTheSessionGetsItsEngineBack() throws SQLException {
        EngineSwitchRule rule = rule("p_byok");
        StubExecution ctx = before(rule, READ_ENC, true);
        assertEquals(List.of(SET), session.server.sent, "not SET LOCAL: there is no transaction");
        assertEquals(1, ctx.count("holo.engineSwitches"));
        rule.afterExecute(ctx);
        assertEquals(List.of(SET, RESET), session.server.sent);
        assertFalse(rule.interested("SELECT 1"), "nothing left to restore");
    }

    @Test
    void inATransactionTheSwitchIsSetLocal() throws SQLException {
        EngineSwitchRule rule = rule("p_byok");
        rule.afterExecute(before(rule, READ_ENC, false));
        assertEquals(List.of(SET_LOCAL, RESET), session.server.sent);
    }

    @Test
    void namesResolveAlongTheSearchPathAndThroughEveryStatementOfTheString() throws SQLException {
        EngineSwitchRule rule = rule("p_byok");
        before(rule, "SELECT * FROM plain", true);
        before(rule, "SELECT * FROM secret", true);
        assertEquals(List.of(), session.server.sent, "hidden.secret is not on the search path");
        before(rule, "SELECT * FROM hidden.secret", true);
        assertEquals(List.of(SET), session.server.sent, "qualified, it is the encrypted one");
        rule.afterExecute(session.execution("SELECT * FROM hidden.secret"));
        before(rule, "SELECT 1; SELECT * FROM v_enc", true);
        assertEquals(List.of(SET, RESET, SET), session.server.sent);
    }

    @Test
    void aStaleCatalogIsReadAgainBeforeDeciding() throws SQLException {
        StubSession fresh = new StubSession();
        fresh.server.queryValue =
                sql -> sql.equals(RelationCatalog.LIST_SQL) ? "public\tenc\tp_byok" : null;
        SessionState s = fresh.state(StubSession.facts("2.2.15", EngineMode.HQE, "", true));
        StubExecution ctx = fresh.execution(READ_ENC);
        new EngineSwitchRule(s, Set.of("p_byok"), true).beforeExecute(ctx);
        assertEquals(List.of(RelationCatalog.LIST_SQL, SET), fresh.server.sent);
    }

    @Test
    void aFailureGivesTheEngineBackInAutocommitAndLeavesItToTheRollbackInATransaction()
            throws SQLException {
        SQLException cancelled = new SQLException("canceling statement", "57014");
        EngineSwitchRule rule = rule("p_byok");
        StubExecution ctx = before(rule, READ_ENC, true);
        assertSame(Outcome.propagate(), rule.onError(ctx, cancelled));
        assertEquals(List.of(SET, RESET), session.server.sent);

        session.server.sent.clear();
        ctx = before(rule, READ_ENC, false);
        assertSame(Outcome.propagate(), rule.onError(ctx, cancelled));
        assertEquals(List.of(SET_LOCAL), session.server.sent, "the rollback undoes SET LOCAL");
        assertFalse(rule.interested("SELECT 1"), "and nothing is left to restore");
    }

    @Test
    void aSessionThatChoseItsEngineIsLeftAlone() throws SQLException {
        state.engineChoice.record(true, false, false);
        StubExecution ctx = before(rule("p_byok"), READ_ENC, true);
        assertEquals(List.of(), session.server.sent);
        assertEquals(1, ctx.notes.size());
        assertTrue(ctx.notes.get(0).contains(EngineMode.SETTING), ctx.notes.toString());
    }

    @Test
    void aSessionThatStartsOnSqeNeedsNoSwitch() throws SQLException {
        SessionState onSqe = session.state(StubSession.facts("2.2.15", EngineMode.SQE, "", true));
        StubExecution ctx = session.execution(READ_ENC);
        new EngineSwitchRule(onSqe, Set.of("p_byok"), true).beforeExecute(ctx);
        assertEquals(List.of(), session.server.sent);
        assertEquals(List.of(), ctx.notes);
    }

    @Test
    void explainSendsNothingAndLeavesNothingToRestore() throws SQLException {
        EngineSwitchRule rule = rule("p_byok");
        StubExecution ctx = session.execution(READ_ENC);
        ctx.dryRun = true;
        rule.beforeExecute(ctx);
        assertEquals(List.of(SET), ctx.ranFirst, "explain shows the switch");
        assertEquals(List.of(), session.server.sent);
        assertFalse(rule.interested("SELECT 1"));
    }

    @Test
    void thePanguErrorTeachesTheProjectAndAReadInAutocommitIsRetriedOnSqe() throws SQLException {
        EngineSwitchRule rule = rule();
        assertFalse(rule.interested(READ_ENC), "nothing is known to be encrypted yet");
        StubExecution ctx = session.execution(READ_ENC);
        Outcome outcome = rule.onError(ctx, StubSession.pangu("P_BYOK"));
        assertTrue(outcome.isRetry());
        assertTrue(session.instance.learnedEncrypted.contains("p_byok"), "learned, lower case");
        assertEquals(1, ctx.count("holo.learnedProjects"));
        assertEquals(List.of(SET), session.server.sent, "SQE for the retry");
        rule.afterExecute(ctx);
        assertEquals(List.of(SET, RESET), session.server.sent);
        assertTrue(rule.interested("SELECT * FROM v_enc"), "its relations, from now on");
    }

    @Test
    void aRetryOnTheFastPathIsRestoredBeforeTheNextStatement() throws SQLException {
        EngineSwitchRule rule = rule();
        rule.onError(session.execution(READ_ENC), StubSession.pangu("p_byok"));
        // the fast path calls no afterExecute of an uninterested rule: the next statement restores
        assertTrue(rule.interested("SELECT 1"));
        StubExecution next = before(rule, "SELECT 1", true);
        assertEquals(List.of(RESET), next.ranFirst);
        assertFalse(rule.interested("SELECT 1"));
    }

    @Test
    void writesTransactionsRetriesAndTheSessionsOwnEngineAreNeverRetried() throws SQLException {
        assertNoRetry(rule(), session.execution("INSERT INTO sink SELECT * FROM enc"), "a write");
        StubExecution inTransaction = session.execution(READ_ENC);
        inTransaction.autoCommit = false;
        assertNoRetry(rule(), inTransaction, "a read in a transaction");
        StubExecution retry = session.execution(READ_ENC);
        retry.retry = true;
        assertNoRetry(rule(), retry, "the one retry");
        EngineSwitchRule noRecover = new EngineSwitchRule(state, Set.of(), false);
        assertNoRetry(noRecover, session.execution(READ_ENC), "recover=false");
        state.engineChoice.record(true, false, false);
        assertNoRetry(rule(), session.execution(READ_ENC), "the session chose HQE");
        assertTrue(session.instance.learnedEncrypted.contains("p_byok"), "learned all the same");
    }

    private void assertNoRetry(EngineSwitchRule rule, StubExecution ctx, String what)
            throws SQLException {
        session.server.sent.clear();
        Outcome outcome = rule.onError(ctx, StubSession.pangu("p_byok"));
        assertFalse(outcome.isRetry(), what);
        assertNull(outcome.translated(), what + ": the explanations rule says why");
        assertEquals(List.of(), session.server.sent, what);
    }

    @Test
    void aFailureOnSqeIsRecordedForTheExplanationAndNotRetried() throws SQLException {
        EngineSwitchRule rule = rule("p_byok");
        StubExecution ctx = before(rule, READ_ENC, true);
        assertFalse(rule.onError(ctx, StubSession.pangu("p_byok")).isRetry());
        assertTrue(state.lastFailureOnSqe);
        assertEquals(List.of(SET, RESET), session.server.sent);
    }
}
