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
package dev.lakeproxy.holo.kms;

import dev.lakeproxy.credentials.CredentialsSettings;
import dev.lakeproxy.spi.Check;
import dev.lakeproxy.spi.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * The doctor's KMS checks: the state of each encrypted project's key (lakeproxy.kms.keys), by KMS
 * DescribeKey.
 */
public final class KeyChecks {

    private static final Messages M = Messages.of(KeyChecks.class, "dev.lakeproxy.holo.messages");

    private KeyChecks() {
    }

    /** A check per configured key; none when KMS credentials or keys are not configured. */
    public static List<Check> check(CredentialsSettings options, List<String> keys) {
        List<Check> checks = new ArrayList<>();
        Kms kms = Kms.of(options, keys);
        if (kms == null) {
            return checks;
        }
        for (String pair : keys) {
            String project = pair.substring(0, Math.max(0, pair.indexOf('=')));
            String keyId = kms.keyOf(project);
            if (keyId == null) {
                continue;
            }
            String name = "kms key " + project;
            try {
                KeyInfo k = kms.describe(keyId);
                String detail = M.format("holo.kms.state", k.keyId(), k.state(), k.origin());
                checks.add(k.usable() ? Check.ok(name, detail)
                        : Check.fail(name, detail, M.format("holo.kms.advice." + k.state())));
            } catch (KmsException | RuntimeException | LinkageError e) {
                String why =
                        e instanceof KmsException ? e.getMessage() : e.getClass().getSimpleName();
                checks.add(
                        Check.warn(
                                name,
                                M.format("holo.kms.unavailable", why),
                                M.format("holo.doctor.kms.fix")));
            }
        }
        return checks;
    }
}
