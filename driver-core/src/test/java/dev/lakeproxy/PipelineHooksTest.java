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
package dev.lakeproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.spi.TransactionEvent;
import dev.lakeproxy.testing.LogCapture;
import dev.lakeproxy.testing.TestPlugin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's hooks, proved with the test-only plugin: failures offered on the fast path,
 * refusals, parameter values, transaction events, logging, and the slow path only where wanted.
 */
class PipelineHooksTest extends PipelineCase {

    @Test
    void failuresOnTheFastPathAreOfferedToThePluginsToo() throws SQLException {
        try (Connection c = connect(true); Statement s = c.createStatement();
             PreparedStatement p = c.prepareStatement("SELECT 1 / ? AS recover_me")) {
            long analysed = c.unwrap(LakeproxyConnection.class).metrics().analysed.sum();
            SQLException e =
                    assertThrows(
                            SQLException.class, () -> s.executeQuery("SELECT 1 / 0 AS recover_me"));
            assertEquals("22012", e.getSQLState());
            assertTrue(e.getMessage().contains("test.divided"), "translated: " + e.getMessage());
            p.setInt(1, 0);
            SQLException pe = assertThrows(SQLException.class, p::executeQuery);
            assertTrue(pe.getMessage().contains("test.divided"), "translated: " + pe.getMessage());
            assertEquals(
                    analysed,
                    c.unwrap(LakeproxyConnection.class).metrics().analysed.sum(),
                    "still the fast path");
        }
    }

    @Test
    void refusalHappensBeforeTheServerSeesTheStatement() throws SQLException {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            s.execute("INSERT INTO lp_guarded VALUES (1)");
            SQLException e =
                    assertThrows(
                            SQLException.class, () -> s.executeUpdate("DELETE FROM lp_guarded"));
            assertEquals("0A000", e.getSQLState());
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM lp_guarded")) {
                rs.next();
                assertTrue(rs.getInt(1) >= 1, "the DELETE never ran");
            }
            assertTrue(
                    c.unwrap(LakeproxyConnection.class).explain("DELETE FROM lp_guarded").refusal()
                            != null);
        }
    }

    @Test
    void parameterValuesCanBeAdjusted() throws SQLException {
        try (Connection c = connect(true);
                PreparedStatement p = c.prepareStatement("INSERT INTO lp_ts VALUES (?)");
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM lp_ts");
            p.setTimestamp(1, Timestamp.valueOf("2024-01-02 03:04:05.678"));
            p.executeUpdate();
            try (ResultSet rs = s.executeQuery("SELECT t FROM lp_ts")) {
                rs.next();
                assertEquals(Timestamp.valueOf("2024-01-02 03:04:05"), rs.getTimestamp(1));
            }
        }
    }

    @Test
    void transactionEventsReachThePlugins() throws SQLException {
        TestPlugin.EVENTS.clear();
        try (Connection c = connect(true)) {
            c.setAutoCommit(false);
            c.commit();
            java.sql.Savepoint sp = c.setSavepoint();
            c.rollback(sp);
            c.rollback();
            c.setAutoCommit(true);
        }
        assertEquals(
                List.of(
                        TransactionEvent.AUTOCOMMIT_OFF,
                        TransactionEvent.COMMIT,
                        TransactionEvent.ROLLBACK_TO_SAVEPOINT,
                        TransactionEvent.ROLLBACK,
                        TransactionEvent.AUTOCOMMIT_ON),
                TestPlugin.EVENTS);
    }

    @Test
    void rewritesAndRunFirstsAreLoggedAtFine() throws SQLException {
        try (LogCapture log = new LogCapture(Level.FINE);
                Connection c = connect(true);
                Statement s = c.createStatement()) {
            s.executeQuery("SELECT id FROM lp_alias").close();
            s.execute("SELECT 1 FROM lp_tagged");
            assertTrue(
                    log.contains("lakeproxy rewrote a statement (rewrite: lp_alias is lp_target)"),
                    log.lines().toString());
            assertTrue(
                    log.contains(
                            "lakeproxy ran SET application_name = 'lp-tagged' before the"
                                + " statement"),
                    log.lines().toString());
        }
    }

    @Test
    void statementsNoPluginCaresAboutNeverReachTheSlowPath() throws SQLException {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            LakeproxyConnection lc = c.unwrap(LakeproxyConnection.class);
            long analysed = lc.metrics().analysed.sum();
            long statements = lc.metrics().statements.sum();
            for (int i = 0; i < 20; i++) {
                s.executeQuery("SELECT " + i).close();
            }
            assertEquals(analysed, lc.metrics().analysed.sum(), "no statement was analysed");
            assertTrue(lc.metrics().statements.sum() >= statements + 20);
            assertFalse(lc.explain("SELECT 1").rewritten());
        }
    }
}
