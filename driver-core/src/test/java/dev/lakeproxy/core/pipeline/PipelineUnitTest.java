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
package dev.lakeproxy.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.jdbc.ConnectionServices;
import dev.lakeproxy.core.jdbc.PlainWrappers;
import dev.lakeproxy.core.sql.SqlAnalyzer;
import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.spi.RewriteContext;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.spi.StatementRule;
import dev.lakeproxy.testing.RecordingRule;
import dev.lakeproxy.testing.StubJdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The statement pipeline on stand-in JDBC objects: hook order, containment, retries, refusals,
 * explain.
 */
class PipelineUnitTest {

    private final List<String> log = new ArrayList<>();
    private final LakeMetrics metrics = new LakeMetrics();
    private StubJdbc server = new StubJdbc(sql -> null);

    private Connection connect(StatementRule... rules) {
        SessionPlugin plugin = () -> List.of(rules);
        Connection real = server.connection();
        StatementPipeline pipeline =
                new StatementPipeline(real, List.of(plugin), metrics, new SqlAnalyzer(100), true);
        return PlainWrappers.INSTANCE.connection(
                real,
                new ConnectionServices(
                        pipeline,
                        metrics,
                        PlainWrappers.INSTANCE,
                        "stub",
                        List.of("unit"),
                        List.of()));
    }

    private void failWith(Function<String, SQLException> answer) {
        server = new StubJdbc(answer);
    }

    @Test
    void uninterestedStatementsGoStraightThroughAndAskEachRuleOnce() throws SQLException {
        RecordingRule a = new RecordingRule("a", sql -> sql.contains("lp_a"), log);
        RecordingRule b = new RecordingRule("b", sql -> sql.contains("lp_b"), log);
        try (Statement st = connect(a, b).createStatement()) {
            st.execute("SELECT 1");
        }
        assertEquals(List.of("SELECT 1"), server.sent);
        assertEquals(List.of(), log);
        assertEquals(1, a.interestCalls, "interest is decided once per call");
        assertEquals(1, b.interestCalls);
        assertEquals(0, metrics.analysed.sum());
    }

    @Test
    void hooksRunInOrderAndOnlyForInterestedRules() throws SQLException {
        RecordingRule a = new RecordingRule("a", sql -> sql.contains("lp_a"), log);
        RecordingRule b = new RecordingRule("b", sql -> sql.contains("lp_b"), log);
        try (Statement st = connect(a, b).createStatement()) {
            st.executeQuery("SELECT * FROM lp_a");
        }
        assertEquals(List.of("a.rewrite", "a.beforeExecute", "a.afterExecute"), log);
        assertEquals(1, a.interestCalls);
    }

    @Test
    void settingsRunFirstAndTheirFollowUpOnlyAfterTheyRan() throws SQLException {
        List<String> followUps = new ArrayList<>();
        RecordingRule setter = new RecordingRule("set", sql -> true, log) {
            @Override
            public void beforeExecute(ExecutionContext ctx) {
                ctx.runFirst("SET x = 1", "test", () -> followUps.add("ran"));
            }
        };
        try (Statement st = connect(setter).createStatement()) {
            st.execute("SELECT 1");
        }
        assertEquals(List.of("SET x = 1", "SELECT 1"), server.sent);
        assertEquals(List.of("ran"), followUps);
        assertEquals(1, metrics.settingsSent.sum());
    }

    @Test
    void aRuleThatBreaksIsContainedAndItsRewriteUndone() throws SQLException {
        RecordingRule broken = new RecordingRule("broken", sql -> true, log) {
            @Override
            public void rewrite(RewriteContext ctx) {
                ctx.rewrite("SELECT 'half done'", "partial");
                throw new IllegalStateException("bug");
            }
        };
        try (Statement st = connect(broken).createStatement()) {
            st.execute("SELECT 1");
        }
        assertEquals(List.of("SELECT 1"), server.sent);
        assertEquals(1L, metrics.snapshot().get("pluginFailures"));
    }

    @Test
    void aRetryHappensAtMostOnce() {
        failWith(sql -> new SQLException("always", "XX000"));
        RecordingRule retrying = new RecordingRule("retry", sql -> true, log) {
            @Override
            public Outcome onError(ExecutionContext ctx, SQLException error) {
                return Outcome.retry("try again");
            }
        };
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement st = connect(retrying).createStatement()) {
                st.execute("SELECT 1");
            }
        });
        assertEquals("XX000", e.getSQLState());
        assertEquals(List.of("SELECT 1", "SELECT 1"), server.sent);
        assertEquals(1, metrics.retries.sum());
    }

    @Test
    void aFastPathFailureIsStillOfferedToEveryRule() {
        failWith(sql -> new SQLException("boom", "42P01"));
        RecordingRule quiet = new RecordingRule("quiet", sql -> false, log);
        SQLException original = new SQLException("x");
        RecordingRule translating = new RecordingRule("tr", sql -> false, log) {
            @Override
            public Outcome onError(ExecutionContext ctx, SQLException error) {
                return Outcome.translate(new SQLException("explained", error.getSQLState(), error));
            }
        };
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement st = connect(quiet, translating).createStatement()) {
                st.execute("SELECT * FROM missing");
            }
        });
        assertEquals("explained", e.getMessage());
        assertEquals("42P01", e.getSQLState());
        assertTrue(log.contains("quiet.onError 42P01"));
        assertEquals(1, metrics.translatedErrors.sum());
        assertSame(null, original.getCause());
    }

    @Test
    void aRefusalSendsNothing() {
        RecordingRule refusing = new RecordingRule("no", sql -> true, log) {
            @Override
            public void rewrite(RewriteContext ctx) throws SQLException {
                throw new SQLException("refused: because", "0A000");
            }
        };
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement st = connect(refusing).createStatement()) {
                st.executeUpdate("DELETE FROM t");
            }
        });
        assertEquals("0A000", e.getSQLState());
        assertEquals(List.of(), server.sent);
        assertEquals(1, metrics.refused.sum());
    }

    @Test
    void explainRunsTheSameHooksAndShowsWhatExecutionSends() throws SQLException {
        RecordingRule rewriting = new RecordingRule("rw", sql -> sql.contains("lp_"), log) {
            @Override
            public void rewrite(RewriteContext ctx) {
                ctx.rewrite(ctx.sql().replace("lp_alias", "lp_target"), "alias");
            }

            @Override
            public void beforeExecute(ExecutionContext ctx) {
                ctx.runFirst("SET y = 2", "needed", null);
            }
        };
        Connection c = connect(rewriting);
        Explanation x =
                c.unwrap(dev.lakeproxy.LakeproxyConnection.class).explain("SELECT * FROM lp_alias");
        assertEquals(List.of(), server.sent, "explain sends nothing");
        try (Statement st = c.createStatement()) {
            st.execute("SELECT * FROM lp_alias");
        }
        assertEquals(List.of("SET y = 2", x.finalSql()), server.sent);
        assertEquals(List.of("rewrite: alias", "run first: SET y = 2 (needed)"), x.actions());
        assertEquals(0, metrics.rewritten.sum() - 1, "only the execution counts as a rewrite");
    }

    @Test
    void preparedStatementsAreRewrittenOnceAtPrepare() throws SQLException {
        RecordingRule rw = new RecordingRule("rw", sql -> sql.contains("lp_"), log);
        Connection c = connect(rw);
        c.prepareStatement("SELECT * FROM lp_t").close();
        assertEquals(List.of("rw.rewrite"), log);
    }
}
