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

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar lakeproxy-holo-sim-<v>-standalone.jar --version 1.0.5 --port 0}, as a user runs
 * it.
 */
class StandaloneJarIT {
    @Test
    void runsPrintsTheUrlServesTheSampleAndStopsOnSigterm() throws Exception {
        String jar = System.getProperty("holosim.standalone.jar");
        assertNotNull(jar, "run through maven-failsafe (mvn verify)");
        assertTrue(new File(jar).isFile(), jar);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-jar", jar, "--version", "1.0.5", "--port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            StringBuilder seen = new StringBuilder();
            String line;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                seen.append(line).append('\n');
                Matcher m = Pattern.compile("JDBC URL: (\\S+)").matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
                if (line.startsWith("Running until stopped")) {
                    break;
                }
            }
            assertNotNull(url, seen::toString);
            int port = Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"));
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                assertTrue(Db.one(c, "SELECT hg_version()").startsWith("Hologres 1.0.5 "));
                assertEquals("3", Db.one(c, "SELECT count(*) FROM orders"));
                Db.exec(c, "SET " + SettingsTest.ORC + " = false");
                Db.fails("XX000", c, "SELECT * FROM payments"); // below V1.1: never readable
                Db.fails("42704", c, "SET " + SettingsTest.ROUTING + " = 'odps:common_table'");
            }
            p.destroy(); // SIGTERM: the shutdown hook stops the simulator
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "exits after SIGTERM");
            assertThrows(
                    java.io.IOException.class,
                    () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        } finally {
            p.destroyForcibly();
        }
    }
}
