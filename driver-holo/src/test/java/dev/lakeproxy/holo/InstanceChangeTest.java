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

import static dev.lakeproxy.holo.HoloScenarios.BYOK;
import static dev.lakeproxy.holo.HoloScenarios.DEFAULT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.holosim.HoloSimExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An instance upgraded or rolled back in place (same host and port): lakeproxy never fails a
 * connection that raw pgjdbc opens, notices the change from the next connection, and every
 * explanation names the version it has now. Run with both routing mechanisms.
 */
class InstanceChangeTest {

    private static final String ROUTING = HologresPlugin.ROUTING_SETTING;
    @RegisterExtension
    static final HoloSimExtension SIM =
            HoloSimExtension.version("3.2.5").seed(HoloScenarios::seed);

    @BeforeEach
    void fresh() {
        HoloInstance.forgetAll();
    }

    private static Connection lake(String mechanism) throws SQLException {
        return HoloScenarios.lake(SIM.sim(), "lakeproxy.holo.routingMechanism=" + mechanism,
                "lakeproxy.holo.encryptedProjects=p_byok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"session", "startup"})
    void rollbackInPlaceFromV32ToV31(String mechanism) throws SQLException {
        SIM.sim().changeVersion("3.2.5");
        for (int i = 0; i < 2; i++) { // the second one has the facts from the cache
            try (Connection c = lake(mechanism)) {
                assertEquals(HoloOptions.COMMON_TABLE_ROUTING, HoloScenarios.show(c, ROUTING));
            }
        }
        SIM.sim().changeVersion("3.1.10");
        try (Connection raw = HoloScenarios.raw(SIM.sim())) {
            assertEquals(3, HoloScenarios.count(raw, "internal_t"));
        }
        for (int i = 0; i < 2; i++) {
            try (Connection c = lake(mechanism)) {
                assertEquals(3, HoloScenarios.count(c, "internal_t"));
                assertEquals(
                        2,
                        HoloScenarios.count(c, BYOK),
                        "the legacy path: SQE for the encrypted read");
                SQLException e =
                        assertThrows(SQLException.class, () -> HoloScenarios.count(c, DEFAULT_KEY));
                assertTrue(e.getMessage().contains("Hologres V3.1.10"), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"session", "startup"})
    void upgradeInPlaceFromV31ToV32(String mechanism) throws SQLException {
        SIM.sim().changeVersion("3.1.10");
        try (Connection c = lake(mechanism)) {
            assertEquals(2, HoloScenarios.count(c, BYOK));
        }
        SIM.sim().changeVersion("3.2.5");
        try (Connection c = lake(mechanism)) {
            if (mechanism.equals("startup")) {
                // facts from the cache: the error contradicts them and names V3.2.5
                SQLException e =
                        assertThrows(SQLException.class, () -> HoloScenarios.count(c, DEFAULT_KEY));
                assertTrue(e.getMessage().contains("Hologres V3.2.5"), e.getMessage());
            } else {
                assertEquals(
                        1,
                        HoloScenarios.count(c, DEFAULT_KEY),
                        "routed through Common Table at once");
            }
        }
        try (Connection c = lake(mechanism)) {
            assertEquals(HoloOptions.COMMON_TABLE_ROUTING, HoloScenarios.show(c, ROUTING));
            assertEquals(1, HoloScenarios.count(c, DEFAULT_KEY));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"session", "startup"})
    void optionsInTheUrlAreMergedWithLakeproxysRouting(String mechanism) throws SQLException {
        SIM.sim().changeVersion("3.2.5");
        Properties p = new Properties();
        p.setProperty("user", SIM.sim().user());
        p.setProperty("password", SIM.sim().password());
        p.setProperty("options", "-c work_mem=5MB"); // pgjdbc takes the URL's options over these
        p.setProperty("lakeproxy.holo.routingMechanism", mechanism);
        String url =
                "jdbc:lakeproxy:"
                        + SIM.sim().jdbcUrl().substring(5)
                        + "?options=-c%20search_path%3Dpublic";
        String rawUrl = SIM.sim().jdbcUrl() + "?options=-c%20search_path%3Dpublic";
        for (int i = 0; i < 2; i++) {
            try (Connection raw = DriverManager.getConnection(rawUrl, p);
                    Connection c = DriverManager.getConnection(url, p)) {
                assertEquals(
                        HoloScenarios.show(raw, "search_path"),
                        HoloScenarios.show(c, "search_path"));
                assertEquals(
                        HoloScenarios.show(raw, "work_mem"), HoloScenarios.show(c, "work_mem"));
                assertEquals(HoloOptions.COMMON_TABLE_ROUTING, HoloScenarios.show(c, ROUTING));
                assertEquals(1, HoloScenarios.count(c, DEFAULT_KEY));
                if (i == 1 && mechanism.equals("startup")) {
                    assertTrue(
                            c.unwrap(LakeproxyConnection.class)
                                    .connectActions()
                                    .toString()
                                    .contains("startup option"));
                }
            }
        }
    }
}
