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

import java.util.Map;
import org.junit.jupiter.api.Test;

/** lakeproxy.credentials: its values, and url as the default that asks no provider. */
class CredentialsOptionsTest {

    @Test
    void theModesAndTheirSpellings() {
        assertEquals("url", CredentialsOptions.MODE.parse(" URL "));
        assertEquals("default", CredentialsOptions.MODE.parse("Default"));
        assertEquals("env", CredentialsOptions.MODE.parse("env"));
        assertEquals("profile:Work", CredentialsOptions.MODE.parse("PROFILE: Work"));
        for (String bad : new String[] {"", "profile:", "chain", "ecs", "profile"}) {
            assertThrows(
                    IllegalArgumentException.class, () -> CredentialsOptions.MODE.parse(bad), bad);
        }
        assertEquals("url | default | env | profile:<name>", CredentialsOptions.MODE.accepted());
    }

    @Test
    void urlIsTheDefaultAndHasNoSource() {
        CredentialsSettings defaults = CredentialsSettings.of(Map.of());
        assertEquals("url", defaults.mode());
        assertFalse(defaults.fromProvider());
        assertNull(CredentialSources.of(defaults));
        assertNull(KmsAccess.client(defaults), "no KMS calls without credentials for them");
        assertTrue(CredentialsSettings.of(Map.of(CredentialsOptions.MODE, "env")).fromProvider());
    }

    @Test
    void everyOptionHasADocumentedDefault() {
        for (var o : CredentialsOptions.all()) {
            o.parse(o.defaultValue()); // accepted
            assertFalse(o.description().isEmpty(), o.name());
        }
        assertTrue(KmsOptions.ACCESS_KEY_SECRET.isSecret() && KmsOptions.ACCESS_KEY_ID.isSecret());
    }
}
