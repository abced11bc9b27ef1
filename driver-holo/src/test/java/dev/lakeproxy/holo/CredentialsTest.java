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
import dev.lakeproxy.holosim.HoloSimulator;
import dev.lakeproxy.testing.LogCapture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * lakeproxy.credentials and secret: passwords end to end on the Hologres simulator, whose AccessKey
 * logins check the secret (28P01 otherwise). Environment variables and the CLI profile are read by
 * credentials-java in a child JVM; secret: rotation runs here against the loopback KMS.
 */
class CredentialsTest {

    private static final String AK = "LTAI5tHoloTestKey01";
    private static final String SECRET = "HoloSecretValue-0123456789abcdef";
    private static final String ROTATED = "HoloSecretValue-rotated-fedcba98";
    private static HoloSimulator sim;
    private static LoopbackKms kms;

    @BeforeAll
    static void start() throws Exception {
        sim = HoloSimulator.builder().start();
        sim.accessKey(AK, SECRET);
        kms = new LoopbackKms();
    }

    @AfterAll
    static void stop() {
        sim.close();
        kms.close();
    }

    @BeforeEach
    void fresh() {
        HoloInstance.forgetAll();
        SecretValues.forgetAll();
        CredentialSources.forgetAll();
        kms.clear();
        sim.accessKey(AK, SECRET);
    }

    private static String lakeUrl(String query) {
        return "jdbc:lakeproxy:" + sim.jdbcUrl().substring("jdbc:".length()) + query;
    }

    @Test
    void urlIsTodaysBehaviourTheSimulatorChecksTheAccessKeyLogin() throws SQLException {
        try (Connection c = DriverManager.getConnection(lakeUrl(""), AK, SECRET)) {
            assertEquals(3, HoloScenarios.count(c, "(VALUES (1), (2), (3)) v"));
        }
        SQLException raw =
                assertThrows(
                        SQLException.class,
                        () -> DriverManager.getConnection(sim.jdbcUrl(), AK, "wrong"));
        SQLException lake =
                assertThrows(
                        SQLException.class,
                        () -> DriverManager.getConnection(lakeUrl(""), AK, "wrong"));
        assertEquals("28P01", raw.getSQLState());
        assertEquals(raw.getSQLState(), lake.getSQLState());
        assertEquals(raw.getMessage(), lake.getMessage(), "url: the server's answer as it is");
    }

