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

import static dev.lakeproxy.holo.HoloScenarios.BYOK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.lakeproxy.holosim.Engine;
import dev.lakeproxy.holosim.SimFaults.Fault;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Case 3 of docs/reliability.md: a failure between lakeproxy's engine switch (SET ... = false
 * before a read of an encrypted project) and its RESET. A pool of one connection, a first borrower
 * whose encrypted read fails (a statement error, a cancel, a query timeout, a dropped connection, a
 * RESET that fails, never arrives or gets no answer), and a second borrower who checks {@code SHOW
 * hg_experimental_enable_access_odps_orc_via_holo} and which engine the simulator logged for its
 * read of a plain foreign table. Expected: the session's own engine (HQE, SHOW true), on the same
 * physical connection when it survived. Raw, an application's own SET outlives its failed statement
 * on a pooled connection.
 */
class EngineLeftoverTest extends EngineLeftoverCase {

    @Test
    void aStatementErrorAfterTheSwitch() throws SQLException {
        try (HikariDataSource pool = poolOfOne(true)) {
            assertTrue(
                    secondBorrowerGetsTheSessionsEngine(
                            pool,
                            c -> {
                                failsWith("22012", c, "SELECT id / 0 FROM " + BYOK);
                                assertEquals(
                                        Engine.SQE,
                                        lastRead().engine(),
                                        "the failed read itself ran on SQE");
                            }),
                    "the same physical connection");
        }
    }

    @Test
    void aStatementErrorInATransactionTheBorrowerLeavesOpen() throws SQLException {
        try (HikariDataSource pool = poolOfOne(true)) {
            assertTrue(
                    secondBorrowerGetsTheSessionsEngine(
                            pool,
                            c -> {
                                c.setAutoCommit(false);
                                failsWith("22012", c, "SELECT id / 0 FROM " + BYOK);
                            }));
        }
    }

    @Test
    void aCancelFromAnotherThread() throws SQLException {
        try (HikariDataSource pool = poolOfOne(true)) {
            assertTrue(
                    secondBorrowerGetsTheSessionsEngine(
                            pool,
                            c -> {
                                try (Statement s = c.createStatement()) {
                                    CompletableFuture<Void> cancel =
                                            CompletableFuture.runAsync(
                                                    () -> {
                                                        try {
                                                            TimeUnit.MILLISECONDS.sleep(600);
                                                            s.cancel();
                                                        } catch (SQLException
                                                                | InterruptedException e) {
                                                            throw new IllegalStateException(e);
                                                        }
                                                    });
                                    SQLException e =
                                            assertThrows(
                                                    SQLException.class,
                                                    () ->
                                                            s.execute(
                                                                    "SELECT id, pg_sleep(3) FROM "
                                                                            + BYOK));
                                    assertEquals("57014", e.getSQLState());
                                    cancel.join();
                                }
                            }));
        }
    }

    @Test
    void aQueryTimeout() throws SQLException {
        try (HikariDataSource pool = poolOfOne(true)) {
            assertTrue(
                    secondBorrowerGetsTheSessionsEngine(
                            pool,
                            c -> {
                                try (Statement s = c.createStatement()) {
                                    s.setQueryTimeout(1);
                                    SQLException e =
                                            assertThrows(
                                                    SQLException.class,
                                                    () ->
                                                            s.execute(
                                                                    "SELECT id, pg_sleep(3) FROM "
                                                                            + BYOK));
                                    assertEquals("57014", e.getSQLState());
                                }
                            }));
        }
    }

    @Test
    void theConnectionDropsBetweenTheSwitchAndTheStatement() throws SQLException {
        try (HikariDataSource pool = poolOfOne(true)) {
            SIM.sim().faults().on("SET " + SETTING, Fault.DROP_AFTER_ANSWER);
            boolean same =
                    secondBorrowerGetsTheSessionsEngine(
                            pool,
                            c -> {
                                failsWith("08", c, "SELECT count(*) FROM " + BYOK);
                                assertTrue(SIM.sim().queryLog().isEmpty(), "the read never ran");
                            });
            assertTrue(!same, "the dropped session is gone; the pool made a new one");
        }
    }

    @Test
    void theResetFailsOnALiveConnection() throws SQLException {
        try (HikariDataSource pool = poolOfOne(true)) {
            SIM.sim().faults().on("^RESET " + SETTING, Fault.FAIL);
            assertTrue(
                    secondBorrowerGetsTheSessionsEngine(
                            pool,
                            c -> {
                                try (Statement s = c.createStatement()) {
                                    s.execute("SELECT count(*) FROM " + BYOK);
                                    assertNotNull(s.getWarnings());
                                    assertTrue(
                                            s.getWarnings()
                                                    .getMessage()
                                                    .contains(
                                                            "RESETs it before the next statement"),
                                            s.getWarnings().getMessage());
                                }
                            }),
                    "the same connection, its setting RESET before the second borrower's first"
                        + " statement");
        }
    }

    @Test
    void theResetNeverReachesTheServer() throws SQLException {
        try (HikariDataSource pool = poolOfOne(true)) {
            SIM.sim().faults().on("^RESET " + SETTING, Fault.DROP_BEFORE);
            secondBorrowerGetsTheSessionsEngine(
                    pool, c -> assertEquals(2, HoloScenarios.count(c, BYOK)));
        }
    }

    @Test
    void theResetGetsNoAnswerAndLakeproxysBoundEndsTheSession() throws SQLException {
        try (HikariDataSource pool = poolOfOne(true, "lakeproxy.holo.timeoutMillis=1000")) {
            SIM.sim().faults().on("^RESET " + SETTING, Fault.FREEZE);
            boolean same =
                    secondBorrowerGetsTheSessionsEngine(
                            pool,
                            c -> {
                                long t0 = System.nanoTime();
                                assertEquals(2, HoloScenarios.count(c, BYOK));
                                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                                assertTrue(
                                        ms < 4_000,
                                        "the RESET waited at most lakeproxy's bound: "
                                                + ms
                                                + " ms");
                            });
            assertTrue(!same);
        }
    }

    @Test
    void rawAnApplicationsOwnSetOutlivesItsFailedStatement() throws SQLException {
        try (HikariDataSource pool = poolOfOne(false)) {
            try (Connection c = pool.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SET " + SETTING + " = false");
                assertThrows(SQLException.class, () -> s.execute("SELECT id / 0 FROM " + BYOK));
                // the application's RESET after the statement is skipped by the exception
            }
            try (Connection c = pool.getConnection()) {
                assertNotEquals(
                        "true", HoloScenarios.show(c, SETTING), "raw: the next borrower gets SQE");
            }
        }
    }
}
