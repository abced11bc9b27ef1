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
package dev.lakeproxy.holosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Lexical helpers and setting-name swaps, without a server. */
class SqlTextTest {
    @Test
    void splitsOnTopLevelSemicolonsOnly() {
        String sql =
                "SELECT ';' AS a; SELECT $x$ ; $x$; /* ; */ SELECT \"a;b\" -- ;\n; SELECT E'\\';'";
        List<String> parts = SqlText.split(sql).stream().map(s -> sql.substring(s[0], s[1]).trim())
                .collect(Collectors.toList());
        assertEquals(
                Arrays.asList(
                        "SELECT ';' AS a",
                        "SELECT $x$ ; $x$",
                        "/* ; */ SELECT \"a;b\" -- ;",
                        "SELECT E'\\';'"),
                parts);
    }

    @Test
    void wordsSkipStringsAndComments() {
        assertEquals(Arrays.asList("select", "x", "from", "Orders", "t"),
                SqlText.words("SELECT x /* orders */ FROM \"Orders\" t -- orders\n"));
        assertEquals("x", SqlText.stripLeading(" -- c\n /* d */ x"));
    }

    @Test
    void boolValuesLikePostgres() {
        for (String ok :
                new String[] {
                    "on", "off", "of", "true", "t", "FALSE", "yes", "y", "no", "1", "0"
                }) {
            assertTrue(Settings.isValidBool(ok), ok);
        }
        for (String bad : new String[] {"o", "banana", "2", "", "tru e", "onn"}) {
            assertFalse(Settings.isValidBool(bad), bad);
        }
        assertNull(StartupHandshake.invalidBoolOption("-c " + Settings.ORC_VIA_HOLO + "=false"));
        assertEquals(
                "x",
                StartupHandshake.invalidBoolOption(
                        "-c a=b -c " + Settings.ORC_VIA_HOLO + "=x -c c=d"));
    }

    @Test
    void settingNamesSwapBothWays() {
        String[] names = Settings.namesFor(SimulatedVersion.parse("3.2.0"));
        assertEquals(
                "SET hg.experimental_external_catalog_routing = 'x'; SHOW"
                    + " hg.EXPERIMENTAL_enable_access_odps_orc_via_holo",
                Settings.toServer(
                        "SET hg_experimental_external_catalog_routing = 'x'; SHOW"
                            + " hg_EXPERIMENTAL_enable_access_odps_orc_via_holo",
                        names));
        String[] old = Settings.namesFor(SimulatedVersion.parse("3.1.9"));
        assertEquals("SET hg_experimental_external_catalog_routing = 'x'",
                Settings.toServer("SET hg_experimental_external_catalog_routing = 'x'", old));
        byte[] b =
                "x hg.experimental_enable_access_odps_orc_via_holo y"
                        .getBytes(StandardCharsets.US_ASCII);
        assertTrue(Settings.swapBytes(b, 0, names, '.', '_', false));
        assertEquals(
                "x hg_experimental_enable_access_odps_orc_via_holo y",
                new String(b, StandardCharsets.US_ASCII));
    }

    @Test
    void columnDefinitionsOfCreateForeignTable() {
        List<String> cols =
                ProvisionalForeignTables.columns(
                                "id numeric(10,2) NOT NULL, \"Extra\" character varying(20) DEFAULT"
                                    + " 'a,b', ts timestamp with time zone, CONSTRAINT c CHECK (id"
                                    + " > 0)")
                        .stream()
                        .map(c -> c[0] + ":" + c[1])
                        .collect(Collectors.toList());
        assertEquals(
                Arrays.asList(
                        "id:numeric(10,2)",
                        "Extra:character varying(20)",
                        "ts:timestamp with time zone"),
                cols);
    }

    @Test
    void versions() {
        assertTrue(SimulatedVersion.parse("1.3.31").atLeast(SimulatedVersion.V1_3_31));
        assertFalse(SimulatedVersion.parse("1.3.30").atLeast(SimulatedVersion.V1_3_31));
        assertTrue(SimulatedVersion.parse("V3.2").hasCatalogRouting());
        assertFalse(SimulatedVersion.parse("3.1.99").hasCatalogRouting());
        assertEquals("2.0.0", SimulatedVersion.parse("2").toString());
    }
}
