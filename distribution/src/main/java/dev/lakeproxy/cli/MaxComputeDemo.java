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
package dev.lakeproxy.cli;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.cli.DemoIntents.Outcome;
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import dev.lakeproxy.odpsemu.TablestoreWriteReport;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The demo's MaxCompute scenarios: Tablestore write scattering, and a Paimon_DLF external project.
 */
final class MaxComputeDemo {

    private static final String OTS_LOCATION =
            "tablestore://demo-ots.cn-hangzhou.ots-internal.aliyuncs.com";
    private static final String SORTED_EXPORT = "INSERT OVERWRITE TABLE ots_orders\n"
            + "SELECT odps_orderkey, odps_orderdate, odps_custkey,\n"
            + "       CONCAT(odps_custkey, 'SHIPPED'), CEIL(odps_totalprice)\n"
            + "FROM (SELECT * FROM internal_orders ORDER BY odps_orderkey LIMIT 100000) t";

    private final PrintStream out;
    private final Demo.Steps steps;
    private final DemoIntents intents;

    MaxComputeDemo(PrintStream out, Demo.Steps steps, DemoIntents intents) {
        this.out = out;
        this.steps = steps;
        this.intents = intents;
    }

    /**
     * Tablestore: a sorted source written to Tablestore lands on one partition per writer;
     * scattered, on many.
     */
    void tablestore() throws SQLException {
        steps.step(
                "Scenario 3 - MaxCompute to Tablestore: writes scattered with DISTRIBUTE BY"
                    + " rand()");
        try (MaxComputeEmulator emu =
                start(b -> b.project("demo").tablestoreWriters(4).tablestoreBatchRows(50))) {
            emu.tablestore().createTable("ots_tpch_orders");
            String rawUrl = emu.jdbcUrl("demo");
            try (Connection raw = DriverManager.getConnection(rawUrl);
                    Connection lake =
                            DriverManager.getConnection("jdbc:lakeproxy:" + rawUrl.substring(5))) {
                update(
                        raw,
                        "CREATE EXTERNAL TABLE ots_orders (odps_orderkey bigint, odps_orderdate"
                            + " string, odps_custkey bigint, odps_orderstatus string,"
                            + " odps_totalprice double) STORED BY"
                            + " 'com.aliyun.odps.TableStoreStorageHandler' WITH SERDEPROPERTIES"
                            + " ('tablestore.columns.mapping'="
                            + "':o_orderkey,:o_orderdate,o_custkey,o_orderstatus,o_totalprice',"
                            + " 'tablestore.table.name'='ots_tpch_orders',"
                            + " 'odps.properties.rolearn'="
                            + "'acs:ram::xxxxx:role/aliyunodpsdefaultrole')"
                            + " LOCATION '"
                                + OTS_LOCATION
                                + "'");
                update(
                        raw,
                        "CREATE TABLE internal_orders (odps_orderkey BIGINT, odps_orderdate STRING,"
                            + " odps_custkey BIGINT, odps_totalprice DOUBLE)");
                StringBuilder values = new StringBuilder();
                for (int i = 0; i < 400; i++) {
                    values.append(i == 0 ? "" : ", ")
                            .append('(')
                            .append(i)
                            .append(", '1996-05-03', ")
                            .append(i % 7)
                            .append(", ")
                            .append(i * 1.5)
                            .append(')');
                }
                update(raw, "INSERT OVERWRITE TABLE internal_orders VALUES " + values);
                out.println(
                        "    SQL (an export from a source sorted by the primary key, as in"
                            + " MaxCompute's Tablestore page):");
                out.println(indent(SORTED_EXPORT, "      "));
                update(raw, SORTED_EXPORT);
                TablestoreWriteReport rawWrite = emu.lastTablestoreWrite();
                Explanation e = lake.unwrap(LakeproxyConnection.class).explain(SORTED_EXPORT);
                update(lake, SORTED_EXPORT);
                TablestoreWriteReport lakeWrite = emu.lastTablestoreWrite();
                out.println(
                        "    "
                                + Wrap.lines(
                                        "what lakeproxy did: " + String.join("; ", e.actions()),
                                        "      "));
                out.println("    SQL it sent (the original text, spliced):");
                out.println(indent(e.finalSql(), "      "));
                TextTable spread =
                        new TextTable(
                                "writer",
                                "rows",
                                "Tablestore partitions, raw odps-jdbc",
                                "Tablestore partitions, lakeproxy");
                List<TablestoreWriteReport.Writer> r = rawWrite.writers();
                List<TablestoreWriteReport.Writer> l = lakeWrite.writers();
                for (int i = 0; i < Math.min(r.size(), l.size()); i++) {
                    spread.row(
                            i,
                            l.get(i).rows(),
                            r.get(i).partitionCount(),
                            l.get(i).partitionCount());
                }
                out.print(spread.render("      "));
                int rows = emu.tablestore().rows("ots_tpch_orders").size();
                out.println("    the rows written are the same either way: " + rows + " rows");
                intents.expect(
                        "scenario 3: raw, each writer on one Tablestore partition",
                        r.stream().allMatch(w -> w.partitionCount() == 1),
                        "1 partition per writer");
                intents.expect(
                        "scenario 3: lakeproxy, each writer spread over several partitions",
                        l.stream().allMatch(w -> w.partitionCount() > 1),
                        "more than 1 partition per writer");
                intents.expect(
                        "scenario 3: the same 400 rows written",
                        rows == 400,
                        "400 rows, got " + rows);
            }
        }
    }

