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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * lakeproxy's startup option joins the user's wherever pgjdbc takes them from, and comes back out
 * intact.
 */
class StartupOptionsTest {

    private static final String ADD =
            StartupOptions.addition(SessionStart.ROUTING, "odps:common_table,dlf:hqe");

    @Test
    void intoTheUrlWhenTheUrlHasOptionsBecausePgjdbcPrefersIt() {
        StubConnectRequest r =
                new StubConnectRequest(
                        "jdbc:postgresql://h:5432/db?options=-c%20search_path%3Dmc&ssl=false",
                        o -> null);
        r.props.setProperty("options", "-c work_mem=5MB");
        StartupOptions.add(r, ADD);
        assertEquals("-c search_path=mc " + ADD, StartupOptions.effective(r.url, r.props));
        assertTrue(r.url.endsWith("&ssl=false"), r.url);
        assertEquals(
                "-c work_mem=5MB",
                r.props.getProperty("options"),
                "the ignored Properties value is untouched");
        assertTrue(StartupOptions.remove(r, ADD));
        assertEquals("-c search_path=mc", StartupOptions.effective(r.url, r.props));
    }

    @Test
    void intoThePropertiesOtherwise() {
        StubConnectRequest r = new StubConnectRequest("jdbc:postgresql://h:5432/db", o -> null);
        StartupOptions.add(r, ADD);
        assertEquals(ADD, r.props.getProperty("options"));
        assertTrue(StartupOptions.remove(r, ADD));
        assertNull(r.props.getProperty("options"));
        assertFalse(StartupOptions.remove(r, ADD));
    }

    @Test
    void blanksAndBackslashesAreEscapedForPostgresqlsOptionsParser() {
        assertEquals("-c x=a\\ b\\\\c", StartupOptions.addition("x", "a b\\c"));
    }
}
