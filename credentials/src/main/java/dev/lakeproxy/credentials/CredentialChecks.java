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

import static dev.lakeproxy.credentials.CredentialsMessages.M;

import dev.lakeproxy.spi.Check;
import dev.lakeproxy.spi.DiagnosisContext;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code lakeproxy doctor}: which provider supplied the credentials and when they expire, never the
 * secret.
 */
public final class CredentialChecks {

    private CredentialChecks() {}

    public static Check check(DiagnosisContext context) {
        CredentialsSettings settings = CredentialsSettings.of(context);
        CredentialSource source = CredentialSources.of(settings);
        if (source == null) {
            return Check.ok("credentials", M.format("credentials.doctor.url"));
        }
        try {
            Credential c = source.current(settings.timeout());
            String kind =
                    M.format(
                            c.temporary()
                                    ? "credentials.doctor.temporary"
                                    : "credentials.doctor.permanent");
            String expiry =
                    c.expiration() == null
                            ? M.format("credentials.doctor.noExpiry")
                            : M.format(
                                    "credentials.doctor.expires",
                                    c.expiration(),
                                    Duration.between(Instant.now(), c.expiration()).toMinutes());
            return Check.ok(
                    "credentials",
                    M.format(
                            "credentials.doctor.provider",
                            settings.mode(),
                            kind,
                            c.provider(),
                            expiry));
        } catch (CredentialsException e) {
            return Check.fail(
                    "credentials", e.getMessage(), M.format("credentials.doctor.failed.fix"));
        }
    }
}
