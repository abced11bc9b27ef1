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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Start-up time, several instances at once, clean stop, the JUnit extension and the command line.
 */
class LifecycleTest {
    /** Not shared: started for this class only, seeded, with parameter injection. */
    @RegisterExtension
    static final HoloSimExtension SIM = HoloSimExtension.version("1.1.5").backendConfiguration(true)
            .seed(sim -> {
                try (Connection c = sim.directConnection(HoloSimulator.DEFAULT_DATABASE)) {
                    Db.exec(c, "CREATE TABLE seeded (id int)");
                }
            });

    @Test
    void extensionInjectsTheSimulator(HoloSimulator sim) throws Exception {
        assertSame(SIM.sim(), sim);
        assertEquals("1.1.5", sim.version().toString());
        assertTrue(sim.backendConfiguration());
        try (Connection c = Db.connect(sim, Db.EXTENDED)) {
            assertTrue(
                    Db.one(c, "SELECT hg_version()")
                            .startsWith("Hologres 1.1.5 (tag: 1.1.5 build: Release,"));
        }
    }

    @Test
    void theSeedRanBeforeTheFirstTest() throws Exception {
        try (Connection c = Db.connect(SIM.sim(), Db.EXTENDED)) {
            assertEquals("0", Db.one(c, "SELECT count(*) FROM seeded"));
        }
    }

    @Test
    void aSeededSimulatorIsNeverSharedAndAFailedSeedLeavesNoneRunning() {
        HoloSimExtension both = HoloSimExtension.version("3.2.5").shared().seed(sim -> { });
        assertThrows(IllegalStateException.class, () -> both.beforeAll(null));
        int[] port = {0};
        HoloSimExtension failing = HoloSimExtension.version("3.2.5").seed(sim -> {
            port[0] = sim.port();
            throw new SQLException("the seed failed");
        });
        assertThrows(SQLException.class, () -> failing.beforeAll(null));
        assertThrows(IllegalStateException.class, failing::sim);
        assertThrows(java.io.IOException.class,
                () -> new Socket(InetAddress.getLoopbackAddress(), port[0]).close(), "closed");
    }

    @Test
    void startsFastRunsSideBySideAndStopsCleanly() throws Exception {
        long t0 = System.nanoTime();
        HoloSimulator other = HoloSimulator.builder().version("2.2.1").start();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.println("holo-sim start-up: " + ms + " ms");
        assertTrue(ms < 10_000, "start-up took " + ms + " ms");
        int port = other.port();
        Connection open = Db.connect(other, Db.EXTENDED);
        try (Connection a = Db.connect(SIM.sim(), Db.SIMPLE)) {
            assertTrue(Db.one(open, "SELECT hg_version()").startsWith("Hologres 2.2.1 "));
            assertTrue(Db.one(a, "SELECT hg_version()").startsWith("Hologres 1.1.5 "));
            // Separate clusters: ALTER ROLE ALL in one does not leak into the other.
            Db.exec(open, "ALTER ROLE ALL SET " + SettingsTest.ORC + " = false");
            try (Connection again = Db.connect(other, Db.EXTENDED);
                    Connection b = Db.connect(SIM.sim(), Db.EXTENDED)) {
                assertEquals("false", Db.one(again, "SHOW " + SettingsTest.ORC));
                assertEquals("true", Db.one(b, "SHOW " + SettingsTest.ORC));
            }
        }
        other.close();
        other.close(); // idempotent
        SQLException e = assertThrows(SQLException.class, () -> Db.one(open, "SELECT 1"));
        assertTrue(e.getSQLState().startsWith("08"), e.getSQLState());
        open.close();
        assertThrows(
                java.io.IOException.class,
                () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        try (Connection a = Db.connect(SIM.sim(), Db.EXTENDED)) {
            assertEquals("1", Db.one(a, "SELECT 1"), "the other instance is unaffected");
        }
    }

    @Test
    void commandLineSeedsTheSampleAndPrintsTheUrl() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        HoloSimulator sim = Main.start(new String[] {"--version", "1.3.31", "--port", "0"},
                new PrintStream(buf, true, "UTF-8"));
        try {
            String out = buf.toString("UTF-8");
            Matcher m =
                    Pattern.compile("JDBC URL: (jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/postgres)")
                            .matcher(out);
            assertTrue(m.find(), out);
            assertEquals(sim.jdbcUrl(), m.group(1));
            try (Connection c =
                    java.sql.DriverManager.getConnection(m.group(1), sim.user(), "anything")) {
                assertTrue(Db.one(c, "SELECT hg_version()").startsWith("Hologres 1.3.31 "));
                assertEquals("3", Db.one(c, "SELECT count(*) FROM orders"));
                Db.fails("XX000", c, "SELECT * FROM payments");
                Db.fails("XX000", c, "SELECT * FROM customers");
                Db.exec(c, "SET " + SettingsTest.ORC + " = false");
                assertEquals("2", Db.one(c, "SELECT count(*) FROM payments"));
                Db.fails("XX000", c, "SELECT * FROM customers");
            }
        } finally {
            sim.close();
        }
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertEquals(
                null, Main.start(new String[] {"--help"}, new PrintStream(help, true, "UTF-8")));
        assertTrue(
                help.toString(StandardCharsets.UTF_8.name()).contains("--backend-configuration"));
        assertThrows(
                IllegalArgumentException.class,
                () -> Main.start(new String[] {"--bogus"}, System.out));
    }
}
