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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's mechanism, proved with the test-only plugin (not with the Hologres plugin):
 * activation, rewrites, pass-through, run-firsts and tracked state, retries and error translation.
 */
class PipelineTest extends PipelineCase {

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

}
