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
package dev.lakeproxy.holosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * pgjdbc through the endpoint: both query protocols, prepared statements, batches, COPY, cancel,
 * SSL, stats.
 */
class WireProtocolTest {
    @RegisterExtension
    static final HoloSimExtension SIM = HoloSimExtension.version("3.2.5").shared();

    @BeforeAll
    static void store() throws SQLException {
        SIM.sim()
                .maxcompute()
                .project("wire_p")
                .table("nums", "n bigint, label text")
                .insertRows(
                        java.util.stream.IntStream.rangeClosed(1, 1000)
                                .mapToObj(i -> new Object[] {i, "n" + i})
                                .collect(java.util.stream.Collectors.toList()));
        try (Connection c = Db.connect(SIM.sim(), Db.EXTENDED)) {
            Db.exec(
                    c,
                    "CREATE FOREIGN TABLE IF NOT EXISTS wire_nums (n bigint, label text) SERVER"
                        + " odps_server OPTIONS (project_name 'wire_p', table_name 'nums')");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void hgVersionAndBasics(String mode) throws Exception {
        try (Connection c = Db.connect(SIM.sim(), mode)) {
            String v = Db.one(c, "SELECT hg_version()");
            assertTrue(
                    v.matches(
                            "Hologres 3\\.2\\.5 \\(tag: 3\\.2\\.5 build: Release,.*\\), compatible"
                                + " with PostgreSQL 11\\.3 \\(.*\\) on x86_64-pc-linux-gnu, .*"),
                    v);
            assertEquals(SIM.sim().versionString(), v);
            assertEquals("héllo ✓", Db.one(c, "SELECT 'héllo ✓'"));
            assertEquals("500500", Db.one(c, "SELECT sum(n) FROM wire_nums"));
            try (Statement st = c.createStatement()) {
                assertTrue(st.execute("SELECT 1; SELECT hg_version()"));
                assertTrue(st.getMoreResults());
                try (ResultSet rs = st.getResultSet()) {
                    assertTrue(rs.next());
                    assertEquals(v, rs.getString(1));
                }
            }
        }
    }

    @Test
    void serverPreparedStatementsAndPipelinedBatches() throws Exception {
        try (Connection c =
                Db.connect(SIM.sim(), "postgres", Db.EXTENDED, "prepareThreshold", "1")) {
            Db.exec(c, "CREATE TABLE IF NOT EXISTS wire_local (id int, s text)");
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT label FROM wire_nums WHERE n = ?")) {
                for (int i = 1; i <= 10; i++) {
                    ps.setLong(1, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals("n" + i, rs.getString(1));
                    }
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO wire_local VALUES (?, ?)")) {
                for (int i = 0; i < 500; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "s" + i);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                assertEquals(500, counts.length);
            }
            c.commit();
            c.setAutoCommit(true);
            assertEquals("500", Db.one(c, "SELECT count(*) FROM wire_local"));
            Db.exec(c, "DROP TABLE wire_local");
        }
    }

    @Test
    void cursorFetchCopyAndNotices() throws Exception {
        try (Connection c = Db.connect(SIM.sim(), Db.EXTENDED)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.setFetchSize(100); // portal suspension: Execute with a row limit
                int rows = 0;
                try (ResultSet rs = st.executeQuery("SELECT n, label FROM wire_nums ORDER BY n")) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                assertEquals(1000, rows);
            }
            c.commit();
            c.setAutoCommit(true);
            Db.exec(c, "CREATE TABLE wire_copy (id int, s text)");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            assertEquals(
                    2, copy.copyIn("COPY wire_copy FROM STDIN", new StringReader("1\ta\n2\tb\n")));
            StringWriter out = new StringWriter();
            copy.copyOut("COPY (SELECT * FROM wire_copy ORDER BY id) TO STDOUT", out);
            assertEquals("1\ta\n2\tb\n", out.toString());
            Db.exec(c, "DROP TABLE wire_copy");
            try (Statement st = c.createStatement()) {
                st.execute("DO $$BEGIN RAISE NOTICE 'user notice'; END$$");
                SQLWarning w = st.getWarnings();
                assertNotNull(w, "ordinary notices reach the client");
                assertEquals("user notice", w.getMessage());
            }
        }
    }

    @Test
    void concurrentSessionsKeepTheirOwnSettings() throws Exception {
        HoloSimulator sim = SIM.sim();
        sim.clearQueryLog();
        int threads = 8;
        int reads = 25;
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            all.add(
                    CompletableFuture.runAsync(
                            () -> {
                                try (Connection c =
                                        Db.connect(sim, id % 2 == 0 ? Db.EXTENDED : Db.SIMPLE)) {
                                    if (id % 2 == 0) {
                                        Db.exec(c, "SET " + SettingsTest.ORC + " = false");
                                    }
                                    for (int i = 0; i < reads; i++) {
                                        assertEquals(
                                                String.valueOf(1000 - id),
                                                Db.one(
                                                        c,
                                                        "SELECT count(*) FROM wire_nums WHERE n > "
                                                                + id));
                                    }
                                } catch (SQLException e) {
                                    throw new RuntimeException(e);
                                }
                            }));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        List<QueryLogEntry> log = sim.queryLog();
        assertEquals(threads * reads, log.size());
        for (QueryLogEntry e : log) {
            int id = Integer.parseInt(e.query().substring(e.query().lastIndexOf(' ') + 1));
            assertEquals(id % 2 == 0 ? Engine.SQE : Engine.HQE, e.engine(), e::toString);
        }
    }

    @Test
    void cancelReachesTheServer() throws Exception {
        try (Connection c = Db.connect(SIM.sim(), Db.EXTENDED);
                Statement st = c.createStatement()) {
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    TimeUnit.MILLISECONDS.sleep(300);
                    st.cancel();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long t0 = System.nanoTime();
            SQLException e =
                    assertThrows(SQLException.class, () -> st.execute("SELECT pg_sleep(20)"));
            assertEquals("57014", e.getSQLState());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10));
            cancel.get();
            assertEquals("1", Db.one(c, "SELECT 1"));
        }
    }

    @Test
    void sslRequestIsDeclined() throws Exception {
        try (Connection c = Db.connect(SIM.sim(), "postgres", Db.EXTENDED, "sslmode", "prefer")) {
            assertEquals("1", Db.one(c, "SELECT 1"));
        }
        SQLException e = assertThrows(SQLException.class,
                () -> Db.connect(SIM.sim(), "postgres", Db.EXTENDED, "sslmode", "require"));
        assertTrue(e.getSQLState().startsWith("08"), e.getSQLState());
    }

    @Test
    void statsCountConnectionsRoundTripsAndHgVersionCalls() throws Exception {
        HoloSimulator sim = SIM.sim();
        sim.resetStats();
        long id;
        try (Connection c = Db.connect(sim, Db.EXTENDED)) {
            SimStats afterConnect = sim.stats();
            assertEquals(1, afterConnect.connections());
            SimStats.ConnectionStats mine =
                    afterConnect.perConnection().get(afterConnect.perConnection().size() - 1);
            id = mine.id();
            long base = mine.roundTrips();
            for (int i = 0; i < 3; i++) {
                Db.one(c, "SELECT hg_version()");
            }
            Db.one(c, "SELECT 1");
            SimStats s = sim.stats();
            assertEquals(3, s.hgVersionCalls());
            SimStats.ConnectionStats now =
                    s.perConnection().stream().filter(x -> x.id() == id).findFirst().get();
            assertEquals(base + 4, now.roundTrips(), "one Sync per statement");
        }
        try (Connection c = Db.connect(sim, Db.SIMPLE)) {
            Db.exec(c, "SELECT hg_version(); SELECT 1");
        }
        assertEquals(4, sim.stats().hgVersionCalls());

        sim.resetStats();
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(sim.jdbcUrl());
        cfg.setUsername(sim.user());
        cfg.setPassword(sim.password());
        cfg.setMinimumIdle(20);
        cfg.setMaximumPoolSize(20);
        try (HikariDataSource ds = new HikariDataSource(cfg)) {
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                held.add(ds.getConnection());
            }
            for (Connection c : held) {
                assertEquals("1", Db.one(c, "SELECT 1"));
                c.close();
            }
            assertEquals(20, sim.stats().connections());
            assertEquals(0, sim.stats().hgVersionCalls());
        }
    }
}
