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
package dev.lakeproxy.odpsemu;

import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PreparedStatement insert (literal substitution and tunnel batch upload) and select, real
 * odps-jdbc.
 */
class PreparedStatementTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("prep"));

    static Connection conn;

    @BeforeAll
    static void setUp() throws SQLException {
        conn = connect(EMU.get().jdbcUrl("prep"));
        update(
                conn,
                "CREATE TABLE people (id BIGINT, name STRING, score DECIMAL(10,2), active BOOLEAN,"
                        + " seen DATETIME)");
        update(conn, "CREATE TABLE events (id BIGINT, what STRING) PARTITIONED BY (ds STRING)");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        conn.close();
    }

    @Test
    void executeUpdateWithParameters() throws SQLException {
        int before = EMU.get().jobs().size();
        try (PreparedStatement ps =
                conn.prepareStatement("INSERT INTO people VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, 1L);
            ps.setString(2, "Zhang San");
            ps.setBigDecimal(3, new BigDecimal("9.50"));
            ps.setBoolean(4, true);
            ps.setTimestamp(5, Timestamp.valueOf("2024-05-06 07:08:09"));
            assertEquals(1, ps.executeUpdate());
        }
        try (PreparedStatement ps =
                conn.prepareStatement(
                        "SELECT name, score, active, seen FROM people WHERE id = ?")) {
            ps.setLong(1, 1L);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("Zhang San", rs.getString(1));
                // DECIMAL values come back without trailing zeros (odps-jdbc suite,
                // OdpsResultSetTest)
                assertEquals(new BigDecimal("9.5"), rs.getBigDecimal(2));
                assertTrue(rs.getBoolean(3));
                assertEquals("2024-05-06 07:08:09", rs.getString(4));
                assertFalse(rs.next());
            }
        }
        // odps-jdbc 3.4.2: executeUpdate() is addBatch() + executeBatch(), a table-tunnel upload;
        // the only
        // job is the SELECT, whose parameter the driver spliced into the text as a BIGINT literal.
        assertEquals(1, EMU.get().jobs().size() - before);
        assertTrue(
                EMU.get()
                        .submittedSql()
                        .get(EMU.get().submittedSql().size() - 1)
                        .contains("id = 1L"),
                EMU.get().submittedSql().toString());
    }

    @Test
    void executeBatchUploadsThroughTheTableTunnel() throws SQLException {
        int before = EMU.get().jobs().size();
        try (PreparedStatement ps =
                conn.prepareStatement("INSERT INTO people VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 100; i < 105; i++) {
                ps.setLong(1, i);
                ps.setString(2, "名字-" + i);
                ps.setBigDecimal(3, new BigDecimal(i + ".25"));
                ps.setBoolean(4, i % 2 == 0);
                ps.setTimestamp(5, Timestamp.valueOf("2024-01-01 00:00:0" + (i - 100)));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertArrayEquals(new int[] {1, 1, 1, 1, 1}, counts);
        } // close() commits the upload session
        assertEquals(before, EMU.get().jobs().size(), "a batch is a tunnel upload, not a SQL job");
        List<List<Object>> r =
                rows(
                        conn,
                        "SELECT id, name, score, active, seen FROM people WHERE id >= 100 ORDER BY"
                                + " id LIMIT 100");
        assertEquals(5, r.size());
        assertEquals(
                List.of(100L, "名字-100", new BigDecimal("100.25"), true), r.get(0).subList(0, 4));
        // odps-jdbc returns DATETIME from getObject as a ZonedDateTime in the project time zone
        assertEquals(
                "2024-01-01T00:00:04",
                ((java.time.ZonedDateTime) r.get(4).get(4)).toLocalDateTime().toString());
    }

    @Test
    void batchIntoAPartition() throws SQLException {
        try (PreparedStatement ps =
                conn.prepareStatement(
                        "INSERT INTO events PARTITION(ds='20240101') VALUES (?, ?)")) {
            ps.setLong(1, 7L);
            ps.setString(2, "click");
            ps.addBatch();
            ps.setLong(1, 8L);
            ps.setString(2, "view");
            ps.addBatch();
            ps.executeBatch();
        }
        assertEquals(
                List.of(List.of(7L, "click", "20240101"), List.of(8L, "view", "20240101")),
                rows(conn, "SELECT id, what, ds FROM events ORDER BY id LIMIT 100"));
        // the driver asked whether the partition existed, and created it with ALTER TABLE ... ADD
        // PARTITION
        assertTrue(
                EMU.get().submittedSql().stream()
                        .anyMatch(s -> s.startsWith("ALTER TABLE") && s.contains("ADD")),
                EMU.get().submittedSql().toString());
        assertEquals("ds=20240101", EMU.get().execute("prep", "SHOW PARTITIONS events"));
    }
}
