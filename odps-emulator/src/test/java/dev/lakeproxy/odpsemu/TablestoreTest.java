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

import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.TABLESTORE_LOCATION;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.odps.Odps;
import com.aliyun.odps.Table;
import com.aliyun.odps.jdbc.OdpsConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tablestore external tables (seed maxcompute-tablestore-external-table.txt) through the real
 * odps-jdbc.
 */
class TablestoreTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(
                    b -> b.project("ots").tablestoreWriters(4).tablestoreBatchRows(50));

    static Connection conn;

    static final String ORDERS_COLS =
            "odps_orderkey bigint, odps_orderdate string, odps_custkey bigint, "
                    + "odps_orderstatus string, odps_totalprice double";
    static final String ORDERS_MAPPING =
            ":o_orderkey,:o_orderdate,o_custkey, o_orderstatus,o_totalprice";

    @BeforeAll
    static void setUp() throws SQLException {
        EMU.get().tablestore().createTable("ots_tpch_orders");
        conn = connect(EMU.get().jdbcUrl("ots"));
        update(
                conn,
                tablestoreDdl(
                        "ots_table_external",
                        ORDERS_COLS,
                        ORDERS_MAPPING,
                        "ots_tpch_orders",
                        TABLESTORE_LOCATION));
        update(
                conn,
                "CREATE TABLE internal_orders (odps_orderkey BIGINT, odps_orderdate STRING,"
                        + " odps_custkey BIGINT, odps_totalprice DOUBLE)");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        conn.close();
    }

    private static String failure(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> update(conn, sql));
        return e.getMessage();
    }

    @Test
    void ddlIsValidatedByTheSeedRules() {
        EMU.get().tablestore().createTable("t_exists");
        String m = failure(tablestoreDdl(
                "bad1", "a bigint, b string", ":a", "t_exists", TABLESTORE_LOCATION));
        assertTrue(
                m.contains("tablestore.columns.mapping") && m.contains("(1)") && m.contains("(2)"),
                m);
        m = failure(tablestoreDdl(
                "bad2", "a bigint, b string", "a,b", "t_exists", TABLESTORE_LOCATION));
        assertTrue(m.contains("0 primary key columns"), m);
        m =
                failure(
                        tablestoreDdl(
                                "bad3",
                                "a bigint, b bigint, c bigint, d bigint, e bigint",
                                ":a,:b,:c,:d,:e",
                                "t_exists",
                                TABLESTORE_LOCATION));
        assertTrue(m.contains("5 primary key columns") && m.contains("1 to 4"), m);
        m = failure(tablestoreDdl(
                "bad4", "a double, b string", ":a,b", "t_exists", TABLESTORE_LOCATION));
        assertTrue(
                m.contains("primary key") && m.contains("STRING, INTEGER (BIGINT) or BINARY"), m);
        m = failure(tablestoreDdl("bad5", "a bigint, b string", ":a,b", null, TABLESTORE_LOCATION));
        assertTrue(m.contains("tablestore.table.name"), m);
        m = failure(tablestoreDdl(
                "bad6", "a bigint, b string", ":a,b", "t_exists", "oss://bucket/path"));
        assertTrue(m.contains("tablestore://"), m);
        m = failure(tablestoreDdl(
                "bad7", "a bigint, b datetime", ":a,b", "t_exists", TABLESTORE_LOCATION));
        assertTrue(m.contains("STRING, BIGINT, DOUBLE, BOOLEAN and BINARY"), m);
        m = failure(tablestoreDdl(
                "bad8", "a bigint, b string", ":a,b", "no_such_ots_table", TABLESTORE_LOCATION));
        assertTrue(m.contains("no_such_ots_table") && m.contains("does not exist"), m);
    }

    @Test
    void externalTableMetadataShowsTheStorageHandler() throws Exception {
        Odps odps = conn.unwrap(OdpsConnection.class).getOdps();
        Table t = odps.tables().get("ots_table_external");
        t.reload();
        assertTrue(t.isExternalTable());
        assertEquals("com.aliyun.odps.TableStoreStorageHandler", t.getStorageHandler());
        assertEquals("ots_tpch_orders", t.getSerDeProperties().get("tablestore.table.name"));
        assertEquals(TABLESTORE_LOCATION, t.getLocation());
    }

    @Test
    void writesAreUpsertsThatKeepUnmappedAttributes() throws SQLException {
        EMU.get().tablestore().createTable("ots_upsert");
        update(
                conn,
                tablestoreDdl(
                        "ups",
                        "k bigint, d string, status string",
                        ":k,:d,status",
                        "ots_upsert",
                        TABLESTORE_LOCATION));
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("status", "OLD");
        attrs.put("other_column", "kept");
        EMU.get().tablestore().putRow("ots_upsert", List.of(1L, "1996-05-03"), attrs);
        assertEquals(
                2,
                update(
                        conn,
                        "INSERT OVERWRITE TABLE ups VALUES (1, '1996-05-03', 'SHIPPED'), (2,"
                                + " '1996-05-04', 'NEW')"));
        List<SimulatedTablestore.Row> rows = EMU.get().tablestore().rows("ots_upsert");
        assertEquals(2, rows.size());
        assertEquals(List.of(1L, "1996-05-03"), rows.get(0).primaryKey());
        assertEquals("SHIPPED", rows.get(0).attributes().get("status"));
        assertEquals(
                "kept",
                rows.get(0).attributes().get("other_column"),
                "unmapped attribute columns are not modified");
        assertEquals(
                List.of(List.of(1L, "SHIPPED"), List.of(2L, "NEW")),
                rows(conn, "SELECT k, status FROM ups ORDER BY k LIMIT 100"));
    }

    @Test
    void sortedInputConcentratesAndDistributeByRandSpreads() throws SQLException {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            values.append(i == 0 ? "" : ", ")
                    .append("(")
                    .append(i)
                    .append(", '1996-05-03', ")
                    .append(i % 7)
                    .append(", ")
                    .append(i * 1.5)
                    .append(")");
        }
        update(conn, "INSERT OVERWRITE TABLE internal_orders VALUES " + values);
        // the seed's statement, without scattering: input order, contiguous chunks per writer
        assertEquals(
                400,
                update(
                        conn,
                        "INSERT OVERWRITE TABLE ots_table_external SELECT odps_orderkey,"
                            + " odps_orderdate, odps_custkey, CONCAT(odps_custkey, 'SHIPPED'),"
                            + " CEIL(odps_totalprice) FROM (SELECT * FROM internal_orders ORDER BY"
                            + " odps_orderkey LIMIT 100000) s"));
        TablestoreWriteReport sorted = EMU.get().lastTablestoreWrite();
        assertNull(sorted.distributeBy());
        assertEquals(4, sorted.writers().size());
        assertEquals(1, sorted.maxPartitionsPerWriter(), sorted.toString());
        // the seed's recommendation: DISTRIBUTE BY rand()
        assertEquals(
                400,
                update(
                        conn,
                        "INSERT OVERWRITE TABLE ots_table_external SELECT odps_orderkey,"
                                + " odps_orderdate, odps_custkey, CONCAT(odps_custkey, 'SHIPPED'),"
                                + " CEIL(odps_totalprice) FROM (SELECT * FROM internal_orders"
                                + " DISTRIBUTE BY rand()) t"));
        TablestoreWriteReport scattered = EMU.get().lastTablestoreWrite();
        assertEquals("rand()", scattered.distributeBy());
        assertEquals(4, scattered.maxPartitionsPerWriter(), scattered.toString());
        for (TablestoreWriteReport.Writer w : scattered.writers()) {
            assertTrue(w.partitionCount() >= 3, scattered.toString());
        }
        // the shape lakeproxy's scattering rewrite produces: SELECT * FROM (<select>) alias
        // DISTRIBUTE BY rand()
        assertEquals(
                400,
                update(
                        conn,
                        "INSERT OVERWRITE TABLE ots_table_external SELECT * FROM (SELECT"
                            + " odps_orderkey, odps_orderdate, odps_custkey, CONCAT(odps_custkey,"
                            + " 'SHIPPED'), CEIL(odps_totalprice) FROM internal_orders ORDER BY"
                            + " odps_orderkey LIMIT 100000) lp_scatter DISTRIBUTE BY rand()"));
        TablestoreWriteReport rewritten = EMU.get().lastTablestoreWrite();
        assertEquals("rand()", rewritten.distributeBy());
        assertTrue(rewritten.maxPartitionsPerWriter() >= 3, rewritten.toString());
        // a final ORDER BY ... LIMIT is one sorted stage after the scattered source: rows arrive in
        // order, so the write is not scattered (findings table: the source form of that shape)
        assertEquals(
                400,
                update(
                        conn,
                        "INSERT OVERWRITE TABLE ots_table_external SELECT odps_orderkey,"
                            + " odps_orderdate, odps_custkey, 'S', odps_totalprice FROM (SELECT *"
                            + " FROM internal_orders DISTRIBUTE BY rand()) t ORDER BY odps_orderkey"
                            + " LIMIT 100000"));
        TablestoreWriteReport sortedLast = EMU.get().lastTablestoreWrite();
        assertNull(sortedLast.distributeBy());
        assertEquals(1, sortedLast.maxPartitionsPerWriter(), sortedLast.toString());
        // a final GROUP BY deals the rows out again by its key
        assertEquals(
                400,
                update(
                        conn,
                        "INSERT OVERWRITE TABLE ots_table_external SELECT odps_orderkey,"
                            + " max(odps_orderdate), max(odps_custkey), 'G', max(odps_totalprice)"
                            + " FROM (SELECT * FROM internal_orders DISTRIBUTE BY rand()) t GROUP"
                            + " BY odps_orderkey"));
        assertEquals("odps_orderkey", EMU.get().lastTablestoreWrite().distributeBy());
        // DISTRIBUTE BY a column: rows with the same key go to the same writer
        assertEquals(
                400,
                update(
                        conn,
                        "INSERT INTO ots_table_external SELECT odps_orderkey, odps_orderdate,"
                            + " odps_custkey, 'X', odps_totalprice FROM internal_orders DISTRIBUTE"
                            + " BY odps_custkey"));
        assertEquals("odps_custkey", EMU.get().lastTablestoreWrite().distributeBy());
        assertEquals(400, EMU.get().tablestore().rows("ots_tpch_orders").size());
        List<List<Object>> r =
                rows(
                        conn,
                        "SELECT odps_orderstatus, odps_totalprice FROM ots_table_external "
                                + "WHERE odps_orderkey = 3");
        assertEquals(List.of(List.of("X", 4.5)), r);
    }

    @Test
    void batchOverFourMegabytesFails() throws SQLException {
        EMU.get().tablestore().createTable("ots_big");
        update(conn, tablestoreDdl(
                "big", "k bigint, payload string", ":k,payload", "ots_big", TABLESTORE_LOCATION));
        // 50 rows (one BatchWriteRow request here) of 90 KB each: 4.5 MB in one request
        StringBuilder keys = new StringBuilder();
        for (int k = 0; k < 50; k++) {
            keys.append(k == 0 ? "" : ", ").append("(").append(k).append(")");
        }
        String m =
                failure(
                        "INSERT INTO big SELECT k, repeat('x', 90000) FROM (VALUES "
                                + keys
                                + ") v(k)");
        assertTrue(
                m.contains(
                        "ODPS-0010000:System internal error - Output to TableStore failed with"
                                + " exception:"),
                m);
        assertTrue(
                m.matches(
                        "(?s).*TableStore BatchWrite request id \\S+ failed with error code"
                                + " OTSParameterInvalid and message:The total data size of"
                                + " BatchWriteRow request exceeds the limit.*"),
                m);
    }

    @Test
    void duplicatePrimaryKeysInOneBatchFail() throws SQLException {
        EMU.get().tablestore().createTable("ots_dup");
        update(conn, tablestoreDdl(
                "dup", "k bigint, v string", ":k,v", "ots_dup", TABLESTORE_LOCATION));
        String m = failure("INSERT INTO dup VALUES (1, 'a'), (1, 'b')");
        assertTrue(
                m.contains(
                        "ErrorCode: OTSParameterInvalid, ErrorMessage: The input parameter is"
                                + " invalid"),
                m);
    }

    @Test
    void missingTablestoreTableAtWriteTime() throws SQLException {
        EMU.get().tablestore().createTable("ots_gone");
        update(conn, tablestoreDdl(
                "gone", "k bigint, v string", ":k,v", "ots_gone", TABLESTORE_LOCATION));
        EMU.get().tablestore().dropTable("ots_gone");
        String m = failure("INSERT INTO gone VALUES (1, 'a')");
        assertTrue(
                m.contains("ots_gone")
                        && m.contains("does not exist")
                        && m.contains("does not create"),
                m);
    }
}
