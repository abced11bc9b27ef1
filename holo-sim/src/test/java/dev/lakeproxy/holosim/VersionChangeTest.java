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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Instance upgrade and rollback in place ({@link HoloSimulator#changeVersion}): same port and data,
 * open connections dropped, new connections see the new version's hg_version(), settings and read
 * rules.
 */
class VersionChangeTest {
    static final String ROUTING = SettingsTest.ROUTING;
    static final String ORC = SettingsTest.ORC;
    static final String UNKNOWN = "unrecognized configuration parameter \"" + ROUTING + "\"";

    /** Not shared: this class changes the version. */
    @RegisterExtension
    static final HoloSimExtension SIM = HoloSimExtension.version("3.2.5");

    @Test
    void rollbackToV31ThenUpgradeBack() throws Exception {
        HoloSimulator sim = SIM.sim();
        int port = sim.port();
        sim.createDatabase("vc_db");
        sim.maxcompute()
                .project("vc_byok")
                .encryption(Encryption.BYOK, "k")
                .table("t", "id bigint")
                .insert(1);
        sim.maxcompute()
                .project("vc_dk")
                .encryption(Encryption.DEFAULT_KEY)
                .table("t", "id bigint")
                .insert(2);
        Connection old = Db.connect(sim, "vc_db", Db.EXTENDED);
        Db.exec(old, "IMPORT FOREIGN SCHEMA vc_byok FROM SERVER odps_server INTO public");
        Db.exec(old, "CREATE FOREIGN TABLE dk (id bigint) SERVER odps_server"
                + " OPTIONS (project_name 'vc_dk', table_name 't')");
        Db.exec(old, "ALTER DATABASE vc_db SET " + ROUTING + " = 'odps:common_table,dlf:hqe'");

        sim.changeVersion("3.1.0");
        assertEquals("3.1.0", sim.version().toString());
        assertEquals(port, sim.port());
        SQLException dropped = assertThrows(SQLException.class, () -> Db.one(old, "SELECT 1"));
        assertTrue(dropped.getSQLState().startsWith("08"), dropped.getSQLState());
        old.close();

        for (String mode : new String[] {Db.EXTENDED, Db.SIMPLE}) {
            try (Connection c = Db.connect(sim, "vc_db", mode)) {
                assertTrue(
                        Db.one(c, "SELECT hg_version()")
                                .startsWith("Hologres 3.1.0 (tag: 3.1.0 build:"));
                for (String sql :
                        new String[] {
                            "SET " + ROUTING + " = 'odps:common_table'", "SHOW " + ROUTING
                        }) {
                    SQLException e = Db.fails("42704", c, sql);
                    assertEquals("ERROR: " + UNKNOWN, e.getMessage());
                }
                assertEquals("true", Db.one(c, "SHOW " + ORC));
                assertEquals(
                        java.util.Collections.singletonList(ORC),
                        Db.rows(
                                c,
                                "SELECT name FROM pg_settings WHERE name LIKE 'hg%experimental%'"));
                // The database-level routing stored on V3.2 no longer routes: HQE fails on both
                // tables.
                Db.fails("XX000", c, "SELECT id FROM dk");
                assertEquals(Engine.HQE, sim.lastEngine());
                Db.exec(c, "SET " + ORC + " = false");
                assertEquals("1", Db.one(c, "SELECT id FROM t"));
                assertEquals(Engine.SQE, sim.lastEngine());
                Db.fails("XX000", c, "SELECT id FROM dk");
            }
        }
        SQLException fatal =
                assertThrows(
                        SQLException.class,
                        () ->
                                Db.connect(
                                        sim,
                                        "vc_db",
                                        Db.EXTENDED,
                                        "options",
                                        "-c " + ROUTING + "=odps:common_table"));
        assertEquals("42704", fatal.getSQLState());
        assertEquals("FATAL: " + UNKNOWN, fatal.getMessage());

        sim.changeVersion(SimulatedVersion.parse("3.2.1"));
        try (Connection c = Db.connect(sim, "vc_db", Db.EXTENDED,
                "options", "-c " + ORC + "=true")) {
            assertTrue(Db.one(c, "SELECT hg_version()").startsWith("Hologres 3.2.1 "));
            assertEquals(
                    "odps:common_table,dlf:hqe",
                    Db.one(c, "SHOW " + ROUTING),
                    "the database level is back");
            assertEquals("2", Db.one(c, "SELECT id FROM dk"));
            assertEquals(Engine.COMMON_TABLE, sim.lastEngine());
            Db.exec(c, "ALTER DATABASE vc_db RESET " + ROUTING);
        }
    }

    @Test
    void rollbackBelowV1331NeedsTheBackendConfigurationAgain() throws Exception {
        HoloSimulator sim = SIM.sim();
        sim.maxcompute()
                .project("vc_old")
                .encryption(Encryption.BYOK, "k")
                .table("t", "id bigint")
                .insert(3);
        try (Connection c = Db.connect(sim, Db.EXTENDED)) {
            Db.exec(c, "CREATE FOREIGN TABLE vc_old_t (id bigint) SERVER odps_server"
                    + " OPTIONS (project_name 'vc_old', table_name 't')");
        }
        sim.changeVersion("1.3.30");
        try (Connection c =
                Db.connect(sim, "postgres", Db.SIMPLE, "options", "-c " + ORC + "=false")) {
            Db.fails("XX000", c, "SELECT id FROM vc_old_t");
            sim.backendConfiguration(true);
            assertEquals("3", Db.one(c, "SELECT id FROM vc_old_t"));
            assertEquals(Engine.SQE, sim.lastEngine());
        } finally {
            sim.backendConfiguration(false);
            sim.changeVersion("3.2.5");
        }
    }
}