    /**
     * Paimon_DLF: an external project needs schema syntax; USE SCHEMA; writes MaxCompute cannot do
     * are refused.
     */
    void paimon() throws SQLException {
        steps.step("Scenario 4 - MaxCompute external project over Paimon tables in DLF");
        try (MaxComputeEmulator emu = start(b -> b.project("home"))) {
            emu.createPaimonDlfProject("lake", "dlf_catalog");
            emu.createSchema("lake", "sales");
            emu.createPaimonTable(
                    "lake",
                    "sales",
                    "orders",
                    List.of("id BIGINT", "region STRING"),
                    null,
                    null,
                    2);
            emu.createPaimonTable(
                    "lake",
                    "default",
                    "events",
                    List.of("id BIGINT", "name STRING"),
                    null,
                    List.of("id"),
                    null);
            emu.execute(
                    "lake",
                    "SET odps.namespace.schema=true; INSERT INTO sales.orders VALUES (1, 'east'),"
                        + " (2, 'west')");
            String rawUrl = emu.jdbcUrl("lake");
            try (Connection raw = DriverManager.getConnection(rawUrl);
                    Connection lake =
                            DriverManager.getConnection("jdbc:lakeproxy:" + rawUrl.substring(5))) {
                out.println(
                        "    "
                                + Wrap.lines(
                                        "at connect, lakeproxy: "
                                                + lake.unwrap(LakeproxyConnection.class)
                                                        .connectActions(),
                                        "      "));
                Outcome[] threeLevel =
                        side(
                                raw,
                                lake,
                                "SELECT id, region FROM sales.orders ORDER BY id LIMIT 100",
                                true);
                intents.rawFails(
                        "scenario 4: a schema.table name", threeLevel[0], "Table not found");
                intents.lakeproxySucceeds("scenario 4: a schema.table name", threeLevel[1]);
                try (Statement s = lake.createStatement()) {
                    s.execute("USE SCHEMA sales");
                }
                out.println(
                        "    "
                                + Wrap.lines(
                                        "USE SCHEMA sales -> lakeproxy sends: "
                                                + lake.unwrap(LakeproxyConnection.class)
                                                        .explain("USE SCHEMA sales")
                                                        .finalSql()
                                                + " (odps-jdbc 3.4.2 alone posts to"
                                                + " /projects/schema sales)",
                                        "      "));
                Outcome[] unqualified = side(raw, lake, "SELECT count(*) FROM orders", true);
                intents.rawFails(
                        "scenario 4: an unqualified name after USE SCHEMA",
                        unqualified[0],
                        "Table not found");
                intents.lakeproxySucceeds(
                        "scenario 4: an unqualified name after USE SCHEMA", unqualified[1]);
                Outcome[] write =
                        side(
                                raw,
                                lake,
                                "INSERT INTO lake.default.events VALUES (1, 'signup')",
                                false);
                intents.rawFails("scenario 4: a Dynamic Bucket write", write[0], "Dynamic Bucket");
                intents.lakeproxyRefuses(
                        "scenario 4: a Dynamic Bucket write", write[1], "Dynamic Bucket");
            }
        }
    }

    /** The statement through each driver; its outcomes, raw first. */
    private Outcome[] side(Connection raw, Connection lake, String sql, boolean query) {
        out.println("    SQL: " + sql);
        out.print("      raw odps-jdbc -> ");
        Outcome r = attempt(raw, sql, query);
        out.print("      lakeproxy     -> ");
        return new Outcome[] {r, attempt(lake, sql, query)};
    }

    private Outcome attempt(Connection c, String sql, boolean query) {
        try (Statement s = c.createStatement()) {
            if (!query) {
                int count = s.executeUpdate(sql);
                out.println("update count " + count);
                return Outcome.success("update count " + count);
            }
            try (ResultSet rs = s.executeQuery(sql)) {
                TextTable t = TextTable.of(rs);
                out.println(Wrap.rows(t.size()) + "\n" + t.render("         "));
                return Outcome.success(Wrap.rows(t.size()));
            }
        } catch (SQLException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.startsWith("lakeproxy refused")) {
                // lakeproxy's own decision, before any job: show it whole
                out.println(
                        "REFUSED before submission (no job ran):\n         "
                                + Wrap.lines(m, "         "));
            } else {
                out.println(Wrap.lines("FAILED: " + m, "         "));
            }
            return Outcome.failure(m);
        }
    }

    private MaxComputeEmulator start(
            java.util.function.UnaryOperator<MaxComputeEmulator.Builder> config) {
        long t0 = System.nanoTime();
        steps.step(
                "Starting the MaxCompute emulator (odps-jdbc 3.4.2 talks to it on 127.0.0.1) ...");
        MaxComputeEmulator emu = config.apply(MaxComputeEmulator.builder()).start();
        out.printf(
                "    started in %d ms at %s%n",
                (System.nanoTime() - t0) / 1_000_000, emu.endpoint());
        return emu;
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }
}
