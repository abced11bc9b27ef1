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
package dev.lakeproxy.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.cloudsim.LoopbackKms;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Credentials, secret values and settings show no secret in toString() or in messages; a secret's
 * value is parsed as documented and read from the loopback KMS with versions.
 */
class SecretsStaySecretTest {

    private static final String KEY_ID = "LTAI5tShownNowhere";
    private static final String SECRET = "VerySecretValue0123";
    private static final String TOKEN = "CAISsecurityTokenValue";

    @Test
    void toStringNamesTheProviderAndTheExpiryOnly() {
        Instant now = Instant.now();
        Credential c =
                new Credential(KEY_ID, SECRET, TOKEN, now.plusSeconds(60), now, "default/env");
        String shown =
                c.toString()
                        + new SecretValue("db/app", "user1", SECRET, "v3", true)
                        + CredentialsSettings.of(
                                Map.of(
                                        KmsOptions.ACCESS_KEY_ID,
                                        KEY_ID,
                                        KmsOptions.ACCESS_KEY_SECRET,
                                        SECRET,
                                        CredentialsOptions.MODE,
                                        "env"));
        assertTrue(shown.contains("temporary credential from default/env, expires"), shown);
        for (String s : new String[] {KEY_ID, SECRET, TOKEN}) {
            assertFalse(shown.contains(s), shown);
        }
    }

    @Test
    void aCredentialIsRenewedWithAThirdOfItsLifeLeftAtMostFifteenMinutesBefore() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Credential shortLived = new Credential(KEY_ID, SECRET, TOKEN, t0.plusSeconds(9), t0, "p");
        assertFalse(shortLived.due(t0.plusSeconds(5)));
        assertTrue(shortLived.due(t0.plusSeconds(6)));
        Credential hour =
                new Credential(KEY_ID, SECRET, TOKEN, t0.plus(Duration.ofHours(1)), t0, "p");
        assertFalse(hour.due(t0.plus(Duration.ofMinutes(44))));
        assertTrue(hour.due(t0.plus(Duration.ofMinutes(45))));
        assertFalse(
                new Credential(KEY_ID, SECRET, null, null, t0, "p")
                        .due(t0.plus(Duration.ofDays(999))));
    }

    @Test
    void aSecretIsAnAccountOrAPassword() {
        SecretValue account =
                SecretValues.parse("n", "{\"AccountName\":\"u\",\"AccountPassword\":\"p{\"}", "v1");
        assertEquals("u", account.user());
        assertEquals("p{", account.password());
        SecretValue plain = SecretValues.parse("n", "{not json", "v1");
        assertNull(plain.user());
        assertEquals("{not json", plain.password());
        assertNull(SecretValues.parse("n", "{\"AccountPassword\":\"x\"}", "v1").user());
    }

    @Test
    void secretsAreReadByVersionCachedAndNeverInAnError() throws Exception {
        SecretValues.forgetAll();
        try (LoopbackKms kms = new LoopbackKms()) {
            CredentialsSettings s =
                    CredentialsSettings.of(
                            Map.of(
                                    KmsOptions.ENDPOINT,
                                    kms.endpoint(),
                                    KmsOptions.PROTOCOL,
                                    "http",
                                    KmsOptions.ACCESS_KEY_ID,
                                    "LTAIcaller",
                                    KmsOptions.ACCESS_KEY_SECRET,
                                    "caller-secret"));
            kms.putSecret("app", SECRET);
            assertEquals(SECRET, SecretValues.read(s, "app", false).password());
            assertTrue(SecretValues.read(s, "app", false).cached());
            kms.putSecret("app", SECRET + "-2");
            SecretValue fresh = SecretValues.read(s, "app", true);
            assertEquals("v2", fresh.versionId());
            assertEquals(2, kms.count("GetSecretValue"));
            assertEquals("LTAIcaller", kms.callers().get(0), "signed with the static KMS pair");
            CredentialsException missing =
                    assertThrows(
                            CredentialsException.class,
                            () -> SecretValues.read(s, "absent", false));
            assertTrue(
                    missing.getMessage().contains("Forbidden.ResourceNotFound"),
                    missing.getMessage());
            kms.answerHtml(true);
            CredentialsException html =
                    assertThrows(
                            CredentialsException.class, () -> SecretValues.read(s, "other", true));
            assertFalse(html.getMessage().contains(SECRET), html.getMessage());
        }
    }
}
