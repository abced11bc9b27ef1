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

import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.RequestKind;
import dev.lakeproxy.testing.FaultProxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Case 8 of docs/reliability.md: a 5xx or a slow answer while the job is polled, and a cut or
 * failing instance tunnel download. Expected: never a silently short result: all rows (odps-sdk
 * retries a GET, and re-reads a cut stream from the row where it stopped), or an SQLException. Raw
 * odps-jdbc lets some of these out unchecked (ReloadException, IndexOutOfBoundsException,
 * RuntimeException from ResultSet.next()); through lakeproxy each is an SQLException (HY000) with
 * the original as cause.
 */
class PollingAndTunnelFaultsTest {

    private static final int ROWS = 2_500; // three tunnel batches of up to 1000 rows

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("poll"));

    private static String url(boolean lakeproxy) {
        String raw = EMU.get().jdbcUrl("poll", "connectTimeout=1", "readTimeout=1");
        return lakeproxy ? lake(raw) : raw;
    }

    @BeforeAll
    static void table() throws SQLException {
        try (Connection c = connect(url(false))) {
            update(c, "CREATE TABLE nums (id BIGINT, label STRING)");
            StringJoiner values = new StringJoiner(", ");
            for (int i = 1; i <= ROWS; i++) {
                values.add("(" + i + ", 'row " + i + "')");
            }
            update(c, "INSERT INTO nums VALUES " + values);
        }
    }

    @AfterEach
    void disarm() {
        EMU.get().faults().clear();
        EMU.get().setJobRunTime(Duration.ZERO);
    }

    /** The outcome of reading every row: the row count and id sum, or the exception. */
    private static Object readAll(boolean lakeproxy) throws SQLException {
        return readAll(url(lakeproxy));
    }

    /**
     * Reads, and prints the measured outcome for docs/reliability.md (surefire keeps it per test
     * class).
     */
    private static Object readAll(String url) throws SQLException {
        long t0 = System.nanoTime();
        Object outcome = read(url);
        System.out.printf(
                "%s: %s (%d ms)%n",
                url.startsWith("jdbc:lakeproxy:") ? "lakeproxy" : "raw",
                outcome,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return outcome;
    }

    private static Object read(String url) throws SQLException {
        try (Connection c = connect(url);
                Statement s = c.createStatement()) {
            long count = 0;
            long sum = 0;
            try (ResultSet rs = s.executeQuery("SELECT id, label FROM nums")) {
                while (rs.next()) {
                    count++;
                    sum += rs.getLong(1);
                }
            } catch (SQLException | RuntimeException e) {
                return e;
            }
            return count + " rows, sum " + sum;
        }
    }

    private static final String COMPLETE = ROWS + " rows, sum " + (long) ROWS * (ROWS + 1) / 2;

    private static void complete(Object outcome) {
        assertEquals(COMPLETE, outcome, "every row, once");
    }

    /**
     * Raw may throw unchecked; lakeproxy throws an SQLException that keeps it as cause. Never a
     * short result.
     */
    private static void failsClearly(boolean lakeproxy, Object outcome) {
        if (!(outcome instanceof Exception)) {
            fail("expected a failure, got " + outcome);
        }
        if (lakeproxy) {
            assertTrue(
                    outcome instanceof SQLException,
                    "an SQLException through lakeproxy: " + outcome);
        }
    }

    /**
     * All rows, or a clear failure (an SQLException through lakeproxy): never fewer rows than there
     * are.
     */
    private static void neverShort(boolean lakeproxy, Object outcome) {
        if (!COMPLETE.equals(outcome)) {
            failsClearly(lakeproxy, outcome);
        }
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void twoStatusPollsAnswered503AreRetriedByTheSdk(boolean lakeproxy) throws SQLException {
        EMU.get().setJobRunTime(Duration.ofMillis(1_500));
        EMU.get().faults().answerStatus(RequestKind.STATUS, 503, 2);
        complete(readAll(lakeproxy));
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void aSlowStatusAnswerIsRetriedByTheSdk(boolean lakeproxy) throws SQLException {
        EMU.get().setJobRunTime(Duration.ofMillis(1_500));
        EMU.get().faults().delay(RequestKind.STATUS, Duration.ofMillis(1_500), 1);
        complete(readAll(lakeproxy));
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void statusPollsThatKeepFailingEndTheQuery(boolean lakeproxy) throws SQLException {
        EMU.get().setJobRunTime(Duration.ofMillis(1_500));
        EMU.get()
                .faults()
                .answerStatus(RequestKind.STATUS, 503, 5); // the SDK's 5 attempts, 2 s apart
        Object outcome = readAll(lakeproxy);
        failsClearly(lakeproxy, outcome);
        assertEquals(
                lakeproxy ? "HY000" : null,
                lakeproxy ? ((SQLException) outcome).getSQLState() : null);
        assertEquals(
                !lakeproxy,
                outcome instanceof RuntimeException,
                "raw lets odps-sdk's ReloadException out");
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void aStreamCutInTheMiddleIsReadOnFromWhereItStopped(boolean lakeproxy) throws SQLException {
        for (int bytes : new int[] {1, 37, 5_000}) {
            EMU.get().faults().cutBody(RequestKind.TUNNEL_DATA, bytes, 1);
            complete(readAll(lakeproxy));
        }
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void aStreamCutBeforeItsFirstRecordIsAnErrorNotAShortResult(boolean lakeproxy)
            throws SQLException {
        EMU.get().faults().cutBody(RequestKind.TUNNEL_DATA, 0, 1);
        Object outcome = readAll(lakeproxy);
        failsClearly(lakeproxy, outcome);
        assertEquals(!lakeproxy, outcome instanceof IndexOutOfBoundsException, "raw: " + outcome);
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void aStreamCutAtEveryReopenIsNeverAShortResult(boolean lakeproxy) throws SQLException {
        EMU.get().faults().cutBody(RequestKind.TUNNEL_DATA, 37, 6);
        neverShort(lakeproxy, readAll(lakeproxy));
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void theNetworkDropsConnectionsWhileTheJobIsPolledAndRead(boolean lakeproxy) throws Exception {
        EMU.get().setJobRunTime(Duration.ofMillis(1_500));
        try (FaultProxy proxy = new FaultProxy(EMU.get().port())) {
            proxy.delayAnswers(
                    Duration.ofMillis(100)); // every answer takes a while: drops land mid-exchange
            String viaProxy =
                    url(lakeproxy).replace(":" + EMU.get().port() + "/", ":" + proxy.port() + "/");
            ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor();
            try {
                dropper.scheduleAtFixedRate(proxy::dropAll, 250, 400, TimeUnit.MILLISECONDS);
                neverShort(lakeproxy, readAll(viaProxy));
            } finally {
                dropper.shutdownNow();
            }
            assertTrue(proxy.acceptedConnections() > 1, "REST and tunnel went through the proxy");
        }
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void aDownloadSessionThatFailsIsNeverAShortResult(boolean lakeproxy) throws SQLException {
        EMU.get().faults().dropBeforeHandling(RequestKind.DOWNLOAD_SESSION, 1);
        neverShort(lakeproxy, readAll(lakeproxy));
    }
}
