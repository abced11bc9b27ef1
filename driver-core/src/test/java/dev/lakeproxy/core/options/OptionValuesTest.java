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
package dev.lakeproxy.core.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.core.LakeUrl;
import dev.lakeproxy.core.SecretNames;
import dev.lakeproxy.spi.LakeOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option and URL parsing, without a database. */
class OptionValuesTest {

    private static final OptionRegistry REGISTRY = OptionRegistry.of(List.of());

    @Test
    void defaultsParsedValuesAndUnknownNames() throws SQLException {
        OptionValues none = OptionValues.parse(REGISTRY, Map.of());
        assertTrue(none.get(CoreOptions.WARNINGS));
        assertFalse(none.isSet(CoreOptions.WARNINGS));
        OptionValues off = OptionValues.parse(REGISTRY, Map.of("lakeproxy.warnings", " FALSE "));
        assertFalse(off.get(CoreOptions.WARNINGS));
        SQLException unknown = assertThrows(SQLException.class,
                () -> OptionValues.parse(REGISTRY, Map.of("lakeproxy.warnigns", "true")));
        assertEquals("22023", unknown.getSQLState());
        assertTrue(unknown.getMessage().contains("lakeproxy.warnigns"), unknown.getMessage());
        SQLException bad = assertThrows(SQLException.class,
                () -> OptionValues.parse(REGISTRY, Map.of("lakeproxy.warnings", "maybe")));
        assertTrue(bad.getMessage().contains("true | false"), bad.getMessage());
    }

    @Test
    void optionKindsAcceptWhatTheySay() {
        LakeOption<Integer> n = LakeOption.integer("lakeproxy.t.n", 5, 1, 10, "n");
        assertEquals(7, n.parse(" 7 "));
        assertThrows(IllegalArgumentException.class, () -> n.parse("11"));
        LakeOption<String> c =
                LakeOption.choiceOrValue("lakeproxy.t.c", "auto", "c", "<value>", "auto", "off");
        assertEquals("off", c.parse("OFF"));
        assertEquals("odps:hqe", c.parse("odps:hqe"));
        assertEquals(List.of("a", "b"), LakeOption.list("lakeproxy.t.l", "l").parse(" a, ,b "));
        assertThrows(
                IllegalArgumentException.class, () -> LakeOption.bool("other.name", true, "x"));
    }

    @Test
    void everyTimeoutIsMillisecondsInOneDocumentedRangeUnderOneName() {
        LakeOption<Integer> t = LakeOption.timeoutMillis("lakeproxy.t.timeoutMillis", 5_000, "t");
        assertEquals("5000", t.defaultValue());
        assertEquals("milliseconds, from 100 to 600000", t.accepted());
        assertEquals(1_500, t.parse("1500"));
        for (String bad : List.of("99", "600001", "5s", "")) {
            assertThrows(IllegalArgumentException.class, () -> t.parse(bad), bad);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> LakeOption.timeoutMillis("lakeproxy.t.timeout", 5_000, "t"),
                "the name's form");
    }

    @Test
    void urlsKeepEverythingButTheirLakeproxyOptions() throws SQLException {
        LakeUrl url =
                LakeUrl.parse(
                        "jdbc:lakeproxy:postgresql://h:80/db"
                                + "?ssl=true&lakeproxy.warnings=false&ApplicationName=x");
        assertEquals("postgresql", url.subprotocol());
        assertEquals("jdbc:postgresql://h:80/db?ssl=true&ApplicationName=x", url.realUrl());
        assertEquals(Map.of("lakeproxy.warnings", "false"), url.options());
        assertThrows(SQLException.class, () -> LakeUrl.parse("jdbc:lakeproxy:nothing"));
        assertThrows(SQLException.class, () -> LakeUrl.parse("jdbc:postgresql://h/db"));
    }

    @Test
    void secretsComeFromTheirSources() {
        assertTrue(SecretNames.isSecret("password"));
        assertTrue(SecretNames.isSecret("accessId"), "odps-jdbc's own parameter, from its profile");
        assertFalse(SecretNames.isSecret("ApplicationName"));
        assertEquals("jdbc:odps:http://h/api?project=p&accessId=***&accessKey=***",
                SecretNames.maskUrl("jdbc:odps:http://h/api?project=p&accessId=id1&accessKey=k2"));
    }
}
