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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What lakeproxy did to a statement reaches GUI users as an SQLWarning on that statement (issue 14
 * §4).
 */
class WarningsUnitTest {

    private final List<String> log = new ArrayList<>();
    private final StubJdbc server =
            new StubJdbc(
                    sql ->
                            sql.contains("fails_once") && !sql.contains("fixed")
                                    ? new SQLException("wrong engine", "XX000")
                                    : null);

    private Connection connect(boolean warnings, StatementRule... rules) {
        SessionPlugin plugin = () -> List.of(rules);
        Connection real = server.connection();
        LakeMetrics metrics = new LakeMetrics();
        StatementPipeline pipeline =
                new StatementPipeline(
                        real, List.of(plugin), metrics, new SqlAnalyzer(100), warnings);
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

    private final StatementRule aliasing =
            new RecordingRule("alias", sql -> sql.contains("lp_alias"), log) {
                @Override
                public void rewrite(RewriteContext ctx) {
                    ctx.rewrite(
                            ctx.sql().replace("lp_alias", "lp_target"), "lp_alias is lp_target");
                }
            };

    @Test
    void aRewriteIsTold() throws SQLException {
        try (Statement st = connect(true, aliasing).createStatement()) {
            st.execute("SELECT * FROM lp_alias");
            SQLWarning w = st.getWarnings();
            assertEquals("lakeproxy rewrote the statement: lp_alias is lp_target", w.getMessage());
            assertEquals("01000", w.getSQLState());
            st.execute("SELECT 1");
            assertNull(st.getWarnings(), "each execution starts without lakeproxy's warning");
        }
    }

    @Test
    void aPreparedRewriteIsToldAtEveryExecution() throws SQLException {
        try (PreparedStatement ps =
                connect(true, aliasing).prepareStatement("SELECT * FROM lp_alias")) {
            ps.execute();
            assertTrue(ps.getWarnings().getMessage().contains("lp_alias is lp_target"));
            ps.clearWarnings();
            assertNull(ps.getWarnings());
            ps.execute();
            assertTrue(ps.getWarnings().getMessage().contains("lp_alias is lp_target"));
        }
    }

    @Test
    void aSwitchAndARetryAreTold() throws SQLException {
        StatementRule switching = new RecordingRule("engine", sql -> false, log) {
            @Override
            public Outcome onError(ExecutionContext ctx, SQLException error) {
                ctx.runFirst("SET engine = 'fixed'", "the wrong engine read it", null);
                return Outcome.retry("retried on the right engine");
            }
        };
        try (Statement st = connect(true, switching).createStatement()) {
            // the stub server fails this statement every time: the retry happens once, then the
            // error stands
            assertThrows(SQLException.class, () -> st.execute("SELECT fails_once"));
            String said = st.getWarnings().getMessage();
            assertTrue(
                    said.contains("ran SET engine = 'fixed' first: the wrong engine read it"),
                    said);
            assertTrue(
                    said.contains("retried the statement once: retried on the right engine"), said);
        }
        assertEquals(
                List.of("SELECT fails_once", "SET engine = 'fixed'", "SELECT fails_once"),
                server.sent);
    }

    @Test
    void aRefusalIsTold() throws SQLException {
        StatementRule refusing = new RecordingRule("guard", sql -> true, log) {
            @Override
            public void rewrite(RewriteContext ctx) throws SQLException {
                throw new SQLException("not here", "0A000");
            }
        };
        try (Statement st = connect(true, refusing).createStatement()) {
            assertThrows(SQLException.class, () -> st.execute("INSERT INTO t VALUES (1)"));
            assertEquals("lakeproxy refused the statement (guard)", st.getWarnings().getMessage());
        }
    }

    @Test
    void theOptionTurnsThemOff() throws SQLException {
        try (Statement st = connect(false, aliasing).createStatement()) {
            st.execute("SELECT * FROM lp_alias");
            assertNull(st.getWarnings());
        }
    }

    @Test
    void aLinkageErrorInARuleIsContainedToo() throws SQLException {
        StatementRule clashing = new RecordingRule("clash", sql -> true, log) {
            @Override
            public void beforeExecute(ExecutionContext ctx) {
                throw new NoSuchMethodError("com.google.gson.JsonParser.parseString");
            }
        };
        try (Statement st = connect(true, clashing).createStatement()) {
            st.execute("SELECT 1");
        }
        assertEquals(List.of("SELECT 1"), server.sent);
    }
}
