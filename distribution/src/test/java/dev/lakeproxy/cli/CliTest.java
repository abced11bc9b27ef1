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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.holosim.HoloSimulator;
import dev.lakeproxy.holosim.SampleData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** doctor and explain against Hologres simulators; usage errors. */
class CliTest {

    private static HoloSimulator v32;
    private static HoloSimulator v11;

    @BeforeAll
    static void start() {
        v32 = HoloSimulator.builder().version("3.2.5").start();
        SampleData.seed(v32);
        v11 = HoloSimulator.builder().version("1.1.80").start();
        SampleData.seed(v11);
    }

    @AfterAll
    static void stop() {
        v32.close();
        v11.close();
    }

    private static final class Run {
        final int status;
        final String out;
        final String err;

        Run(String... args) throws Exception {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            status =
                    Main.run(
                            args,
                            new PrintStream(o, true, StandardCharsets.UTF_8),
                            new PrintStream(e, true, StandardCharsets.UTF_8));
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    private static String url(HoloSimulator sim) {
        return "jdbc:lakeproxy:" + sim.jdbcUrl().substring(5) + "?user=postgres";
    }

    @Test
    void doctorPassesOnAHealthyV32InstanceAndShowsEachLevel() throws Exception {
        try (Connection c = DriverManager.getConnection(v32.jdbcUrl(), v32.user(), v32.password());
                Statement s = c.createStatement()) {
            s.execute(
                    "ALTER DATABASE postgres SET hg_experimental_enable_access_odps_orc_via_holo ="
                        + " true");
        }
        Run r = new Run("doctor", "--url", url(v32));
        assertEquals(0, r.status, r.out);
        assertTrue(r.out.contains("OK    version") && r.out.contains("Hologres V3.2.5"), r.out);
        assertTrue(
                r.out.contains("routing") && r.out.contains("session 'odps:common_table,dlf:hqe'"),
                r.out);
        assertTrue(
                r.out.contains("database postgres 'true'"),
                "database-level setting shown: " + r.out);
        assertTrue(r.out.contains("OK    probe public.payments"), r.out);
        assertTrue(
                r.out.contains("OK    probe public.customers"),
                "default-key data through Common Table: " + r.out);
    }

    @Test
    void doctorFailsWithTheFixOnAnOldInstanceAndSpeaksJson() throws Exception {
        Run r = new Run("doctor", "--url", url(v11));
        assertEquals(1, r.status, r.out);
        assertTrue(
                r.out.contains("WARN  version") && r.out.contains("backend configuration"), r.out);
        assertTrue(r.out.contains("FAIL  probe public.payments"), r.out);
        assertTrue(r.out.contains("fix:"), r.out);
        Run json = new Run("doctor", "--json", "--url", url(v11));
        assertEquals(1, json.status);
        assertTrue(
                json.out.trim().startsWith("[") && json.out.contains("\"status\": \"FAIL\""),
                json.out);
    }

    @Test
    void doctorReportsAnUnreachableServerAsAFailure() throws Exception {
        Run r =
                new Run(
                        "doctor",
                        "--url",
                        "jdbc:lakeproxy:postgresql://127.0.0.1:1/db"
                                + "?connectTimeout=1&password=Secret-123");
        assertEquals(1, r.status);
        assertTrue(r.out.contains("FAIL  connect"), r.out);
        assertTrue(!r.out.contains("Secret-123"), r.out);
    }

    @Test
    void doctorOnMaxComputeNamesThePermissionLayer() throws Exception {
        try (dev.lakeproxy.odpsemu.MaxComputeEmulator emu =
                dev.lakeproxy.odpsemu.MaxComputeEmulator.builder().project("home").start()) {
            emu.createPaimonDlfProject("lake", "dlf_catalog");
            Run ok =
                    new Run(
                            "doctor",
                            "--url",
                            "jdbc:lakeproxy:" + emu.jdbcUrl("lake").substring(5));
            assertEquals(0, ok.status, ok.out);
            assertTrue(ok.out.contains("OK    list tables"), ok.out);
            dev.lakeproxy.odpsemu.User analyst = emu.addRamUser("analyst");
            emu.setDlfDataPermission("analyst", false);
            Run denied =
                    new Run(
                            "doctor",
                            "--url",
                            "jdbc:lakeproxy:" + emu.jdbcUrl(analyst, "lake").substring(5));
            assertEquals(1, denied.status, denied.out);
            assertTrue(
                    denied.out.contains("FAIL  list tables") && denied.out.contains("DLF"),
                    denied.out);
            assertTrue(!denied.out.contains(analyst.accessKey()), "no access key in the report");
        }
    }

    @Test
    void explainShowsWhatWouldHappenWithoutRunningIt() throws Exception {
        Run r = new Run("explain", "--url", url(v32), "SELECT * FROM payments");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("plugins active: [holo]"), r.out);
        assertTrue(r.out.contains("passes through unchanged"), r.out);
    }

    @Test
    void usageErrorsAreClear() throws Exception {
        Run none = new Run();
        assertEquals(2, none.status);
        Run unknown = new Run("frobnicate");
        assertEquals(2, unknown.status);
        assertTrue(unknown.err.contains("unknown command \"frobnicate\""));
        Run missing = new Run("doctor");
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("--url is required"), missing.err);
        Run twoSql = new Run("explain", "--url", "x", "a", "b");
        assertEquals(2, twoSql.status);
        for (String cmd : new String[] {"demo", "doctor", "explain"}) {
            Run help = new Run(cmd, "--help");
            assertEquals(0, help.status);
            assertTrue(help.out.startsWith("Usage: lakeproxy " + cmd), help.out);
        }
    }
}
