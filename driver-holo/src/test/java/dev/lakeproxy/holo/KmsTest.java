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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.cloudsim.LoopbackKms;
import dev.lakeproxy.holo.kms.Kms;
import dev.lakeproxy.holosim.HoloSimExtension;
import dev.lakeproxy.testing.LogCapture;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real aliyun-java-sdk-kms against a loopback KMS endpoint: key states in explanations, kms:
 * passwords.
 */
class KmsTest {

    @RegisterExtension
    static final HoloSimExtension SIM =
            HoloSimExtension.version("3.1.9").seed(HoloScenarios::seed);
    private static LoopbackKms kms;
    private static final String BLOB = "Q2lwaGVydGV4dEJsb2ItMDEyMzQ1Njc4OWFiY2RlZg==";
    private static final String PLAIN = "Decrypted-Pa55word";
    private static final String SECRET = "KmsAccessSecret-xyz987";

    @BeforeAll
    static void start() throws Exception {
        kms = new LoopbackKms().ciphertext(BLOB, PLAIN);
    }

    @AfterAll
    static void stop() {
        kms.close();
    }

    @BeforeEach
    void fresh() {
        HoloInstance.forgetAll();
        Kms.forgetKeys();
        kms.clear();
        kms.answerHtml(false);
    }

    private static Connection lake(String endpoint, String... more) throws SQLException {
        String[] options = new String[5 + more.length];
        options[0] = "lakeproxy.kms.endpoint=" + endpoint;
        options[1] = "lakeproxy.kms.protocol=http";
        options[2] = "lakeproxy.kms.accessKeyId=LTAI-test-id";
        options[3] = "lakeproxy.kms.accessKeySecret=" + SECRET;
        options[4] = "lakeproxy.kms.keys=p_default=key-default,p_byok=key-byok";
        System.arraycopy(more, 0, options, 5, more.length);
        return HoloScenarios.lake(SIM.sim(), options);
    }

    private static String failure(String endpoint) throws SQLException {
        try (Connection c = lake(endpoint)) {
            return assertThrows(SQLException.class, () -> HoloScenarios.count(c, DEFAULT_KEY))
                    .getMessage();
        }
    }

    @Test
    void explanationsReportTheKeyStateAndWhatToDo() throws SQLException {
        kms.key("key-default", "Disabled");
        String disabled = failure(kms.endpoint());
        assertTrue(
                disabled.contains(
                        "KMS says the project's key key-default is Disabled (origin Aliyun_KMS)"),
                disabled);
        assertTrue(disabled.contains("EnableKey"), disabled);

        Kms.forgetKeys();
        kms.key("key-default", "PendingDeletion");
        assertTrue(
                failure(kms.endpoint())
                        .contains(
                                "is PendingDeletion (origin Aliyun_KMS). The key is scheduled for"
                                    + " deletion: cancel"));

        Kms.forgetKeys();
        kms.key("key-default", "Enabled");
        String enabled = failure(kms.endpoint());
        assertTrue(
                enabled.contains("is Enabled")
                        && enabled.contains("AliyunHologresEncryptionDefaultRole"),
                enabled);
    }

    @Test
    void keyInformationIsCachedForADay() throws SQLException {
        kms.key("key-default", "Disabled");
        failure(kms.endpoint());
        failure(kms.endpoint());
        assertEquals(1, kms.count("DescribeKey"), "one DescribeKey for two explanations");
    }

    @Test
    void anUnreachableEndpointOrANonJsonAnswerStillGivesTheExplanation() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String unreachable = failure("127.0.0.1:" + closed);
        assertTrue(unreachable.contains("KMS could not report the key's state"), unreachable);
        assertTrue(
                unreachable.contains("encrypted with the default key"),
                "the explanation itself is still there: " + unreachable);

        kms.answerHtml(true);
        String html = failure(kms.endpoint());
        assertTrue(html.contains("KMS could not report the key's state"), html);
    }

    @Test
    void kmsPasswordIsDecryptedAtConnectAndNeverLogged() throws Exception {
        try (LogCapture log = new LogCapture(Level.ALL);
             Connection c = lake(kms.endpoint(), "password=kms:" + BLOB)) {
            assertEquals(3, HoloScenarios.count(c, "internal_t"));
            assertTrue(
                    c.unwrap(LakeproxyConnection.class)
                            .connectActions()
                            .contains("password decrypted with KMS Decrypt"));
            assertTrue(kms.actions().contains("Decrypt"));
            for (String line : log.lines()) {
                assertFalse(
                        line.contains(BLOB) || line.contains(PLAIN) || line.contains(SECRET),
                        "secret in log: " + line);
            }
        }
    }

    @Test
    void aKmsPasswordThatCannotBeDecryptedIsAClearError() throws Exception {
        SQLException bad =
                assertThrows(
                        SQLException.class,
                        () -> lake(kms.endpoint(), "password=kms:" + BLOB.replace('Q', 'R')));
        assertEquals("28P01", bad.getSQLState());
        assertTrue(
                bad.getMessage().contains("could not decrypt the kms: password"), bad.getMessage());
        assertFalse(bad.getMessage().contains(BLOB.replace('Q', 'R')));
        SQLException none =
                assertThrows(
                        SQLException.class,
                        () -> HoloScenarios.lake(SIM.sim(), "password=kms:" + BLOB));
        assertTrue(none.getMessage().contains("lakeproxy.kms.accessKeyId"), none.getMessage());
    }
}
