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
package dev.lakeproxy.odps;

import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.User;
import dev.lakeproxy.spi.Check;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code LakeproxyConnection.diagnose()} on MaxCompute: the checks, in order, as doctor shows them
 * (CliTest covers the command; this, each check's status, detail and fix).
 */
class OdpsDiagnosisTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("home"));

    static User analyst;

    @BeforeAll
    static void setUp() {
        OdpsPlugin.clearCaches();
        EMU.get().createPaimonDlfProject("lake", "dlf_catalog");
        analyst = EMU.get().addRamUser("analyst");
        EMU.get().setDlfDataPermission("analyst", false);
    }

    private static List<Check> doctor(String rawUrl) throws SQLException {
        try (Connection c = connect(lake(rawUrl))) {
            return c.unwrap(LakeproxyConnection.class).diagnose();
        }
    }

    private static String line(Check c) {
        return c.status() + " " + c.name();
    }

    @Test
    void aProjectGetsTheCredentialsThenFourChecksInOrderAllOk() throws SQLException {
        List<Check> checks = doctor(EMU.get().jdbcUrl("home"));
        assertEquals(
                List.of("OK credentials", "OK project", "OK schemas", "OK job", "OK list tables"),
                checks.stream().map(OdpsDiagnosisTest::line).collect(Collectors.toList()));
        checks =
                checks.subList(
                        1, checks.size()); // after the credentials check (url: the login as given)
        assertTrue(checks.get(0).detail().startsWith(
                "Project home; the MaxCompute plugin is active: true"), checks.get(0).detail());
        assertTrue(checks.get(1).detail().startsWith("1 schema(s) visible"),
                checks.get(1).detail());
        assertEquals("SELECT 1 ran.", checks.get(2).detail());
        assertEquals("SHOW TABLES ran.", checks.get(3).detail());
    }

    @Test
    void theDlfLayerRefusingIsAFailedCheckWhoseFixIsTheExplanations() throws SQLException {
        List<Check> checks = doctor(EMU.get().jdbcUrl(analyst, "lake"));
        assertEquals(
                List.of(
                        "OK credentials",
                        "OK project",
                        "FAIL schemas",
                        "OK job",
                        "FAIL list tables"),
                checks.stream().map(OdpsDiagnosisTest::line).collect(Collectors.toList()),
                "the job passes the RAM layer; listing is the DLF layer's");
        assertTrue(checks.get(1).detail().contains("odpsNamespaceSchema=true"),
                "what lakeproxy did at connect: " + checks.get(1).detail());
        Check listing = checks.get(4);
        assertTrue(listing.detail().startsWith("The DLF data plane refused the statement"),
                listing.detail());
        assertFalse(listing.detail().contains("Fix:"), "the explanation's fix is the check's fix");
        assertTrue(listing.fix().startsWith("log on to the DLF console"), listing.fix());
        for (Check c : checks) {
            assertFalse(c.toString().contains(analyst.accessKey()), "no access key: " + c);
        }
    }
}
