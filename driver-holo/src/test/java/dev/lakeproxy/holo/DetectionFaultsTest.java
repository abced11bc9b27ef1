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
package dev.lakeproxy.holo;

import static dev.lakeproxy.holo.HoloScenarios.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.holosim.HoloSimExtension;
import dev.lakeproxy.holosim.SimFaults.Fault;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Case 1 of docs/reliability.md: the connection drops, stalls or errs during lakeproxy's detection
 * query (the one query a new physical connection runs). Raw pgjdbc sends nothing at that moment, so
 * "raw" is its first statement hit by the same fault. Expected: a broken connection fails the
 * connect with raw's error, quickly or at the configured timeout; a connection that survives is the
 * user's, with the plugin off and a warning that says so.
 */
class DetectionFaultsTest {

    @RegisterExtension
    static final HoloSimExtension SIM =
            HoloSimExtension.version("2.2.15").seed(HoloScenarios::seed);

    @AfterEach
    void disarm() {
        SIM.sim().faults().clear();
        HoloInstance.forgetAll();
    }

    private static Connection raw(String... props) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", SIM.sim().user());
        for (int i = 0; i + 1 < props.length; i += 2) {
            p.setProperty(props[i], props[i + 1]);
        }
        return DriverManager.getConnection(SIM.sim().jdbcUrl(), p);
    }

    private static long millisSince(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    @Test
    void aDropDuringDetectionFailsTheConnectWithTheErrorRawGetsAtItsFirstStatement()
            throws SQLException {
        SQLException rawError;
        try (Connection raw = raw()) {
            SIM.sim().faults().on("^SELECT 1$", Fault.DROP_WITHOUT_ANSWER);
            rawError =
                    assertThrows(
                            SQLException.class, () -> raw.createStatement().execute("SELECT 1"));
        }
        SIM.sim().faults().on("hg_version", Fault.DROP_WITHOUT_ANSWER);
        long t0 = System.nanoTime();
        SQLException lake = assertThrows(SQLException.class, () -> HoloScenarios.lake(SIM.sim()));
        assertTrue(millisSince(t0) < 3_000, "no wait: " + millisSince(t0) + " ms");
        assertEquals(rawError.getSQLState(), lake.getSQLState());
        assertEquals("08006", lake.getSQLState());
        assertEquals(
                rawError.getMessage(), lake.getMessage(), "the real driver's own error, as raw's");
        assertSame(rawError.getCause().getClass(), lake.getCause().getClass());
    }

    @Test
    void aDetectionQueryThatFailsLeavesTheConnectionWithThePluginOffAndAWarning()
            throws SQLException {
        SIM.sim().faults().on("hg_version", Fault.FAIL, 2); // the full query, then the minimal one
        try (Connection c = HoloScenarios.lake(SIM.sim())) {
            assertEquals(List.of(), c.unwrap(LakeproxyConnection.class).activePlugins());
            SQLWarning w = c.getWarnings();
            assertNotNull(w, "the connection says why the plugin is off");
            assertTrue(
                    w.getMessage().contains("plugin is off for this connection")
                            && w.getMessage().contains("XX000"),
                    w.getMessage());
            assertEquals(2, HoloScenarios.count(c, PLAIN), "the connection works as raw's would");
            c.clearWarnings();
            assertEquals(null, c.getWarnings());
        }
    }

    @Test
    void aBlackholeDuringDetectionEndsAtTheSocketTimeoutLikeRawsFirstStatement()
            throws SQLException {
        long rawMillis;
        try (Connection raw = raw("socketTimeout", "1")) {
            SIM.sim().faults().on("^SELECT 1$", Fault.FREEZE);
            long t0 = System.nanoTime();
            SQLException e =
                    assertThrows(
                            SQLException.class, () -> raw.createStatement().execute("SELECT 1"));
            rawMillis = millisSince(t0);
            assertEquals("08006", e.getSQLState());
        }
        SIM.sim().faults().on("hg_version", Fault.FREEZE);
        long t0 = System.nanoTime();
        SQLException lake =
                assertThrows(
                        SQLException.class, () -> HoloScenarios.lake(SIM.sim(), "socketTimeout=1"));
        long lakeMillis = millisSince(t0);
        assertEquals("08006", lake.getSQLState());
        assertTrue(
                lakeMillis >= 900 && lakeMillis < rawMillis + 1_500,
                "raw " + rawMillis + " ms, lakeproxy " + lakeMillis + " ms");
    }

    @Test
    void withoutASocketTimeoutLakeproxysOwnBoundEndsTheWaitAndSaysSo() {
        SIM.sim().faults().on("hg_version", Fault.FREEZE);
        long t0 = System.nanoTime();
        SQLException lake =
                assertThrows(
                        SQLException.class,
                        () -> HoloScenarios.lake(SIM.sim(), "lakeproxy.holo.timeoutMillis=1000"));
        long ms = millisSince(t0);
        assertTrue(ms >= 900 && ms < 4_000, ms + " ms");
        assertEquals("08006", lake.getSQLState());
        assertTrue(lake.getMessage().contains("lakeproxy.holo.timeoutMillis"), lake.getMessage());
        assertNotNull(lake.getCause(), "pgjdbc's own error is the cause");
    }
}
