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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.cloudsim.LoopbackKms;
import dev.lakeproxy.cloudsim.LoopbackSts;
import dev.lakeproxy.credentials.CredentialSources;
import dev.lakeproxy.credentials.SecretValues;
import dev.lakeproxy.credentials.testing.ChildJvm;
import dev.lakeproxy.credentials.testing.JdbcProbe;
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import dev.lakeproxy.testing.LogCapture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * lakeproxy.credentials and secret: passwords end to end on the MaxCompute emulator, which checks
 * the signature of every request made with a registered key, and the token and expiry of STS keys
 * (ODPS-0410042, ODPS-0410051). The chain runs in a child JVM (environment, OIDC through the
 * loopback STS); secret: rotation runs here against the loopback KMS.
 */
class CredentialsTest {

    private static final String AK = "LTAI5tOdpsTestKey01";
    private static final String SECRET = "OdpsSecret+with/odd=chars%41";
    private static final String ROTATED = "OdpsSecret-rotated-0123456789";
    private static final String ROLE = "acs:ram::1234567890123456:role/odps";
    private static MaxComputeEmulator emu;
    private static LoopbackKms kms;

    @BeforeAll
    static void start() {
        emu = MaxComputeEmulator.builder().project("p").start();
        emu.execute("p", "CREATE TABLE t (id BIGINT, name STRING)");
        emu.execute("p", "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        try {
            kms = new LoopbackKms();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        emu.close();
        kms.close();
    }

    @BeforeEach
    void fresh() {
        SecretValues.forgetAll();
        CredentialSources.forgetAll();
        kms.clear();
        emu.accessKey("root", AK, SECRET);
    }

    private static String lakeUrl(String more) {
        return "jdbc:lakeproxy:odps:" + emu.endpoint() + "?project=p&charset=UTF-8" + more;
    }

    @Test
    void urlIsTodaysBehaviourAndTheEmulatorChecksSignatures() throws SQLException {
        Properties good = new Properties();
        good.setProperty("user", AK);
        good.setProperty(
                "password",
                java.net.URLEncoder.encode(SECRET, java.nio.charset.StandardCharsets.UTF_8));
        try (Connection c = DriverManager.getConnection(lakeUrl(""), good)) {
            assertEquals("1,a|2,b", rows(c, "SELECT id, name FROM t ORDER BY id LIMIT 10"));
        }
        Properties bad = new Properties();
        bad.setProperty("user", AK);
        bad.setProperty("password", "wrong");
        String raw = "jdbc:odps:" + emu.endpoint() + "?project=p&charset=UTF-8";
        // odps-jdbc 3.4.2 lets the SDK's ReloadException out; lakeproxy gives its message as an
        // SQLException
        RuntimeException rawError =
                assertThrows(RuntimeException.class, () -> DriverManager.getConnection(raw, bad));
        SQLException lakeError =
                assertThrows(
                        SQLException.class, () -> DriverManager.getConnection(lakeUrl(""), bad));
        assertTrue(rawError.getMessage().contains("ODPS-0410042"), rawError.getMessage());
        assertEquals(
                rawError.getMessage(), lakeError.getMessage(), "url: odps-jdbc's answer as it is");
        assertEquals(rawError.getClass(), lakeError.getCause().getClass());
    }

    @Test
    void envSignsWithTheEnvironmentsAccessKeyAndKeepsItOutOfTheUrl() throws Exception {
        ChildJvm.Result r =
                new ChildJvm()
                        .accessKeyEnv(AK, SECRET)
                        .probe(
                                lakeUrl("&lakeproxy.credentials=env"),
                                "--sql",
                                "SELECT id FROM t ORDER BY id LIMIT 10");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("rows=1|2"), r.out);
        assertTrue(r.out.contains("login from lakeproxy.credentials=env (provider env)"), r.out);
        assertFalse(r.out.contains(SECRET), r.out);
    }

