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
package dev.lakeproxy.odpsemu.external;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Paimon's TIMESTAMP truncation by precision, without a server. */
class PaimonRulesTest {

    @Test
    void paimonTimestampTruncation() {
        assertEquals(3, PaimonRules.keptDigits(0));
        assertEquals(3, PaimonRules.keptDigits(3));
        assertEquals(6, PaimonRules.keptDigits(4));
        assertEquals(9, PaimonRules.keptDigits(7));
        assertEquals(
                "2025-01-01 00:00:00.123", PaimonRules.truncate("2025-01-01 00:00:00.123999", 3));
        assertEquals("2025-01-01 00:00:00.1", PaimonRules.truncate("2025-01-01 00:00:00.1", 3));
    }
}
