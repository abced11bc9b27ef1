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
package dev.lakeproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.spi.Secrets;
import dev.lakeproxy.testing.EmbeddedPg;
import dev.lakeproxy.testing.LogCapture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Passwords, access keys and KMS ciphertexts never reach a log record, a message or a toString().
 */
class SecretsTest {

    private static final String PASSWORD = "Pw-9f3e1c-secret";
    private static final String URL_PASSWORD = "UrlPw-77aa21";
    private static final String KMS_BLOB = "kms:NmIxYjMwZDEtZGVhZC1iZWVmLWNpcGhlcnRleHQ=";
    private static final String ACCESS_KEY = "AkSecret0123456789";

    @Test
    void secretsNeverReachALogRecordAtFinest() throws Exception {
        try (LogCapture log = new LogCapture(Level.ALL)) {
            Properties p = new Properties();
            p.setProperty("user", "postgres");
            p.setProperty("password", PASSWORD);
            p.setProperty("lakeproxy.test.enabled", "true");
            String url =
                    EmbeddedPg.lakeUrl("postgres")
                            + "&password="
                            + URL_PASSWORD
                            + "&accessKey="
                            + ACCESS_KEY;
            try (Connection c = DriverManager.getConnection(url, p);
                    Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                s.execute("SELECT 'lp_' AS x");
                assertNoSecret(c.toString());
            }
            Properties kms = new Properties();
            kms.setProperty("password", KMS_BLOB);
            try (Connection c = DriverManager.getConnection(EmbeddedPg.lakeUrl("postgres"), kms)) {
                assertNoSecret(c.toString());
            }
            SQLException refused =
                    assertThrows(
                            SQLException.class,
                            () ->
                                    DriverManager.getConnection(
                                            "jdbc:lakeproxy:postgresql://127.0.0.1:1/db"
                                                    + "?connectTimeout=1&password="
                                                    + URL_PASSWORD,
                                            p));
            assertNoSecret(String.valueOf(refused.getMessage()));
            SQLException badUrl =
                    assertThrows(
                            SQLException.class,
                            () ->
                                    DriverManager.getConnection(
                                            "jdbc:lakeproxy:nosuchdriver://h/db?password="
                                                    + URL_PASSWORD
                                                    + "&x="
                                                    + KMS_BLOB,
                                            p));
            assertNoSecret(badUrl.getMessage());
            assertTrue(
                    log.lines().size() > 10,
                    "pgjdbc and lakeproxy did log at FINEST: " + log.lines().size());
            for (String line : log.lines()) {
                assertNoSecret(line);
            }
        }
    }

    @Test
    void dataSourceAndMaskingHelpersHideSecrets() {
        LakeDataSource ds = new LakeDataSource();
        ds.setUrl(
                "jdbc:lakeproxy:odps:https://h/api?project=p&accessId=id1&accessKey=" + ACCESS_KEY);
        ds.setUser("u");
        ds.setPassword(PASSWORD);
        ds.setConnectionProperties("sslpassword=" + PASSWORD + ";lakeproxy.plugins=none");
        assertNoSecret(ds.toString());
        assertNoSecret(Secrets.maskUrl("jdbc:postgresql://u:" + URL_PASSWORD + "@h/db"));
        assertNoSecret(Secrets.maskSql("ALTER ROLE x PASSWORD '" + PASSWORD + "'"));
        assertNoSecret(Secrets.maskText("password is " + KMS_BLOB));
        assertEquals(
                "policy kms:Decrypt, kms:DescribeKey",
                Secrets.maskText("policy kms:Decrypt, kms:DescribeKey"),
                "KMS action names are advice, not secrets");
    }

    private static void assertNoSecret(String text) {
        for (String secret :
                new String[] {PASSWORD, URL_PASSWORD, KMS_BLOB.substring(4), ACCESS_KEY}) {
            assertFalse(text.contains(secret), "secret leaked in: " + text);
        }
    }

    /** Hologres's STS login carries the token in the startup options (docs/credentials.md). */
    @Test
    void anStsTokenInTheStartupOptionsIsMasked() {
        String token = "CAIS9gF1q6Ft5B2yfSjIr5bN+/=";
        Properties p = new Properties();
        p.setProperty("options", "sts_token=" + token + " -c search_path=s");
        String shown = Secrets.maskProperties(p);
        assertFalse(shown.contains(token), shown);
        assertTrue(shown.contains("sts_token=*** -c search_path=s"), shown);
        String url =
                Secrets.maskUrl(
                        "jdbc:postgresql://h/db?options="
                                + "sts_token%3DCAIS9gF1q6Ft5B2yfSjIr5bN%2B%2F%3D&ssl=true");
        assertFalse(url.contains("CAIS9gF1"), url);
        assertTrue(url.endsWith("options=sts_token%3D***&ssl=true"), url);
    }
}
