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
package dev.lakeproxy.odps;

import static dev.lakeproxy.odps.PluginTestSupport.counter;
import static dev.lakeproxy.odps.PluginTestSupport.explain;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.Explanation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paimon_DLF external projects: the write guards (Dynamic Bucket and cross-partition tables) and
 * timestamp parameters; raw odps-jdbc alongside.
 */
class PaimonDlfWritesTest extends PaimonDlfProject {

    @Test
    void writesToDynamicBucketAndCrossPartitionTablesAreRefusedBeforeSubmission()
            throws SQLException {
        for (String t : List.of("dyn", "minus1")) {
            String sql = "INSERT INTO " + t + " VALUES (1, 'a')";
            EMU.get().clearJobs();
            SQLException e = assertThrows(SQLException.class, () -> update(lp, sql));
            assertEquals(List.of(), EMU.get().submittedSql(), "no job reaches MaxCompute");
            assertTrue(
                    e.getMessage().contains("Dynamic Bucket")
                            && e.getMessage()
                                    .contains("Writing to Dynamic Bucket tables is not supported")
                            && e.getMessage().contains("lake.default." + t),
                    e.getMessage());
            assertEquals("0A000", e.getSQLState());
            SQLException rawError = assertThrows(SQLException.class, () -> update(raw, sql));
            assertTrue(
                    rawError.getMessage()
                            .contains("Writing to Dynamic Bucket tables is not supported"));
            assertEquals(
                    1,
                    EMU.get().submittedSql().size(),
                    "raw: the job is submitted and fails on the server");
        }
        String cross = "INSERT OVERWRITE TABLE cross_part PARTITION (ds='20250101') SELECT 1, 'a'";
        EMU.get().clearJobs();
        SQLException e = assertThrows(SQLException.class, () -> update(lp, cross));
        assertEquals(List.of(), EMU.get().submittedSql());
        assertTrue(
                e.getMessage().contains("Cross Partition")
                        && e.getMessage().contains("partition column ds"),
                e.getMessage());
        Explanation x = explain(lp, cross);
        assertNotNull(x.refusal());
        assertTrue(x.refusal().contains("Cross Partition"));
        assertThrows(
                SQLException.class,
                () -> lp.prepareStatement("INSERT INTO dyn VALUES (?, ?)"),
                "refused at prepare too");
        assertTrue(counter(lp, "odps.paimonWriteRefused") >= 3);
        // writable tables are not refused
        assertEquals(1, update(lp, "INSERT INTO emp VALUES (1, 'a')"));
        assertEquals(
                1,
                update(lp, "INSERT INTO pk_with_part PARTITION (ds='20250101') VALUES (1, 'a')"));
    }

    @Test
    void aMultiInsertBranchIntoADynamicBucketTableIsRefusedBeforeSubmission() throws SQLException {
        String sql =
                "FROM emp\n"
                    + "INSERT INTO TABLE emp SELECT id + 100, name\n"
                    + "INSERT INTO TABLE dyn SELECT id, name";
        EMU.get().clearJobs();
        SQLException e = assertThrows(SQLException.class, () -> update(lp, sql));
        assertEquals(List.of(), EMU.get().submittedSql(), "no job reaches MaxCompute");
        assertTrue(e.getMessage().contains("Writing to Dynamic Bucket tables is not supported")
                && e.getMessage().contains("lake.default.dyn"), e.getMessage());
        assertEquals("0A000", e.getSQLState());
        SQLException rawError = assertThrows(SQLException.class, () -> update(raw, sql));
        assertTrue(
                rawError.getMessage().contains("Writing to Dynamic Bucket tables is not supported"),
                rawError.getMessage());
        assertEquals(
                1,
                EMU.get().submittedSql().size(),
                "raw: the job is submitted and fails on the server");
    }

    @Test
    void timestampParametersAreTruncatedByPrecision() throws SQLException {
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "ts_table",
                        List.of(
                                "id BIGINT",
                                "t3 TIMESTAMP(3)",
                                "t6 TIMESTAMP(6)",
                                "t0 TIMESTAMP(0)"),
                        null,
                        null,
                        2);
        Timestamp written = Timestamp.valueOf("2025-01-01 10:00:00.123789456");
        for (Connection c : List.of(raw, lp)) {
            EMU.get().clearJobs();
            String sql = "INSERT INTO ts_table VALUES (?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, c == raw ? 1 : 2);
                ps.setTimestamp(2, written);
                ps.setTimestamp(3, written);
                ps.setTimestamp(4, written);
                // odps-jdbc 3.4.2: execute() sends the values as literals, executeUpdate() uploads
                // them
                ps.execute();
            }
            String sent = EMU.get().submittedSql().get(0);
            if (c == raw) {
                assertTrue(
                        sent.contains(
                                "TIMESTAMP'2025-01-01 10:00:00.123789456', TIMESTAMP'2025-01-01"
                                    + " 10:00:00.123789456'"),
                        sent);
            } else {
                assertTrue(
                        sent.contains(
                                "TIMESTAMP'2025-01-01 10:00:00.123', TIMESTAMP'2025-01-01"
                                    + " 10:00:00.123789', TIMESTAMP'2025-01-01 10:00:00.123'"),
                        sent);
            }
        }
        try (Statement st = lp.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT id, t3, t6, t0 FROM ts_table ORDER BY id LIMIT 10")) {
            assertTrue(rs.next());
            assertTrue(
                    !rs.getTimestamp(2).equals(written),
                    "raw: what is read back differs from what was sent");
            assertTrue(rs.next());
            assertEquals(
                    Timestamp.valueOf("2025-01-01 10:00:00.123"),
                    rs.getTimestamp(2),
                    "lakeproxy: read back = sent");
            assertEquals(Timestamp.valueOf("2025-01-01 10:00:00.123789"), rs.getTimestamp(3));
            assertEquals(Timestamp.valueOf("2025-01-01 10:00:00.123"), rs.getTimestamp(4));
        }
        assertTrue(counter(lp, "odps.timestampsTruncated") >= 3);
    }
}
