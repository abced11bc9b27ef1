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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.credentials.CredentialsSettings;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.testing.StubExecution;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The explanations of the errors of reading encrypted MaxCompute data, on stand-in JDBC: one per
 * version gate and per choice the session made, each keeping the SQLState, the vendor code and the
 * original as cause.
 */
class ErrorExplanationRuleTest {

    private static final String ROUTING_SET = "SET " + SessionStart.ROUTING + " = '"
            + HoloOptions.COMMON_TABLE_ROUTING + "';";
    private static final String SQE_SET = "SET " + EngineMode.SETTING + " = false;";

    private final StubSession session = new StubSession();
    private StubExecution ctx;

    /** The rule with the options' defaults: no KMS, so no key state is added. */
    private static ErrorExplanationRule rule(SessionState state) {
        return new ErrorExplanationRule(state, CredentialsSettings.of(Map.of()), List.of(), true);
    }

    /** The rule's explanation of {@code error} on {@code state}: SQLState, code and cause kept. */
    private SQLException explained(SessionState state, SQLException error) {
        ctx = session.execution("SELECT count(*) FROM enc");
        Outcome outcome = rule(state).onError(ctx, error);
        SQLException e = outcome.translated();
        assertNotNull(e, "explained");
        assertEquals(error.getSQLState(), e.getSQLState(), "SQLState kept");
        assertEquals(error.getErrorCode(), e.getErrorCode(), "vendor code kept");
        assertSame(error, e.getCause(), "the original is the cause");
        return e;
    }

    private String pangu(SessionState state) {
        String m = explained(state, StubSession.pangu("p_byok")).getMessage();
        assertTrue(m.contains("p_byok"), m);
        assertEquals(1, ctx.count("holo.panguErrors"));
        return m;
    }

    private SessionState on(String version) {
        return on(version, "");
    }

    private SessionState on(String version, String routing) {
        return session.state(StubSession.facts(version, EngineMode.HQE, routing, true));
    }

    private static void assertHas(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "expected '" + p + "' in: " + message);
        }
    }

    @Test
    void belowV11ThereIsNoWayToReadEncryptedData() {
        assertHas(pangu(on("1.0.12")), "Hologres V1.0.12 cannot read", "needs V1.1 or later");
        assertTrue(session.instance.learnedEncrypted.contains("p_byok"), "learned all the same");
    }

    @Test
    void sqeFailingBeforeV1331NamesTheBackendConfiguration() {
        SessionState state = on("1.3.30");
        state.lastFailureOnSqe = true;
        assertHas(pangu(state), "V1.3.30 read MaxCompute project p_byok with SQE",
                "Before V1.3.31, reading KMS-encrypted MaxCompute data needs a backend"
                        + " configuration");
    }

    @Test
    void sqeFailingFromV1331NamesTheDefaultKeyBeforeV32() {
        SessionState state = on("1.3.31");
        state.lastFailureOnSqe = true;
        String m = pangu(state);
        assertHas(m, "with SQE and still failed",
                "default key, which Hologres can read only from V3.2");
        assertTrue(!m.contains("backend configuration"), m);
    }

    @Test
    void theWrongEngineGivesTheStatementToRun() {
        assertHas(pangu(on("2.2.15")), "with HQE", "Fix: run " + SQE_SET);
    }

    @Test
    void withRecoverOffTheOptionIsNamedAsWhyThereWasNoRetry() {
        ctx = session.execution("SELECT count(*) FROM enc");
        ErrorExplanationRule noRecover =
                new ErrorExplanationRule(on("2.2.15"), CredentialsSettings.of(Map.of()), List.of(),
                        false);
        String m = noRecover.onError(ctx, StubSession.pangu("p_byok")).translated().getMessage();
        assertHas(
                m,
                "lakeproxy.holo.recover is false",
                "SET hg_experimental_enable_access_odps_orc_via_holo = false");
        assertTrue(!m.contains("autocommit is off"), m);
    }

    @Test
    void theSessionsOwnEngineIsNamedAsTheCause() {
        SessionState state = on("2.2.15");
        state.engineChoice.record(true, false, false);
        assertHas(pangu(state), "because this session set " + EngineMode.SETTING + " itself",
                SQE_SET);
    }

    @Test
    void fromV32WithoutRoutingTheRoutingToSetIsGiven() {
        assertHas(pangu(on("3.2.5")), "without Common Table routing", "Fix: run " + ROUTING_SET);
        SessionState reset = on("3.2.5", HoloOptions.COMMON_TABLE_ROUTING);
        reset.routingReset = true;
        assertHas(pangu(reset), "without Common Table routing", ROUTING_SET);
    }

    @Test
    void fromV32TheSessionsOwnRoutingIsNamedAsTheCause() {
        SessionState state = on("3.2.5", HoloOptions.COMMON_TABLE_ROUTING);
        state.routingChoice.record(true, false, false);
        assertHas(pangu(state), "because this session set " + SessionStart.ROUTING + " itself",
                ROUTING_SET);
    }

    @Test
    void failingThroughCommonTableNamesTheKeyAndTheRole() {
        assertHas(pangu(on("3.2.5", HoloOptions.COMMON_TABLE_ROUTING)),
                "through Common Table and still failed", "AliyunHologresEncryptionDefaultRole");
    }

    @Test
    void factsFromTheCacheAreCheckedAgainstTheVersionNow() {
        session.server.queryValue = sql -> sql.equals("SELECT hg_version()")
                ? "Hologres 3.2.5 (tag: 3.2.5), compatible with PostgreSQL 11.3" : null;
        session.instance.facts("db/u", StubSession.facts("3.1.10", EngineMode.HQE, "", true));
        SessionState cached = session.state(StubSession.facts("3.1.10", EngineMode.HQE, "", false));
        assertHas(pangu(cached), "Hologres V3.2.5 read", ROUTING_SET);
        assertNull(session.instance.facts("db/u"), "the upgrade drops the cached facts");
    }

    @Test
    void whenTheVersionCannotBeReadTheKnownOneDoes() {
        session.answer = sql -> new SQLException("current transaction is aborted", "25P02");
        SessionState cached = session.state(StubSession.facts("2.2.15", EngineMode.HQE, "", false));
        assertHas(pangu(cached), "Hologres V2.2.15 read", SQE_SET);
    }

    @Test
    void anUnknownRoutingParameterMeansTheInstanceLostCommonTable() {
        session.instance.facts("db/u", StubSession.facts("3.2.5", EngineMode.HQE, "", true));
        SQLException unknown = new SQLException("ERROR: unrecognized configuration parameter \""
                + SessionStart.ROUTING + "\"", "42704", 0);
        String m = explained(on("3.2.5"), unknown).getMessage();
        assertHas(m, "does not know " + SessionStart.ROUTING,
                "Common Table routing exists from V3.2");
        assertNull(session.instance.facts("db/u"), "the instance's facts are dropped");
        assertEquals(0, ctx.count("holo.panguErrors"));
    }

    @Test
    void otherErrorsAreLeftAlone() {
        StubExecution any = session.execution("SELECT 1/0");
        Outcome outcome = rule(on("2.2.15")).onError(any, new SQLException("by zero", "22012"));
        assertSame(Outcome.propagate(), outcome);
        assertEquals(0, any.count("holo.panguErrors"));
    }
}
