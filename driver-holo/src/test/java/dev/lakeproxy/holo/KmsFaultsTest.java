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

import static dev.lakeproxy.holo.HoloScenarios.DEFAULT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.cloudsim.LoopbackKms;
import dev.lakeproxy.holo.kms.Kms;
import dev.lakeproxy.holosim.HoloSimulator;
import dev.lakeproxy.testing.FaultProxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Case 5 of docs/reliability.md: KMS down, slow, blackholed or answering 5xx, behind a real TCP
 * fault proxy. At connect with a {@code kms:} password: a clear 28P01 error within {@code
 * lakeproxy.kms.timeoutMillis} (1 s here), one request, no retry. During an error explanation: the
 * explanation without the key's state, within the same bound. Raw pgjdbc sends no KMS request (it
 * would send the ciphertext as the password).
 */
class KmsFaultsTest {

    private static final String BLOB = "S01TLWNpcGhlcnRleHQtb2YtdGhlLXBhc3N3b3Jk";
    private static final int TIMEOUT_MILLIS = 1_000;
    private static HoloSimulator sim;
    private static LoopbackKms kms;
    private static FaultProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        sim = HoloScenarios.start("3.1.9", false);
        kms = new LoopbackKms().ciphertext(BLOB, "any").key("key-default", "Enabled");
        proxy = new FaultProxy(Integer.parseInt(kms.endpoint().split(":")[1]));
    }

    @AfterAll
    static void stop() {
        proxy.close();
        kms.close();
        sim.close();
    }

    @BeforeEach
    void fresh() {
        HoloInstance.forgetAll();
        Kms.forgetKeys();
        kms.clear();
    }

    @AfterEach
    void heal() {
        proxy.heal();
        kms.answerStatus(0);
    }

    private static Connection lake(String... more) throws SQLException {
        String[] options = new String[6 + more.length];
        options[0] = "lakeproxy.kms.endpoint=127.0.0.1:" + proxy.port();
        options[1] = "lakeproxy.kms.protocol=http";
        options[2] = "lakeproxy.kms.accessKeyId=LTAI-test-id";
        options[3] = "lakeproxy.kms.accessKeySecret=KmsAccessSecret-xyz987";
        options[4] = "lakeproxy.kms.keys=p_default=key-default";
        options[5] = "lakeproxy.kms.timeoutMillis=" + TIMEOUT_MILLIS;
        System.arraycopy(more, 0, options, 6, more.length);
        return HoloScenarios.lake(sim, options);
    }

    /**
     * Connects with a kms: password and returns the error, checking it came within the KMS bound.
     */
    private static SQLException connectFails(String blob) {
        long t0 = System.nanoTime();
        SQLException e =
                assertThrows(SQLException.class, () -> lake("password=kms:" + blob).close());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 2 * TIMEOUT_MILLIS + 1_500, "within the KMS timeout: " + ms + " ms");
        assertEquals("28P01", e.getSQLState());
        assertTrue(
                e.getMessage().contains("could not decrypt the kms: password with KMS Decrypt"),
                e.getMessage());
        return e;
    }

    @Test
    void kmsPasswordWorksThroughTheProxy() throws SQLException {
        lake("password=kms:" + BLOB).close();
        assertTrue(kms.requests().contains("Decrypt " + BLOB));
    }

    @Test
    void kmsDown() {
        proxy.stop();
        connectFails(BLOB);
    }

    @Test
    void kmsSlowerThanTheTimeout() {
        proxy.delayAnswers(Duration.ofMillis(3 * TIMEOUT_MILLIS));
        connectFails(BLOB);
    }

    @Test
    void kmsBlackholed() {
        proxy.freeze();
        connectFails(BLOB);
    }

    @Test
    void kmsAnswering5xxIsAskedOnce() {
        kms.answerStatus(503);
        // its own, so that a late request of another test does not count
        String blob = "NXh4LWFza2VkLW9uY2U=";
        SQLException e = connectFails(blob);
        assertTrue(e.getMessage().contains("ServiceUnavailable"), e.getMessage());
        assertEquals(
                1,
                kms.requests().stream().filter(("Decrypt " + blob)::equals).count(),
                "no retry: " + kms.requests());
    }

    @Test
    void anExplanationGoesOnWithoutTheKeyStateWhenKmsIsBlackholed() throws SQLException {
        try (Connection c = lake()) {
            proxy.freeze();
            long t0 = System.nanoTime();
            SQLException e =
                    assertThrows(SQLException.class, () -> HoloScenarios.count(c, DEFAULT_KEY));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 2 * TIMEOUT_MILLIS + 1_500, "within the KMS timeout: " + ms + " ms");
            assertEquals("XX000", e.getSQLState());
            assertTrue(
                    e.getMessage().contains("encrypted with the default key"),
                    "the explanation: " + e.getMessage());
            assertTrue(
                    e.getMessage().contains("KMS could not report the key's state"),
                    e.getMessage());
        }
    }

    @Test
    void anExplanationGoesOnWithoutTheKeyStateWhenKmsAnswers5xx() throws SQLException {
        kms.answerStatus(503);
        try (Connection c = lake()) {
            SQLException e =
                    assertThrows(SQLException.class, () -> HoloScenarios.count(c, DEFAULT_KEY));
            assertTrue(e.getMessage().contains("encrypted with the default key"), e.getMessage());
            assertTrue(
                    e.getMessage().contains("KMS could not report the key's state"),
                    e.getMessage());
        }
    }
}
