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
import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.TABLESTORE_LOCATION;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.SimulatedTablestore;
import dev.lakeproxy.odpsemu.TablestoreWriteReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tablestore write scattering, raw odps-jdbc against lakeproxy on the same emulator. */
class TablestoreScatterTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(
                    b -> b.project("ots").tablestoreWriters(4).tablestoreBatchRows(50));

    static Connection raw;
    static Connection lp;

    static final String SORTED_INSERT =
            "INSERT OVERWRITE TABLE ots_orders\n"
                + "-- the seed's export, from a source sorted by the primary key\n"
                + "SELECT odps_orderkey, odps_orderdate, odps_custkey, CONCAT(odps_custkey,"
                + " 'SHIPPED'), CEIL(odps_totalprice)\n"
                + "FROM (SELECT * FROM internal_orders ORDER BY odps_orderkey LIMIT 100000) s;";

    @BeforeAll
    static void setUp() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().tablestore().createTable("ots_tpch_orders");
        String url = EMU.get().jdbcUrl("ots");
        raw = connect(url);
        lp = connect(lake(url));
        update(
                raw,
                tablestoreDdl(
                        "ots_orders",
                        "odps_orderkey bigint, odps_orderdate string, odps_custkey bigint, "
                                + "odps_orderstatus string, odps_totalprice double",
                        ":o_orderkey,:o_orderdate,o_custkey, o_orderstatus,o_totalprice",
                        "ots_tpch_orders",
                        TABLESTORE_LOCATION));
        update(
                raw,
                "CREATE TABLE internal_orders (odps_orderkey BIGINT, odps_orderdate STRING,"
                    + " odps_custkey BIGINT, odps_totalprice DOUBLE)");
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
        update(raw, "INSERT OVERWRITE TABLE internal_orders VALUES " + values);
    }

    @AfterAll
    static void tearDown() throws SQLException {
        raw.close();
        lp.close();
    }

    private static List<String> stored() {
        return EMU.get().tablestore().rows("ots_tpch_orders").stream()
                .map(SimulatedTablestore.Row::toString)
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void sortedSourceConcentratesRawAndSpreadsThroughLakeproxy() throws SQLException {
        EMU.get().tablestore().dropTable("ots_tpch_orders");
        EMU.get().tablestore().createTable("ots_tpch_orders");
        assertEquals(400, update(raw, SORTED_INSERT));
        TablestoreWriteReport rawWrite = EMU.get().lastTablestoreWrite();
        List<String> rawRows = stored();
        assertNull(rawWrite.distributeBy());
        assertEquals(
                1,
                rawWrite.maxPartitionsPerWriter(),
                "raw odps-jdbc: each writer hits one partition " + rawWrite);

        EMU.get().tablestore().dropTable("ots_tpch_orders");
        EMU.get().tablestore().createTable("ots_tpch_orders");
        EMU.get().clearJobs();
        assertEquals(400, update(lp, SORTED_INSERT));
        TablestoreWriteReport lpWrite = EMU.get().lastTablestoreWrite();
        assertEquals("rand()", lpWrite.distributeBy());
        for (TablestoreWriteReport.Writer w : lpWrite.writers()) {
            assertTrue(
                    w.partitionCount() >= 3,
                    "lakeproxy: every writer spreads over many partitions " + lpWrite);
        }
        assertEquals(rawRows, stored(), "the rows written are identical either way");

        // what reached the server: the original text, with only the splice around the query
        String sent = EMU.get().submittedSql().get(EMU.get().submittedSql().size() - 1);
        assertEquals(
                SORTED_INSERT.replace(") s;", ") s DISTRIBUTE BY rand();"),
                sent,
                "the append form: one SELECT, no GROUP BY");
        assertTrue(counter(lp, "odps.tablestoreScattered") >= 1);
    }

    @Test
    void theSeedsExportBecomesTheSeedsRecommendedForm() throws SQLException {
        String seed =
                "INSERT OVERWRITE TABLE ots_orders\n"
                    + "SELECT odps_orderkey, odps_orderdate, odps_custkey, CONCAT(odps_custkey,"
                    + " 'SHIPPED'), CEIL(odps_totalprice)\n"
                    + "FROM internal_orders;";
        Explanation e = explain(lp, seed);
        assertEquals(
                seed.replace(
                        "FROM internal_orders;",
                        "FROM (SELECT * FROM internal_orders DISTRIBUTE BY rand()) "
                                + "internal_orders;"),
                e.finalSql(),
                "seed: FROM (SELECT * FROM internal_orders DISTRIBUTE BY rand()) t");
        EMU.get().clearJobs();
        assertEquals(400, update(lp, seed));
        assertEquals("rand()", EMU.get().lastTablestoreWrite().distributeBy());
    }

    @Test
    void explainShowsTheRewriteAndItsReason() throws SQLException {
        Explanation e = explain(lp, SORTED_INSERT);
        assertTrue(e.rewritten());
        assertTrue(e.finalSql().endsWith(") s DISTRIBUTE BY rand();"), e.finalSql());
        assertTrue(
                e.actions().stream()
                        .anyMatch(
                                a ->
                                        a.contains("DISTRIBUTE BY rand()")
                                                && a.contains("ots_orders")),
                e.actions().toString());
        assertNull(e.refusal());
    }

    @Test
    void rewritesAndRefusalsAreLoggedAtFineWithoutSecrets() throws SQLException {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("dev.lakeproxy");
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(new java.util.logging.SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        h.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Level before = root.getLevel();
        root.setLevel(java.util.logging.Level.ALL);
        root.addHandler(h);
        try (Connection c = connect(lake(EMU.get().jdbcUrl("ots")))) {
            update(c, SORTED_INSERT);
            org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> update(c,
                    tablestoreDdl("bad_log", "a double", ":a", null, "oss://x")));
        } finally {
            root.removeHandler(h);
            root.setLevel(before);
        }
        String all = String.join("\n", logged);
        assertTrue(
                all.contains("rewrote a statement") && all.contains("DISTRIBUTE BY rand()"), all);
        assertTrue(all.contains("refused a statement") && all.contains("bad_log"), all);
        assertFalse(all.contains(EMU.get().accessKey()), "the access key never appears in the log");
    }

    @Test
    void leftUntouched() throws SQLException {
        String distributed =
                "INSERT INTO ots_orders SELECT odps_orderkey, odps_orderdate, odps_custkey, 'X',"
                    + " odps_totalprice FROM internal_orders DISTRIBUTE BY odps_custkey";
        Explanation e = explain(lp, distributed);
        assertFalse(e.rewritten());
        assertTrue(
                e.actions().toString().contains("already has DISTRIBUTE BY"),
                e.actions().toString());
        String values = "INSERT INTO ots_orders VALUES (1, '1996-05-03', 1, 'A', 1.0)";
        assertFalse(explain(lp, values).rewritten());
        assertFalse(
                explain(lp, "INSERT INTO internal_orders SELECT * FROM internal_orders")
                        .rewritten(),
                "not a Tablestore target");
        assertTrue(
                explain(lp, "SELECT * FROM ots_orders").passesThrough(),
                "a SELECT takes the fast path");
        try (Connection off =
                connect(lake(EMU.get().jdbcUrl("ots"), "lakeproxy.odps.tablestoreScatter=off"))) {
            Explanation o = explain(off, SORTED_INSERT);
            assertFalse(o.rewritten());
            assertTrue(o.actions().toString().contains("tablestoreScatter=off"));
            EMU.get().clearJobs();
            assertEquals(400, update(off, SORTED_INSERT));
            assertNull(EMU.get().lastTablestoreWrite().distributeBy());
        }
        // a distributed query runs as written
        EMU.get().clearJobs();
        assertEquals(400, update(lp, distributed));
        assertEquals(distributed + ";", EMU.get().submittedSql().get(0));
    }
}
