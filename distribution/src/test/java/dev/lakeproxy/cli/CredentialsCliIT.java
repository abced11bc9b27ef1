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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.cloudsim.LoopbackKms;
import dev.lakeproxy.holosim.HoloSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI jar needs no secret on its command line: lakeproxy.credentials, --password-file,
 * LAKEPROXY_PASSWORD and secret: passwords, against a simulator that checks the AccessKey login;
 * doctor names the provider and explain the secret, never a secret value.
 */
class CredentialsCliIT {

    private static final String AK = "LTAI5tCliTestKey01";
    private static final String SECRET = "CliSecretValue-0123456789";
    private static HoloSimulator sim;

    @BeforeAll
    static void start() {
        sim = HoloSimulator.builder().start();
        sim.accessKey(AK, SECRET);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String url(String query) {
        return "jdbc:lakeproxy:" + sim.jdbcUrl().substring("jdbc:".length()) + query;
    }

    private static Jars.Result cli(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jars.java(), "-jar", Jars.cli().toString()));
        command.addAll(List.of(args));
        Jars.Result r = Jars.run(command, env);
        assertFalse(r.out.contains(SECRET), "no secret in the CLI's output: " + r.out);
        return r;
    }

    @Test
    void doctorSaysWhichProviderSuppliedTheCredentialsAndWhenTheyExpire() throws Exception {
        Jars.Result r =
                cli(
                        Map.of(
                                "ALIBABA_CLOUD_ACCESS_KEY_ID",
                                AK,
                                "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                                SECRET),
                        "doctor",
                        "--url",
                        url("?lakeproxy.credentials=env"));
        assertTrue(r.out.contains("OK    connect"), r.out);
        assertTrue(
                r.out.contains(
                        "lakeproxy.credentials=env: an AccessKey pair from provider env, which does"
                            + " not expire"),
                r.out);
        assertFalse(r.out.contains(AK), "not even the AccessKey ID: " + r.out);
    }

    @Test
    void aPasswordFromAFileOrTheEnvironmentNeverFromTheCommandLine() throws Exception {
        Path file = Files.createTempFile("password", ".txt");
        Files.writeString(file, SECRET + "\n");
        Jars.Result fromFile =
                cli(
                        Map.of(),
                        "doctor",
                        "--url",
                        url(""),
                        "--user",
                        AK,
                        "--password-file",
                        file.toString());
        assertTrue(fromFile.out.contains("OK    connect"), fromFile.out);
        Jars.Result fromEnv =
                cli(Map.of("LAKEPROXY_PASSWORD", SECRET), "doctor", "--url", url(""), "--user", AK);
        assertTrue(fromEnv.out.contains("OK    connect"), fromEnv.out);
        Jars.Result wrong =
                cli(
                        Map.of("LAKEPROXY_PASSWORD", "wrong"),
                        "doctor",
                        "--url",
                        url(""),
                        "--user",
                        AK);
        assertEquals(1, wrong.exit, wrong.out);
        assertTrue(wrong.out.contains("password authentication failed"), wrong.out);
        Jars.Result warned =
                cli(Map.of(), "doctor", "--url", url(""), "--user", AK, "--password", "typed-here");
        assertTrue(warned.out.contains("a password on the command line shows in ps"), warned.out);
    }

    @Test
    void explainShowsTheSecretsNameAndVersionNotItsValue() throws Exception {
        try (LoopbackKms kms = new LoopbackKms()) {
            kms.putSecret(
                    "holo/cli",
                    "{\"AccountName\":\"" + AK + "\",\"AccountPassword\":\"" + SECRET + "\"}");
            String options =
                    "?lakeproxy.kms.endpoint="
                            + kms.endpoint()
                            + "&lakeproxy.kms.protocol=http"
                            + "&lakeproxy.kms.accessKeyId=LTAIkmscaller"
                            + "&lakeproxy.kms.accessKeySecret=kms-caller-secret";
            Jars.Result r =
                    cli(
                            Map.of("LAKEPROXY_PASSWORD", "secret:holo/cli"),
                            "explain",
                            "--url",
                            url(options),
                            "--user",
                            "ignored",
                            "SELECT 1");
            assertEquals(0, r.exit, r.out);
            assertTrue(
                    r.out.contains(
                            "at connect: login from KMS Secrets Manager secret holo/cli (version"
                                + " v1, read just now)"),
                    r.out);
            assertFalse(r.out.contains("kms-caller-secret"), r.out);
        }
    }
}
