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

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLException;

/** Checks that no secret appears in an exception, its causes or its suppressed ones. */
final class SqlMessages {

    private SqlMessages() {}

    static void assertNoSecret(Throwable e, String... secrets) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (String s : secrets) {
                assertFalse(String.valueOf(t.getMessage()).contains(s), "secret in: " + t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                assertNoSecret(suppressed, secrets);
            }
            if (t instanceof SQLException && ((SQLException) t).getNextException() != null) {
                assertNoSecret(((SQLException) t).getNextException(), secrets);
            }
        }
    }
}
