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

import static dev.lakeproxy.odps.PluginTestSupport.counter;
import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.User;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two permission layers of Paimon_DLF external projects, explained; raw odps-jdbc alongside.
 */
class PermissionErrorRuleTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("home"));

    static User alice;

    @BeforeAll
    static void setUp() {
        OdpsPlugin.clearCaches();
        EMU.get().createPaimonDlfProject("lake", "dlf_catalog");
        EMU.get().createPaimonTable("lake", "default", "emp", List.of("id BIGINT"), null, null, 2);
        alice = EMU.get().addRamUser("alice");
        EMU.get().setDlfDataPermission("alice", false);
    }

    private static String showTables(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW TABLES")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    @Test
    void dlfDataPlaneRefusalNamesTheDlfConsoleAndTheGrant() throws SQLException {
        String rawUrl = EMU.get().jdbcUrl(alice, "lake", "odpsNamespaceSchema=true");
        String uid = MaxComputeEmulator.DEFAULT_UID;
        try (Connection raw = connect(rawUrl); Connection lp = connect(lake(rawUrl))) {
            SQLException rawError = assertThrows(SQLException.class, () -> showTables(raw));
            assertTrue(
                    rawError.getMessage()
                            .contains(
                                    "Forbidden: User acs:ram::"
                                            + uid
                                            + ":user/alice doesn't have privilege LIST on DATABASE"
                                            + " default"));
            assertFalse(rawError.getMessage().contains("DLF console"));

            SQLException e = assertThrows(SQLException.class, () -> showTables(lp));
            String m = e.getMessage();
            assertTrue(
                    m.startsWith(
                            "The DLF data plane refused the statement: acs:ram::"
                                    + uid
                                    + ":user/alice has no DLF data "
                                    + "permission LIST on DATABASE default"),
                    m);
            assertTrue(
                    m.contains("DLF console, System And Security > Access Control")
                            && m.contains("RAM policies do not grant this"),
                    m);
            assertSame(
                    rawError.getClass(), e.getCause().getClass(), "the original is kept as cause");
            assertEquals(rawError.getSQLState(), e.getSQLState());

            SQLException read =
                    assertThrows(SQLException.class, () -> rows(lp, "SELECT * FROM emp"));
            assertTrue(
                    read.getMessage().contains("permission SELECT on TABLE default.emp"),
                    read.getMessage());

            // DatabaseMetaData (DBeaver's navigator) too: listing the named schema needs LIST on it
            SQLException meta =
                    assertThrows(
                            SQLException.class,
                            () -> lp.getMetaData().getTables("lake", "default", null, null));
            assertTrue(
                    meta.getMessage().contains("LIST on DATABASE default.")
                            && meta.getMessage().contains("DLF console"),
                    meta.getMessage());
            assertTrue(counter(lp, "odps.translated.dlfPermission") >= 2);
        }
        EMU.get().setDlfDataPermission("alice", true);
        try (Connection lp = connect(lake(rawUrl))) {
            assertTrue(showTables(lp).contains(" emp"), "with the grant the same statement works");
        } finally {
            EMU.get().setDlfDataPermission("alice", false);
        }
    }

    @Test
    void ramControlPlaneRefusalNamesTheRamConsoleAndThePolicies() {
        User bob = EMU.get().addRamUser("bob");
        // creating an external project is a console/API action (no SQL): the emulator's Java API
        // gives the seed's error
        OdpsSqlException server =
                assertThrows(
                        OdpsSqlException.class,
                        () -> EMU.get().createPaimonDlfProject("bobs_lake", "dlf_catalog", bob));
        SQLException asDriverReports = new SQLException(server.getMessage(), "42000", 0, server);
        SQLException e =
                PermissionErrorRule.explain(
                        asDriverReports, PermissionErrorRule.allMessages(asDriverReports));
        assertNotNull(e);
        assertTrue(
                e.getMessage().startsWith("The RAM control plane refused the action"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("RAM console")
                        && e.getMessage().contains("AliyunMaxComputeFullAccess")
                        && e.getMessage().contains("AliyunDLFReadOnlyAccess"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("You are not authorized to perform this action"),
                "quotes the original");
        assertSame(asDriverReports, e.getCause());
    }
}
