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

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.holosim.HoloSimulator;
import dev.lakeproxy.holosim.SampleData;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code lakeproxy demo}: starts the local stand-ins and walks through the scenarios lakeproxy
 * exists for, the raw driver's failure next to lakeproxy's success: the SQL, what lakeproxy did,
 * and the rows. Each step's intended outcome is checked ({@link DemoIntents}); the demo exits 1
 * when one does not hold.
 */
final class Demo {

    static final String HELP =
            "Usage: lakeproxy demo\n"
                + "Starts the Hologres simulator and the MaxCompute emulator (offline) and walks"
                + " through four scenarios:\n"
                + "each statement through the raw driver and through lakeproxy, what lakeproxy did,"
                + " and the rows.\n"
                + "Exit status 1 when a step does not show its intended outcome.";

    /** Prints a progress line. */
    interface Steps {
        void step(String text);
    }

    private final PrintStream out;
    final DemoIntents intents = new DemoIntents();

    Demo(PrintStream out) {
        this.out = out;
    }

    int run(String[] argv) throws Exception {
        Args args = Args.parse("demo", argv, Set.of(), Set.of("help"));
        if (args.has("help")) {
            out.println(HELP);
            return 0;
        }
        hologresCommonTable();
        hologresLegacy();
        MaxComputeDemo maxCompute = new MaxComputeDemo(out, this::step, intents);
        maxCompute.tablestore();
        maxCompute.paimon();
        if (!intents.missed().isEmpty()) {
            step("The demo did not show what it means to show (" + intents.missed().size() + " of "
                    + (intents.missed().size() + intents.shown().size()) + " steps):");
            intents.missed().forEach(m -> out.println("    " + Wrap.lines(m, "      ")));
            return 1;
        }
        step("Done: all " + intents.shown().size() + " steps showed their intended outcome.");
        out.println(
                "    Try: lakeproxy doctor --url <your jdbc:lakeproxy:... URL>, and lakeproxy"
                    + " explain --url ... \"SQL\".");
        return 0;
    }

    /** V3.2+: a foreign table over a KMS-encrypted project reads through Common Table. */
    private void hologresCommonTable() throws SQLException {
        step(
                "Scenario 1 - Hologres V3.2: a foreign table over KMS-encrypted MaxCompute data"
                    + " (Common Table)");
        try (HoloSimulator sim = startHolo("3.2.5")) {
            side(sim, "SELECT id, order_id, paid FROM payments ORDER BY id");
            intents.expect(
                    "scenario 1: the encrypted read served by Common Table",
                    engines(sim).equals("COMMON_TABLE"),
                    "COMMON_TABLE, got " + engines(sim));
        }
    }

    /** Before V3.2: SQE only for the encrypted project, learned from the pangu error. */
    private void hologresLegacy() throws SQLException {
        step(
                "Scenario 2 - Hologres V2.2 (before V3.2): SQE only where needed, learned from the"
                    + " pangu error");
        try (HoloSimulator sim = startHolo("2.2.15")) {
            side(sim, "SELECT id, order_id, paid FROM payments ORDER BY id");
            intents.expect(
                    "scenario 2: HQE failed, SQE served the retry",
                    engines(sim).equals("HQE (failed), SQE"),
                    "HQE (failed), SQE, got " + engines(sim));
            try (Connection lake = lake(sim)) {
                String plain = "SELECT id, item, amount FROM orders ORDER BY id";
                sim.clearQueryLog();
                query(lake, plain);
                step(
                        "Then an unencrypted foreign table on the same lakeproxy connection: "
                                + plain);
                out.println(
                        "    engine: "
                                + engines(sim)
                                + " (the faster engine stays for unencrypted data)");
                intents.expect(
                        "scenario 2: HQE for the unencrypted table",
                        engines(sim).equals("HQE"),
                        "HQE, got " + engines(sim));
            }
        }
    }

    private HoloSimulator startHolo(String version) {
        long t0 = System.nanoTime();
        step("Starting the Hologres simulator V" + version + " on an embedded PostgreSQL ...");
        HoloSimulator sim = HoloSimulator.builder().version(version).start();
        SampleData.seed(sim);
        out.printf(
                "    started in %d ms; sample projects: sample_plain (no encryption), sample_byok"
                    + " (KMS key), sample_default_key%n",
                (System.nanoTime() - t0) / 1_000_000);
        return sim;
    }

    /** The same statement through raw pgjdbc and through lakeproxy. */
    private void side(HoloSimulator sim, String sql) throws SQLException {
        out.println("    SQL: " + sql);
        try (Connection raw =
                DriverManager.getConnection(sim.jdbcUrl(), sim.user(), sim.password())) {
            out.println("    raw pgjdbc  " + sim.jdbcUrl());
            intents.rawFails(
                    "the encrypted read", outcome(raw, sql), "PanguParameterInvalidException");
        }
        sim.clearQueryLog();
        try (Connection lake = lake(sim)) {
            out.println("    lakeproxy   jdbc:lakeproxy:" + sim.jdbcUrl().substring(5));
            intents.lakeproxySucceeds("the encrypted read", outcome(lake, sql));
            LakeproxyConnection lp = lake.unwrap(LakeproxyConnection.class);
            out.println("    what lakeproxy did:");
            lp.connectActions()
                    .forEach(
                            a ->
                                    out.println(
                                            "      - "
                                                    + Wrap.lines("at connect: " + a, "        ")));
            long retries = lp.metrics().retries.sum();
            if (retries > 0) {
                out.println(
                        "      - "
                                + Wrap.lines(
                                        "the first attempt failed with the pangu error; lakeproxy"
                                            + " learned the project is encrypted, ran SET"
                                            + " hg_experimental_enable_access_odps_orc_via_holo ="
                                            + " false, and retried once (a read, in autocommit)",
                                        "        "));
            }
            out.println("      - engine that served the read: " + engines(sim));
        }
    }

    private static Connection lake(HoloSimulator sim) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:lakeproxy:" + sim.jdbcUrl().substring(5), sim.user(), sim.password());
    }

    private static String engines(HoloSimulator sim) {
        return sim.queryLog().stream()
                .map(e -> e.engine() + (e.success() ? "" : " (failed)"))
                .collect(Collectors.joining(", "));
    }

    /** Runs the query and prints its outcome after "-> ". */
    private DemoIntents.Outcome outcome(Connection c, String sql) {
        try {
            TextTable t = query(c, sql);
            out.println("      -> " + Wrap.rows(t.size()) + "\n" + t.render("         "));
            return DemoIntents.Outcome.success(Wrap.rows(t.size()));
        } catch (SQLException e) {
            out.println(
                    "      -> "
                            + Wrap.lines(
                                    "FAILED, SQLState " + e.getSQLState() + ": " + e.getMessage(),
                                    "         "));
            return DemoIntents.Outcome.failure(e.getMessage());
        }
    }

    private static TextTable query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return TextTable.of(rs);
        }
    }

    void step(String text) {
        out.println();
        out.println("==> " + text);
    }

}