    @Test
    void aProfileFromTheCliConfig() throws Exception {
        ChildJvm.Result r =
                new ChildJvm()
                        .cliConfig("x", ChildJvm.akProfile("mc", AK, SECRET))
                        .probe(
                                lakeUrl("&lakeproxy.credentials=profile:mc"),
                                "--sql",
                                "SELECT count(*) FROM t");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("rows=2"), r.out);
    }

    /**
     * The default chain's OIDC role (RRSA) through the loopback STS, whose tokens live 4 seconds:
     * two connections kept busy for 12 seconds renew in place, jobs and tunnel reads alike. {@code
     * -Dlakeproxy.soak.seconds=120 -Dlakeproxy.soak.threads=8 -Dlakeproxy.soak.tokenSeconds=10} is
     * the long run of docs/credentials.md.
     */
    @Test
    void oidcCredentialsRenewInPlaceOnOpenConnections() throws Exception {
        int seconds = Integer.getInteger("lakeproxy.soak.seconds", 12);
        int threads = Integer.getInteger("lakeproxy.soak.threads", 2);
        int life = Integer.getInteger("lakeproxy.soak.tokenSeconds", 4);
        try (LoopbackSts sts = new LoopbackSts()) {
            sts.lifetime(Duration.ofSeconds(life))
                    .onIssue(
                            c ->
                                    emu.temporaryCredential(
                                            "root",
                                            c.accessKeyId,
                                            c.accessKeySecret,
                                            c.securityToken,
                                            c.expiration));
            ChildJvm.Result r =
                    new ChildJvm()
                            .oidcRole(sts, ROLE, "oidc-token-for-odps")
                            .probe(
                                    lakeUrl("&lakeproxy.credentials=default"),
                                    "--threads",
                                    "" + threads,
                                    "--seconds",
                                    "" + seconds,
                                    "--sql",
                                    "SELECT id, name FROM t ORDER BY id LIMIT 10");
            assertEquals(0, r.exit, r.toString());
            assertTrue(r.out.contains(" failures=0"), r.out);
            assertTrue(sts.issued().size() >= seconds / life, "renewed: " + sts.issued());
            System.out.println("[oidc renewal] " + r.out.trim() + " sts=" + sts.issued().size());
            for (var c : sts.issued()) {
                assertFalse(
                        r.out.contains(c.accessKeySecret) || r.out.contains(c.securityToken),
                        r.out);
            }
        }
    }

    @Test
    void aSecretGivesTheAccessKeyPairAndARotationCostsOneRefusedLogin() throws SQLException {
        kms.putSecret(
                "mc/app",
                "{\"AccountName\":\"" + AK + "\",\"AccountPassword\":\"" + SECRET + "\"}");
        try (Connection c = secretLogin()) {
            assertEquals("2", rows(c, "SELECT count(*) FROM t"));
        }
        emu.accessKey("root", AK, ROTATED);
        kms.putSecret(
                "mc/app",
                "{\"AccountName\":\"" + AK + "\",\"AccountPassword\":\"" + ROTATED + "\"}");
        try (Connection c = secretLogin()) {
            String actions = c.unwrap(LakeproxyConnection.class).connectActions().toString();
            assertTrue(actions.contains("read again (version v2)"), actions);
            assertEquals("2", rows(c, "SELECT count(*) FROM t"));
        }
        assertEquals(2, kms.count("GetSecretValue"));
    }

    @Test
    void anExpiredStsTokenIsRefusedWithInvalidCredentials() throws Exception {
        java.time.Instant soon = java.time.Instant.now().plusSeconds(2);
        emu.temporaryCredential("root", "STS.expiring", "sts-secret", "CAIStoken", soon);
        String raw = "jdbc:odps:" + emu.endpoint() + "?project=p&charset=UTF-8";
        Properties sts = new Properties();
        sts.setProperty("user", "STS.expiring");
        sts.setProperty("password", "sts-secret");
        sts.setProperty("sts_token", "CAIStoken");
        try (Connection c = DriverManager.getConnection(raw, sts)) {
            assertEquals("2", rows(c, "SELECT count(*) FROM t"));
            Thread.sleep(
                    java.time.Duration.between(java.time.Instant.now(), soon).toMillis() + 200);
            // odps-jdbc reports the refused job submission as "Invalid connection."
            assertThrows(SQLException.class, () -> rows(c, "SELECT count(*) FROM t"));
        }
        RuntimeException expired =
                assertThrows(RuntimeException.class, () -> DriverManager.getConnection(raw, sts));
        assertTrue(
                expired.getMessage().contains("ODPS-0410051:Invalid credentials"),
                messages(expired));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
        sts.setProperty("sts_token", "CAISwrong");
        RuntimeException wrong =
                assertThrows(RuntimeException.class, () -> DriverManager.getConnection(raw, sts));
        assertTrue(wrong.getMessage().contains("ODPS-0410051"), wrong.getMessage());
    }

    @Test
    void noSecretInTheLogsAtAnyLevel() throws SQLException {
        kms.putSecret(
                "mc/logs",
                "{\"AccountName\":\"" + AK + "\",\"AccountPassword\":\"" + SECRET + "\"}");
        try (LogCapture log = new LogCapture(java.util.logging.Level.ALL)) {
            try (Connection c = secretLogin("secret:mc/logs")) {
                assertEquals("2", rows(c, "SELECT count(*) FROM t"));
                assertFalse(c.toString().contains(SECRET), c.toString());
            }
            for (String line : log.lines()) {
                assertFalse(
                        line.contains(SECRET) || line.contains("kms-caller-secret"),
                        "in the log: " + line);
            }
            assertFalse(log.lines().isEmpty(), "FINE lines were written and checked");
        }
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    private static Connection secretLogin() throws SQLException {
        return secretLogin("secret:mc/app");
    }

    private static Connection secretLogin(String password) throws SQLException {
        Properties p = kms.lakeproxyOptions("LTAI-kms-caller", "kms-caller-secret");
        p.setProperty("password", password);
        return DriverManager.getConnection(lakeUrl(""), p);
    }

    private static String rows(Connection c, String sql) throws SQLException {
        return JdbcProbe.rows(c, sql);
    }
}