    @Test
    void envLogsInWithTheAccessKeyPairFromTheEnvironment() throws Exception {
        ChildJvm.Result r =
                new ChildJvm()
                        .accessKeyEnv(AK, SECRET)
                        .probe(
                                lakeUrl("?lakeproxy.credentials=env"),
                                "--sql",
                                "SELECT current_user");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("rows=" + AK), r.toString());
        assertTrue(r.out.contains("login from lakeproxy.credentials=env (provider env)"), r.out);
        assertFalse(r.out.contains(SECRET), r.out);
    }

    @Test
    void defaultFindsTheCliProfileAndProfileNamesOne() throws Exception {
        String dev = ChildJvm.akProfile("dev", AK, SECRET);
        String other = ChildJvm.akProfile("other", "LTAInobody", "nope");
        ChildJvm.Result chain =
                new ChildJvm()
                        .cliConfig("dev", dev, other)
                        .probe(
                                lakeUrl("?lakeproxy.credentials=default"),
                                "--sql",
                                "SELECT current_user");
        assertEquals(0, chain.exit, chain.toString());
        assertTrue(chain.out.contains("provider default/cli_profile/static_ak"), chain.out);
        ChildJvm.Result named =
                new ChildJvm()
                        .cliConfig("dev", dev, other)
                        .probe(lakeUrl("?lakeproxy.credentials=profile:dev"), "--sql", "SELECT 1");
        assertEquals(0, named.exit, named.toString());
        ChildJvm.Result wrong =
                new ChildJvm()
                        .cliConfig("dev", dev, other)
                        .probe(
                                lakeUrl("?lakeproxy.credentials=profile:other"),
                                "--sql",
                                "SELECT 1");
        assertTrue(
                wrong.out.contains("error=28000") && wrong.out.contains("LTAInobody"),
                "the named profile's key, which the instance does not know: " + wrong);
        assertFalse(
                chain.out.contains(SECRET) || named.out.contains(SECRET), chain.out + named.out);
    }

    /**
     * "RAM role authorization mode", step 3: the STS AccessKey ID and secret as user and password,
     * the token in the startup options as sts_token=...; the simulator (V2.0+) refuses the login
     * without the token, so the session's current_user proves the form.
     */
    @Test
    void anStsCredentialFromTheOidcRoleLogsInWithItsTokenInTheStartupOptions() throws Exception {
        try (LoopbackSts sts = new LoopbackSts()) {
            sts.onIssue(c -> sim.stsCredential(c.accessKeyId, c.accessKeySecret, c.securityToken,
                    c.expiration));
            ChildJvm.Result r =
                    new ChildJvm()
                            .oidcRole(sts, "acs:ram::1234567890123456:role/holo", "oidc-for-holo")
                            .probe(lakeUrl("?lakeproxy.credentials=default&options=-c%20"
                                    + "statement_timeout%3D0"), "--sql", "SELECT current_user");
            assertEquals(0, r.exit, r.toString());
            assertEquals(
                    1, sts.issued().size(), "the chain's OIDC provider called the loopback STS");
            var issued = sts.issued().get(0);
            assertTrue(r.out.contains("rows=" + issued.accessKeyId), r.toString());
            assertTrue(
                    r.out.contains("startup options (sts_token)"), "the note says how: " + r.out);
            assertFalse(
                    r.out.contains(issued.accessKeySecret) || r.out.contains(issued.securityToken),
                    r.out);
        }
    }

    @Test
    void anStsLoginWithoutItsTokenOrOnAnInstanceBeforeV20IsRefusedAsTheDocumentationSays()
            throws Exception {
        String id = "STS.NTestOnlyKey";
        String token = "CAISTestOnlyToken+/=";
        sim.stsCredential(id, SECRET, token, null);
        try (Connection c = DriverManager.getConnection(sim.jdbcUrl() + "?options="
                + java.net.URLEncoder.encode("sts_token=" + token, "UTF-8"), id, SECRET)) {
            try (java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT current_user")) {
                rs.next();
                assertEquals(id, rs.getString(1), "method 2 of the page");
            }
        }
        SQLException noToken = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(sim.jdbcUrl(), id, SECRET));
        assertEquals("28P01", noToken.getSQLState());
        try (HoloSimulator old = HoloSimulator.builder().version("1.3.60").start()) {
            old.stsCredential(id, SECRET, token, null);
            java.util.Properties p = new java.util.Properties();
            p.setProperty("user", id);
            p.setProperty("password", SECRET);
            p.setProperty("options", "sts_token=" + token);
            SQLException before20 = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(old.jdbcUrl(), p));
            assertEquals("28P01", before20.getSQLState());
        }
    }

    @Test
    void aSecretFillsUserAndPasswordAndARotationCostsOneRefusedLogin() throws Exception {
        kms.putSecret("holo/app", json(AK, SECRET));
        try (LogCapture log = new LogCapture(Level.ALL)) {
            try (Connection c = secretLogin("secret:holo/app")) {
                assertTrue(
                        c.unwrap(LakeproxyConnection.class)
                                .connectActions()
                                .toString()
                                .contains(
                                        "login from KMS Secrets Manager secret holo/app (version"
                                                + " v1, read just now)"));
            }
            sim.accessKey(AK, ROTATED);
            kms.putSecret("holo/app", json(AK, ROTATED));
            try (Connection c = secretLogin("secret:holo/app")) {
                String actions = c.unwrap(LakeproxyConnection.class).connectActions().toString();
                assertTrue(actions.contains("read again (version v2)"), actions);
            }
            assertEquals(2, kms.count("GetSecretValue"), "read, then once more after the refusal");
            try (Connection c = secretLogin("secret:holo/app")) {
                assertEquals(2, kms.count("GetSecretValue"), "the rotated value is kept");
            }
            for (String line : log.lines()) {
                assertFalse(
                        line.contains(SECRET) || line.contains(ROTATED), "secret in log: " + line);
            }
        }
    }

    @Test
    void aRefusedLoginIsRetriedOnceOnlyAndOnlyWhenTheSecretChanged() throws Exception {
        kms.putSecret("holo/once", SECRET);
        try (Connection c = secretLogin("secret:holo/once")) {
            assertTrue(c.isValid(2), "a plain secret is the password; the user stays the URL's");
        }
        sim.accessKey(AK, ROTATED); // the server changed, Secrets Manager did not
        SQLException e = assertThrows(SQLException.class, () -> secretLogin("secret:holo/once"));
        assertEquals("28P01", e.getSQLState());
        assertEquals(
                2, kms.count("GetSecretValue"), "read once more, unchanged: no second attempt");
        SqlMessages.assertNoSecret(e, SECRET, ROTATED);
    }

    @Test
    void aMissingSecretIsAClearErrorWithoutTheValue() {
        SQLException e = assertThrows(SQLException.class, () -> secretLogin("secret:holo/none"));
        assertEquals("28000", e.getSQLState());
        assertTrue(
                e.getMessage().contains("could not read KMS Secrets Manager secret holo/none"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Forbidden.ResourceNotFound"), e.getMessage());
    }

    @Test
    void anExpiredLoginIsRefusedAsAWrongPasswordIs() throws SQLException {
        sim.accessKey("LTAI5tExpired", SECRET, java.time.Instant.now().minusSeconds(1));
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () -> DriverManager.getConnection(sim.jdbcUrl(), "LTAI5tExpired", SECRET));
        assertEquals("28P01", e.getSQLState());
    }

    @Test
    void lakeproxysOwnKmsCallsAreSignedByTheCredentialsOption() throws Exception {
        kms.putSecret("holo/env", json(AK, SECRET));
        String options =
                "?lakeproxy.credentials=env&lakeproxy.kms.endpoint="
                        + kms.endpoint()
                        + "&lakeproxy.kms.protocol=http";
        ChildJvm.Result r =
                new ChildJvm()
                        .accessKeyEnv("LTAI5tKmsCaller", "kms-caller-secret")
                        .env("ALIBABA_CLOUD_SECURITY_TOKEN", "CAISkmscallertoken")
                        .probe(
                                lakeUrl(options),
                                "password=secret:holo/env",
                                "--sql",
                                "SELECT current_user");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("rows=" + AK), "the secret's login, not the STS one: " + r.out);
        assertEquals(
                List.of("LTAI5tKmsCaller+token"), kms.callers(), "signed with the STS credential");
        assertFalse(r.out.contains(SECRET) || r.out.contains("CAISkmscallertoken"), r.out);
    }

    private static Connection secretLogin(String password) throws SQLException {
        Properties p = kms.lakeproxyOptions("LTAI-kms-caller", "kms-caller-secret");
        p.setProperty("user", AK);
        p.setProperty("password", password);
        return DriverManager.getConnection(lakeUrl(""), p);
    }

    private static String json(String user, String password) {
        return "{\"AccountName\":\"" + user + "\",\"AccountPassword\":\"" + password + "\"}";
    }
}
