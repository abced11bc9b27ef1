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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connect, DDL, INSERT and SELECT through the real odps-jdbc 3.4.2. */
class BasicSqlTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("basic"));

    static Connection conn;

    @BeforeAll
    static void open() throws SQLException {
        conn = connect(EMU.get().jdbcUrl("basic"));
    }

    @AfterAll
    static void disconnect() throws SQLException {
        conn.close();
    }

    @Test
    void connectsAndReportsTheEndpoint() throws SQLException {
        assertTrue(conn.isValid(5) || !conn.isClosed());
        assertEquals(EMU.get().endpoint(), conn.getMetaData().getURL());
    }

    @Test
    void createInsertSelectWithTypesNullsQuotesAndNonAscii() throws SQLException {
        assertEquals(
                0,
                update(
                        conn,
                        "CREATE TABLE typed (id BIGINT, i INT, s STRING, d DOUBLE, dec"
                            + " DECIMAL(10,2), b BOOLEAN, dt DATETIME, ts TIMESTAMP, day DATE, bin"
                            + " BINARY) LIFECYCLE 7"));
        int n =
                update(
                        conn,
                        "INSERT INTO typed VALUES (1L, 10, 'It\\'s \"quoted\" – Ünïcode 中文', 1.5,"
                                + " 12.34BD, true, DATETIME '2024-01-02 03:04:05', TIMESTAMP"
                                + " '2024-01-02 03:04:05.123456', DATE '2024-02-29', CAST('ab' AS"
                                + " BINARY)), (2L, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                                + " NULL), (3L, -1, \"MiXeD Case\", -0.25, -1.05BD, false, DATETIME"
                                + " '1999-12-31 23:59:59', TIMESTAMP '2000-01-01 00:00:00', DATE"
                                + " '2000-01-01', NULL)");
        assertEquals(3, n);
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM typed ORDER BY id LIMIT 100")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(10, md.getColumnCount());
            assertEquals("id", md.getColumnName(1));
            assertEquals("BIGINT", md.getColumnTypeName(1).toUpperCase());
            assertEquals("DECIMAL", md.getColumnTypeName(5).toUpperCase().replaceAll("\\(.*", ""));
            assertEquals("DATETIME", md.getColumnTypeName(7).toUpperCase());
            assertTrue(rs.next());
            assertEquals(1L, rs.getLong(1));
            assertEquals(10, rs.getInt(2));
            assertEquals("It's \"quoted\" – Ünïcode 中文", rs.getString(3));
            assertEquals(1.5, rs.getDouble(4), 0.0);
            assertEquals(new BigDecimal("12.34"), rs.getBigDecimal(5));
            assertTrue(rs.getBoolean(6));
            assertEquals("2024-01-02 03:04:05", rs.getString(7));
            assertTrue(rs.getString(8).startsWith("2024-01-02 03:04:05.123456"), rs.getString(8));
            assertEquals("2024-02-29", rs.getString(9));
            assertEquals(java.sql.Date.valueOf("2024-02-29"), rs.getDate(9));
            assertEquals(
                    "ab", new String(rs.getBytes(10), java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(rs.next());
            assertEquals(2L, rs.getLong(1));
            for (int i = 2; i <= 10; i++) {
                assertNull(rs.getObject(i), "column " + i);
            }
            assertTrue(rs.next());
            assertEquals("MiXeD Case", rs.getString(3), "literals keep their case");
            assertEquals(new BigDecimal("-1.05"), rs.getBigDecimal(5));
            assertFalse(rs.getBoolean(6));
            assertFalse(rs.next());
        }
    }

    @Test
    void partitionedTableInsertOverwriteAndDistributeBy() throws SQLException {
        update(
                conn,
                "CREATE TABLE IF NOT EXISTS sales (item STRING, amount BIGINT) PARTITIONED BY (ds"
                        + " STRING) LIFECYCLE 30");
        assertEquals(
                2,
                update(
                        conn,
                        "INSERT INTO sales PARTITION (ds='20240101') VALUES ('a', 1), ('b', 2)"));
        assertEquals(
                1,
                update(conn, "INSERT INTO TABLE sales PARTITION (ds='20240102') SELECT 'c', 3L"));
        assertEquals(
                1,
                update(
                        conn,
                        "INSERT OVERWRITE TABLE sales PARTITION (ds='20240101') SELECT item, amount"
                            + " * 10 FROM sales WHERE ds = '20240101' AND item = 'a' DISTRIBUTE BY"
                            + " item"));
        List<List<Object>> r =
                rows(conn, "SELECT item, amount, ds FROM sales ORDER BY ds, item LIMIT 100");
        assertEquals(2, r.size());
        assertEquals(List.of("a", 10L, "20240101"), r.get(0));
        assertEquals(List.of("c", 3L, "20240102"), r.get(1));
        List<List<Object>> agg =
                rows(
                        conn,
                        "SELECT ds, SUM(amount) AS total, COUNT(*) AS n FROM sales GROUP BY ds"
                                + " ORDER BY ds LIMIT 100");
        assertEquals(List.of("20240101", 10L, 1L), agg.get(0));
        // dynamic partition: the last select column feeds ds
        assertEquals(
                2,
                update(
                        conn,
                        "INSERT OVERWRITE TABLE sales PARTITION (ds) SELECT item, amount,"
                                + " CONCAT('2025', ds) FROM sales WHERE ds IN ('20240101',"
                                + " '20240102')"));
        assertEquals(4, rows(conn, "SELECT * FROM sales").size());
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () -> update(conn, "INSERT INTO sales SELECT 'z', 1L, 'x'"));
        assertTrue(e.getMessage().contains("need to specify partition columns"), e.getMessage());
    }

    @Test
    void ctasAndSettingsTravelWithTheJob() throws SQLException {
        update(conn, "CREATE TABLE src (k BIGINT, v STRING)");
        update(conn, "INSERT INTO src VALUES (1, 'x'), (2, 'y')");
        try (Statement st = conn.createStatement()) {
            st.execute("SET odps.sql.allow.fullscan=true");
            st.executeUpdate(
                    "CREATE TABLE copy LIFECYCLE 1 AS SELECT k, upper(v) AS v FROM src WHERE k >"
                            + " 1");
        }
        assertEquals(List.of(List.of(2L, "Y")), rows(conn, "SELECT * FROM copy"));
        SubmittedJob ctas =
                EMU.get().jobs().stream()
                        .filter(j -> j.sql().contains("AS SELECT"))
                        .findFirst()
                        .get();
        assertEquals("true", ctas.settings().get("odps.sql.allow.fullscan"));
        assertTrue(ctas.succeeded());
    }

    private static int status(String method, String path, String body, StringBuilder out)
            throws Exception {
        java.net.HttpURLConnection h =
                (java.net.HttpURLConnection)
                        new java.net.URL("http://127.0.0.1:" + EMU.get().port() + path)
                                .openConnection();
        h.setRequestMethod(method);
        if (body != null) {
            h.setDoOutput(true);
            h.getOutputStream().write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        int code = h.getResponseCode();
        java.io.InputStream in = code >= 400 ? h.getErrorStream() : h.getInputStream();
        if (in != null) {
            out.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return code;
    }

    @Test
    void clientMistakesAreNever5xx() throws Exception {
        StringBuilder b = new StringBuilder();
        assertEquals(404, status("GET", "/api/projects/nope", null, b));
        assertTrue(
                b.toString().contains("<Code>NoSuchObject</Code>")
                        && b.toString().contains("Project not found - 'nope'"),
                b.toString());
        assertEquals(
                404,
                status(
                        "POST",
                        "/api/projects/schema%20s/instances",
                        "<Instance/>",
                        new StringBuilder()));
        assertEquals(
                400,
                status("POST", "/api/projects/basic/instances", "not xml", new StringBuilder()));
        assertEquals(
                404,
                status(
                        "GET",
                        "/api/projects/basic/instances/20240101000000000g000001",
                        null,
                        new StringBuilder()));
        assertEquals(
                404,
                status(
                        "GET",
                        "/api/projects/basic/tables/missing?extended",
                        null,
                        new StringBuilder()));
        assertEquals(404, status("GET", "/api/whatever", null, new StringBuilder()));
        StringBuilder tunnel = new StringBuilder();
        assertEquals(404, status("GET", "/projects/basic/tables/missing?uploadid=x", null, tunnel));
    }

    @Test
    void concurrentClients() throws Exception {
        update(conn, "CREATE TABLE conc (t BIGINT, i BIGINT)");
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final int thread = t;
                futures.add(
                        pool.submit(
                                () -> {
                                    int n = 0;
                                    try (Connection c = connect(EMU.get().jdbcUrl("basic"))) {
                                        for (int i = 0; i < 5; i++) {
                                            n +=
                                                    update(
                                                            c,
                                                            "INSERT INTO conc VALUES ("
                                                                    + thread
                                                                    + ", "
                                                                    + i
                                                                    + ")");
                                            rows(
                                                    c,
                                                    "SELECT count(*) FROM conc WHERE t = "
                                                            + thread);
                                        }
                                    }
                                    return n;
                                }));
            }
            int total = 0;
            for (java.util.concurrent.Future<Integer> f : futures) {
                total += f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertEquals(20, total);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(List.of(20L)), rows(conn, "SELECT count(*) FROM conc"));
    }

    @Test
    void errorsCarryMaxComputeCodes() {
        SQLException e =
                assertThrows(SQLException.class, () -> rows(conn, "SELECT * FROM no_such_table"));
        assertTrue(e.getMessage().contains("ODPS-0130131"), e.getMessage());
        assertTrue(e.getMessage().contains("Table not found"), e.getMessage());
        SQLException parse =
                assertThrows(
                        SQLException.class, () -> update(conn, "CREATE TABLE bad (x NOSUCHTYPE)"));
        assertTrue(parse.getMessage().contains("ODPS-0130161"), parse.getMessage());
    }
}
