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
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakeproxy.holosim.HoloSimulator;
import dev.lakeproxy.testing.FaultProxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What NetworkFaultsTest's cases share: the simulator behind a TCP fault proxy, pools raw or
 * through lakeproxy, and the check that a pool recovers from a dropped connection.
 */
abstract class NetworkFaultsCase {

    static HoloSimulator sim;
    static FaultProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        sim = HoloScenarios.start("3.2.5", false);
        try (Connection c = sim.directConnection(HoloSimulator.DEFAULT_DATABASE);
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE big AS SELECT g AS id, repeat('x', 200) AS pad FROM"
                        + " generate_series(1, 100000) g");
            s.execute("CREATE TABLE copied (id int, pad text)");
        }
        proxy = new FaultProxy(sim.port());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        sim.close();
    }

    @AfterEach
    void heal() {
        proxy.heal();
    }

    static String url(boolean lakeproxy, String params) {
        String raw =
                "postgresql://127.0.0.1:" + proxy.port() + "/postgres?user=" + sim.user() + params;
        return (lakeproxy ? "jdbc:lakeproxy:" : "jdbc:") + raw;
    }

    static HikariDataSource pool(boolean lakeproxy) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url(lakeproxy, "&socketTimeout=10"));
        cfg.setMaximumPoolSize(2);
        cfg.setConnectionTimeout(10_000);
        return new HikariDataSource(cfg);
    }

    /**
     * The pool goes on after a drop: a borrower's statement works, at the latest on the second
     * borrow.
     */
    static void poolRecovers(HikariDataSource pool) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM big")) {
                rs.next();
                assertEquals(100_000, rs.getInt(1));
                return;
            } catch (SQLException dead) {
                // a connection broken by COPY fails its next use, and is evicted then
                if (attempt > 1 || !dead.getSQLState().startsWith("08")) {
                    throw dead;
                }
            }
        }
    }

    static long millisSince(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /** Work on a borrowed connection, during which the fault proxy drops the connection. */
    interface Borrowed {
        void run(Connection c) throws Exception;
    }

    /** A drop midway through {@code work}: the caller gets 08006, and the pool goes on. */
    static void aDropMidwayIsAConnectionErrorAndThePoolRecovers(
            boolean lakeproxy, Borrowed work) throws SQLException {
        try (HikariDataSource pool = pool(lakeproxy)) {
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () -> {
                                try (Connection c = pool.getConnection()) {
                                    work.run(c);
                                }
                            });
            assertEquals("08006", e.getSQLState());
            poolRecovers(pool);
        }
    }
}
