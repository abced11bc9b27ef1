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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.spi.TransactionEvent;
import dev.lakeproxy.testing.EmbeddedPg;
import dev.lakeproxy.testing.LogCapture;
import dev.lakeproxy.testing.TestPlugin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline's mechanism, proved with the test-only plugin (not with the Hologres plugin). */
class PipelineTest {

    private static String db;

    @BeforeAll
    static void schema() throws SQLException {
        db = EmbeddedPg.freshDatabase();
        try (Connection c = DriverManager.getConnection(EmbeddedPg.rawUrl(db));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE lp_target (id int, note text)");
            s.execute("INSERT INTO lp_target VALUES (1, 'one'), (2, 'two')");
            s.execute("CREATE TABLE lp_guarded (id int)");
            s.execute("CREATE TABLE lp_tagged (id int)");
            s.execute("CREATE TABLE lp_ts (t timestamp)");
        }
    }

    @BeforeEach
    void freshFlag() throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedPg.rawUrl(db));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS lp_flag; CREATE TABLE lp_flag (x int)");
        }
    }

    private static Connection connect(boolean pluginOn) throws SQLException {
        return DriverManager.getConnection(
                EmbeddedPg.lakeUrl(db) + "&lakeproxy.test.enabled=" + pluginOn);
    }

    @Test
    void pluginActivatesOnlyWhenItsDetectionSaysSo() throws SQLException {
        try (Connection off = connect(false); Connection on = connect(true)) {
            assertEquals(List.of(), off.unwrap(LakeproxyConnection.class).activePlugins());
            assertEquals(List.of("test"), on.unwrap(LakeproxyConnection.class).activePlugins());
            assertEquals(
                    List.of("test plugin active"),
                    on.unwrap(LakeproxyConnection.class).connectActions());
        }
    }

    @Test
    void rewriteSplicesTheOriginalTextSoCommentsAndFormattingSurvive() throws SQLException {
        String sql = "/* keep me */ SELECT  id,\n\tnote -- and me\nFROM lp_alias a WHERE a.id = 2";
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            Explanation ex = c.unwrap(LakeproxyConnection.class).explain(sql);
            assertEquals(
                    "/* keep me */ SELECT  id,\n\tnote -- and me\nFROM lp_target a WHERE a.id = 2",
                    ex.finalSql());
            assertTrue(
                    ex.actions().contains("rewrite: lp_alias is lp_target"),
                    ex.actions().toString());
            long before = c.unwrap(LakeproxyConnection.class).metrics().rewritten.sum();
            try (ResultSet rs = s.executeQuery(sql)) {
                assertTrue(rs.next());
                assertEquals("two", rs.getString("note"));
                assertSame(s, rs.getStatement());
            }
            assertEquals(before + 1, c.unwrap(LakeproxyConnection.class).metrics().rewritten.sum());
            try (PreparedStatement p =
                    c.prepareStatement("SELECT note FROM lp_alias WHERE id = ?")) {
                p.setInt(1, 1);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("one", rs.getString(1));
                }
            }
        }
    }

    @Test
    void withThePluginOffNothingIsRewritten() throws SQLException {
        try (Connection c = connect(false); Statement s = c.createStatement()) {
            SQLException e =
                    assertThrows(
                            SQLException.class, () -> s.executeQuery("SELECT * FROM lp_alias"));
            assertEquals("42P01", e.getSQLState());
            assertTrue(
                    c.unwrap(LakeproxyConnection.class)
                            .explain("SELECT * FROM lp_alias")
                            .passesThrough());
        }
    }

    @Test
    void unparseableSqlPassesThroughUntouched() throws SQLException {
        String sql =
                "SELECT id FROM lp_alias WHERE id = ANY(ARRAY[1]) OFFSET 0 ROWS FETCH NEXT 1 ROWS"
                    + " WITH TIES %%";
        try (Connection c = connect(true)) {
            Explanation ex = c.unwrap(LakeproxyConnection.class).explain(sql);
            assertEquals(sql, ex.finalSql());
            assertTrue(
                    ex.actions().contains("unparseable: passes through"), ex.actions().toString());
            try (Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
                assertEquals("42601", e.getSQLState(), "the server, not lakeproxy, judges the SQL");
            }
        }
    }

    @Test
    void runFirstHappensOnceAndTrackedStateFollowsTheServer() throws SQLException {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            long settings = c.unwrap(LakeproxyConnection.class).metrics().settingsSent.sum();
            s.execute("SELECT count(*) FROM lp_tagged");
            s.execute("SELECT count(*) FROM lp_tagged");
            assertEquals(
                    settings + 1, c.unwrap(LakeproxyConnection.class).metrics().settingsSent.sum());
            try (ResultSet rs = s.executeQuery("SHOW application_name")) {
                rs.next();
                assertEquals("lp-tagged", rs.getString(1));
            }
        }
    }

    @Test
    void safeFailureIsRetriedOnceAfterTheFix() throws SQLException {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            long retries = c.unwrap(LakeproxyConnection.class).metrics().retries.sum();
            try (ResultSet rs = s.executeQuery("SELECT 10 / (SELECT count(*) FROM lp_flag)")) {
                rs.next();
                assertEquals(10, rs.getInt(1));
            }
            assertEquals(retries + 1, c.unwrap(LakeproxyConnection.class).metrics().retries.sum());
        }
    }

    @Test
    void noRetryInsideATransaction() throws SQLException {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () -> s.executeQuery("SELECT 10 / (SELECT count(*) FROM lp_flag)"));
            assertEquals("22012", e.getSQLState());
            c.rollback();
        }
    }

    @Test
    void translatedErrorKeepsSqlStateVendorCodeAndCause() throws SQLException {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            SQLException e =
                    assertThrows(
                            SQLException.class, () -> s.executeQuery("SELECT * FROM lp_missing"));
            assertEquals("42P01", e.getSQLState());
            assertTrue(e.getCause() instanceof org.postgresql.util.PSQLException);
            assertEquals(((SQLException) e.getCause()).getErrorCode(), e.getErrorCode());
            assertTrue(e.getMessage().contains("lp_missing"));
        }
    }

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
