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
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real JDBC client from Maven Central (sqlline) with each driver jar, scripted against its
 * stand-in.
 */
class SqllineIT {

    private static String sqllineJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("sqlline")).findFirst().orElseThrow();
    }

    private static String sqlline(
            Path driverJar, String url, String user, String password, String script)
            throws Exception {
        Path file = Files.createTempFile("script", ".sql");
        Files.writeString(file, script);
        Jars.Result r =
                Jars.run(
                        List.of(
                                Jars.java(),
                                "-cp",
                                sqllineJar() + File.pathSeparator + driverJar,
                                "sqlline.SqlLine",
                                "-d",
                                "dev.lakeproxy.Driver",
                                "-u",
                                url,
                                "-n",
                                user,
                                "-p",
                                password,
                                "--outputformat=csv",
                                "--showHeader=true",
                                "-f",
                                file.toString()));
        assertEquals(0, r.exit, r.out);
        return r.out;
    }

    @Test
    void sqllineReadsEncryptedForeignTablesThroughLakeproxy() throws Exception {
        try (HoloSimulator sim = HoloSimulator.builder().version("3.2.5").start()) {
            SampleData.seed(sim);
            String out =
                    sqlline(
                            Jars.hologres(),
                            "jdbc:lakeproxy:" + sim.jdbcUrl().substring(5),
                            sim.user(),
                            sim.password(),
                            "SELECT id, paid FROM payments ORDER BY id;\n"
                                + "SHOW hg_experimental_external_catalog_routing;\n"
                                + "!quit\n");
            assertTrue(out.contains("'10','1.50'") && out.contains("'11','2.25'"), out);
            assertTrue(out.contains("odps:common_table,dlf:hqe"), out);
        }
    }

    /** Issue 14 §4: a GUI or shell user sees what lakeproxy did, as the statement's SQLWarning. */
    @Test
    void sqllineShowsLakeproxysWarningWhenItSwitchesTheEngineAndNoneWhenTurnedOff()
            throws Exception {
        try (HoloSimulator sim = HoloSimulator.builder().version("3.1.9").start()) {
            SampleData.seed(sim);
            String url =
                    "jdbc:lakeproxy:"
                            + sim.jdbcUrl().substring(5)
                            + "?lakeproxy.holo.encryptedProjects=sample_byok";
            String script = "SELECT id, paid FROM payments ORDER BY id;\n!quit\n";
            String on = sqlline(Jars.hologres(), url, sim.user(), sim.password(), script);
            assertTrue(on.contains("'10','1.50'"), on);
            assertTrue(
                    on.contains("Warning") && on.contains("lakeproxy"),
                    "sqlline prints the statement's warning: " + on);
            String off =
                    sqlline(
                            Jars.hologres(),
                            url + "&lakeproxy.warnings=false",
                            sim.user(),
                            sim.password(),
                            script);
            assertTrue(off.contains("'10','1.50'") && !off.contains("Warning"), off);
        }
    }

    @Test
    void sqllineRunsMaxComputeStatementsThroughLakeproxy() throws Exception {
        try (MaxComputeEmulator emu = MaxComputeEmulator.builder().project("sq").start()) {
            String out =
                    sqlline(
                            Jars.maxcompute(),
                            "jdbc:lakeproxy:" + emu.jdbcUrl("sq").substring(5),
                            emu.accessId(),
                            emu.accessKey(),
                            "CREATE TABLE t (id BIGINT, name STRING);\n"
                                + "INSERT INTO t VALUES (1, 'Zhang San');\n"
                                + "SELECT id, name FROM t;\n"
                                + "!quit\n");
            assertTrue(out.contains("'1','Zhang San'"), out);
        }
    }
}
