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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakeproxy.testing.EmbeddedPg;
import dev.lakeproxy.testing.FaultProxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** HikariCP under load, and a server that dies mid-statement and comes back. */
class RobustnessTest {

    @Test
    void hikariWithSixteenThreadsRunsCleanAndKeepsEachSessionsState() throws Exception {
        String db = EmbeddedPg.freshDatabase();
        try (Connection c = DriverManager.getConnection(EmbeddedPg.rawUrl(db));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE lp_tagged (id int); CREATE TABLE work (t int, n int)");
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(EmbeddedPg.lakeUrl(db) + "&lakeproxy.test.enabled=true");
        cfg.setMaximumPoolSize(8);
        cfg.setLeakDetectionThreshold(10_000);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicLong ops = new AtomicLong();
        try (HikariDataSource pool = new HikariDataSource(cfg)) {
            ExecutorService threads = Executors.newFixedThreadPool(16);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            for (int t = 0; t < 16; t++) {
                int thread = t;
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        try (Connection c = pool.getConnection()) {
                            oneUnitOfWork(c, thread);
                            ops.incrementAndGet();
                        } catch (Throwable e) {
                            errors.add(e);
                            return;
                        }
                    }
                });
            }
            threads.shutdown();
            assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(List.of(), errors);
            assertEquals(
                    0, pool.getHikariPoolMXBean().getActiveConnections(), "no connection leaked");
            try (Connection c = pool.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery(
                                    "SELECT count(*) FROM pg_stat_activity WHERE datname ="
                                        + " current_database()")) {
                rs.next();
                assertTrue(rs.getInt(1) <= 8, "server sessions stay within the pool size");
            }
        }
        assertTrue(ops.get() > 100, "work got done: " + ops.get());
    }

    private static void oneUnitOfWork(Connection c, int thread) throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        try (Statement s = c.createStatement()) {
            switch (r.nextInt(5)) {
                case 0:
                    try (ResultSet rs = s.executeQuery("SELECT " + thread)) {
                        rs.next();
                        assertEquals(thread, rs.getInt(1));
                    }
                    break;
                case 1:
                    try (PreparedStatement p =
                            c.prepareStatement("INSERT INTO work VALUES (?, ?)")) {
                        p.setInt(1, thread);
                        p.setInt(2, r.nextInt());
                        assertEquals(1, p.executeUpdate());
                    }
                    break;
                case 2:
                    c.setAutoCommit(false);
                    s.executeUpdate("INSERT INTO work VALUES (-1, 0)");
                    c.rollback();
                    c.setAutoCommit(true);
                    break;
                case 3:
                    // the test plugin tags the session once; the tag must be on this very session
                    // afterwards
                    s.execute("SELECT count(*) FROM lp_tagged");
                    try (ResultSet rs = s.executeQuery("SHOW application_name")) {
                        rs.next();
                        assertEquals("lp-tagged", rs.getString(1));
                    }
                    break;
                default:
                    try (ResultSet rs = s.executeQuery("SELECT id FROM lp_alias_missing_table")) {
                        fail("table should not exist");
                    } catch (SQLException expected) {
                        assertEquals("42P01", expected.getSQLState());
                    }
            }
        }
    }

    @Test
    void serverDyingMidStatementGivesConnectionErrorAndThePoolRecovers() throws Exception {
        try (FaultProxy server = new FaultProxy(EmbeddedPg.port())) {
            HikariConfig cfg = new HikariConfig();
            cfg.setJdbcUrl(
                    "jdbc:lakeproxy:postgresql://127.0.0.1:"
                            + server.port()
                            + "/postgres?user=postgres&connectTimeout=2");
            cfg.setMaximumPoolSize(2);
            cfg.setConnectionTimeout(15_000);
            try (HikariDataSource pool = new HikariDataSource(cfg)) {
                ExecutorService one = Executors.newSingleThreadExecutor();
                Future<SQLException> running = one.submit(() -> {
                    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                        s.execute("SELECT pg_sleep(20)");
                        return null;
                    } catch (SQLException e) {
                        return e;
                    }
                });
                Thread.sleep(700);
                server.stop();
                SQLException died = running.get(20, TimeUnit.SECONDS);
                one.shutdown();
                assertTrue(died != null && died.getSQLState().startsWith("08"), "got " + died);

                server.start();
                try (Connection c = pool.getConnection();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT 7")) {
                    rs.next();
                    assertEquals(7, rs.getInt(1));
                    assertTrue(c.isWrapperFor(LakeproxyConnection.class));
                }
            }
        }
    }
}
