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
import dev.lakeproxy.spi.Messages;
import java.util.List;

/**
 * What KMS DescribeKey says about a project's key, as a sentence for an explanation. Whatever goes
 * wrong inside the SDK (including a runtime exception or a linkage error in a repackaged jar)
 * becomes a sentence too: an explanation never turns into a different, unexplained failure.
 */
public final class KeyStates {

    private static final Messages M = Messages.of(KeyStates.class, "dev.lakeproxy.holo.messages");

    private KeyStates() {
    }

    /** The sentence, or "" when KMS or the project's key is not configured. */
    public static String describe(CredentialsSettings options, List<String> keys, String project) {
        try {
            Kms kms = Kms.of(options, keys);
            String keyId = kms == null ? null : kms.keyOf(project);
            if (keyId == null) {
                return "";
            }
            KeyInfo key = kms.describe(keyId);
            return M.format("holo.kms.state", key.keyId(), key.state(), key.origin()) + " "
                    + M.format("holo.kms.advice." + key.state());
        } catch (KmsException e) {
            return M.format("holo.kms.unavailable", e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return M.format("holo.kms.unavailable", e.getClass().getSimpleName());
        }
    }
}
