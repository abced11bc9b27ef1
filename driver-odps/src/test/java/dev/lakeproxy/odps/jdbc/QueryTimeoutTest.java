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
package dev.lakeproxy.odps.jdbc;

import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.SubmittedJob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Query timeouts and cancel, enforced by stopping the MaxCompute job (odps-jdbc ignores a timeout
 * outside interactive mode and throws on 0): the emulator keeps each job Running for a while, as a
 * real job runs, and a stopped job ends as Cancelled having written nothing.
 */
class QueryTimeoutTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("slow"));

    private static String lakeUrl() {
        return "jdbc:lakeproxy:" + EMU.get().jdbcUrl("slow").substring("jdbc:".length());
    }

    @AfterEach
    void fastAgain() {
        EMU.get().setJobRunTime(Duration.ZERO);
    }

    @Test
    void zeroMeansNoLimitWhereRawOdpsJdbcThrowsAnUncheckedException() throws SQLException {
        try (Connection raw = connect(EMU.get().jdbcUrl("slow"));
                Statement s = raw.createStatement()) {
            assertThrows(IllegalArgumentException.class, () -> s.setQueryTimeout(0));
        }
        try (Connection lake = connect(lakeUrl()); Statement s = lake.createStatement()) {
            s.setQueryTimeout(0);
            assertEquals(0, s.getQueryTimeout());
            s.setQueryTimeout(7);
            assertEquals(7, s.getQueryTimeout());
            SQLException negative = assertThrows(SQLException.class, () -> s.setQueryTimeout(-1));
            assertEquals("22023", negative.getSQLState());
        }
    }

    @Test
    void aQueryPastItsTimeoutIsStoppedAndThrowsSqlTimeoutException() throws SQLException {
        EMU.get().setJobRunTime(Duration.ofSeconds(6));
        try (Connection lake = connect(lakeUrl()); Statement s = lake.createStatement()) {
            s.setQueryTimeout(1);
            long t0 = System.nanoTime();
            SQLTimeoutException e =
                    assertThrows(SQLTimeoutException.class, () -> s.executeQuery("SELECT 1"));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            assertEquals("HYT00", e.getSQLState());
            assertTrue(seconds < 5, "stopped well before the job's 6 s: " + seconds + " s");
            assertTrue(e.getMessage().contains("query timeout of 1 s"), e.getMessage());
        }
        SubmittedJob job = last();
        assertTrue(
                job.error() != null && job.error().contains("Cancelled"),
                "the job was stopped: " + job);
    }

    @Test
    void aStoppedInsertHasWrittenNothing() throws SQLException {
        try (Connection lake = connect(lakeUrl())) {
            update(lake, "CREATE TABLE IF NOT EXISTS timed_out (id BIGINT)");
            EMU.get().setJobRunTime(Duration.ofSeconds(6));
            try (Statement s = lake.createStatement()) {
                s.setQueryTimeout(1);
                assertThrows(
                        SQLTimeoutException.class,
                        () -> s.executeUpdate("INSERT INTO timed_out VALUES (1), (2)"));
            }
            EMU.get().setJobRunTime(Duration.ZERO);
            assertEquals(List.of(List.of(0L)), rows(lake, "SELECT count(*) FROM timed_out"));
        }
    }

    @Test
    void cancelFromAnotherThreadStopsTheRunningJob() throws Exception {
        EMU.get().setJobRunTime(Duration.ofSeconds(8));
        try (Connection lake = connect(lakeUrl()); Statement s = lake.createStatement()) {
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.executeQuery("SELECT 2");
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(1_500);
            long t0 = System.nanoTime();
            s.cancel();
            Object outcome = running.get(5, TimeUnit.SECONDS);
            assertTrue(
                    outcome instanceof SQLException,
                    "the query did not finish normally: " + outcome);
            assertEquals("HY008", ((SQLException) outcome).getSQLState());
            assertTrue(
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) < 4,
                    "within about a poll");
        }
        assertTrue(last().error().contains("Cancelled"));
    }

    @Test
    void aQueryWithinItsTimeoutAnswers() throws SQLException {
        EMU.get().setJobRunTime(Duration.ofMillis(1_500));
        try (Connection lake = connect(lakeUrl()); Statement s = lake.createStatement()) {
            s.setQueryTimeout(30);
            try (ResultSet rs = s.executeQuery("SELECT 3")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1));
            }
        }
    }

    private static SubmittedJob last() {
        List<SubmittedJob> jobs = EMU.get().jobs();
        return jobs.get(jobs.size() - 1);
    }
}
