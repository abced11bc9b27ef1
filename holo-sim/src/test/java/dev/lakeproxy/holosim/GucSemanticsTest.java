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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine settings are PostgreSQL GUCs in every respect, and each foreign read is served by the
 * engine their effective value selects: SET / SET SESSION / SET LOCAL / RESET / RESET ALL,
 * set_config (session and local, literal and bound), savepoints and rollback, and the levels ALTER
 * ROLE ALL < ALTER DATABASE < ALTER ROLE < ALTER ROLE IN DATABASE < session, each for new sessions
 * only.
 */
class GucSemanticsTest {
    static final String ORC = SettingsTest.ORC;
    static final String ROUTING = SettingsTest.ROUTING;
    static final String DB = "guc_db";
    static final String ROLE = "guc_user";

    @RegisterExtension
    static final HoloSimExtension SIM = HoloSimExtension.version("3.2.5").shared();

    @BeforeAll
    static void setUp() throws SQLException {
        HoloSimulator sim = SIM.sim();
        sim.createDatabase(DB);
        sim.maxcompute()
                .project("guc_byok")
                .encryption(Encryption.BYOK, "k")
                .table("t", "id bigint")
                .insert(7);
        try (Connection c = Db.connect(sim, DB, Db.EXTENDED)) {
            Db.exec(c, "CREATE FOREIGN TABLE byok (id bigint) SERVER odps_server"
                    + " OPTIONS (project_name 'guc_byok', table_name 't')");
            Db.exec(
                    c,
                    "DO $$BEGIN CREATE ROLE "
                            + ROLE
                            + " LOGIN; EXCEPTION WHEN duplicate_object THEN END$$");
            Db.exec(c, "GRANT SELECT ON byok TO " + ROLE);
        }
    }

    /**
     * Reads the BYOK table and answers the engine that served it (HQE fails, SQE and Common Table
     * read).
     */
    private static Engine engine(Connection c) throws SQLException {
        HoloSimulator sim = SIM.sim();
        try {
            assertEquals("7", Db.one(c, "SELECT id FROM byok"));
            assertTrue(sim.lastEngine() != Engine.HQE);
        } catch (SQLException e) {
            assertEquals("XX000", e.getSQLState(), e::getMessage);
            assertEquals(Engine.HQE, sim.lastEngine());
        }
        return sim.lastEngine();
    }

    private static Connection connect(String user, String mode) throws SQLException {
        return Db.connect(SIM.sim(), DB, mode, "user", user);
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void sessionCommandsAndSetConfig(String mode) throws Exception {
        try (Connection c = connect(SIM.sim().user(), mode)) {
            assertEquals(Engine.HQE, engine(c));
            Db.exec(c, "SET SESSION " + ORC + " = off");
            assertEquals(Engine.SQE, engine(c));
            Db.exec(c, "RESET " + ORC);
            assertEquals(Engine.HQE, engine(c));
            assertEquals("false", Db.one(c, "SELECT set_config('" + ORC + "', 'false', false)"));
            assertEquals(Engine.SQE, engine(c));
            assertEquals("false", Db.one(c, "SELECT current_setting('" + ORC + "')"));
            Db.exec(
                    c,
                    "SELECT 1 AS x, set_config('"
                            + ROUTING
                            + "', 'odps:common_table', false) AS y");
            assertEquals(Engine.COMMON_TABLE, engine(c));
            Db.exec(c, "RESET ALL");
            assertEquals(Engine.HQE, engine(c));
            assertEquals("true", Db.one(c, "SHOW " + ORC));
            assertEquals("", Db.one(c, "SHOW " + ROUTING));
            SQLException e =
                    Db.fails("22023", c, "SELECT set_config('" + ORC + "', 'maybe', false)");
            assertEquals("ERROR: " + Settings.REQUIRES_BOOLEAN, e.getMessage());
        }
    }

    @Test
    void boundSetConfig() throws Exception {
        try (Connection c = connect(SIM.sim().user(), Db.EXTENDED);
             PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, false)")) {
            ps.setString(1, ROUTING);
            ps.setString(2, "odps:common_table");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            assertEquals(Engine.COMMON_TABLE, engine(c));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void transactions(String mode) throws Exception {
        try (Connection c = connect(SIM.sim().user(), mode)) {
            c.setAutoCommit(false);
            // Under HQE the read fails and aborts the transaction: each such check is followed by a
            // rollback.
            Db.exec(c, "SET LOCAL " + ORC + " = false");
            assertEquals(Engine.SQE, engine(c));
            c.commit();
            assertEquals(Engine.HQE, engine(c), "SET LOCAL ends with the transaction");
            c.rollback();
            Db.exec(c, "SELECT set_config('" + ORC + "', 'false', true)");
            assertEquals(Engine.SQE, engine(c));
            c.commit();
            assertEquals(Engine.HQE, engine(c), "set_config(..., true) is local");
            c.rollback();
            Db.exec(c, "SET " + ORC + " = false");
            c.rollback();
            assertEquals(Engine.HQE, engine(c), "ROLLBACK undoes SET");
            c.rollback();
            Db.exec(c, "SET " + ORC + " = false");
            Db.exec(c, "SAVEPOINT s");
            Db.exec(c, "SET " + ROUTING + " = 'odps:common_table'");
            assertEquals(Engine.COMMON_TABLE, engine(c));
            Db.exec(c, "ROLLBACK TO SAVEPOINT s");
            assertEquals(Engine.SQE, engine(c), "ROLLBACK TO SAVEPOINT undoes the SET after it");
            c.commit();
            assertEquals(Engine.SQE, engine(c), "COMMIT keeps SET");
            Db.exec(c, "SET " + ORC + " = true");
            assertEquals(Engine.HQE, engine(c));
            c.rollback();
            assertEquals(Engine.SQE, engine(c), "the failed transaction's SET is rolled back");
            c.commit();
        }
    }

    @Test
    void levelsTakeEffectOnNewSessionsWithPostgresPrecedence() throws Exception {
        HoloSimulator sim = SIM.sim();
        String su = sim.user();
        try (Connection admin = connect(su, Db.EXTENDED)) {
            try {
                Db.exec(admin, "ALTER ROLE ALL SET " + ORC + " = false");
                assertEquals(Engine.HQE, engine(admin), "not the session that ran it");
                try (Connection c = connect(ROLE, Db.EXTENDED)) {
                    assertEquals(Engine.SQE, engine(c), "ALTER ROLE ALL");
                }
                Db.exec(admin, "ALTER DATABASE " + DB + " SET " + ORC + " = true");
                try (Connection c = connect(ROLE, Db.SIMPLE)) {
                    assertEquals(Engine.HQE, engine(c), "database beats ALTER ROLE ALL");
                }
                Db.exec(admin, "ALTER ROLE " + ROLE + " SET " + ORC + " = false");
                try (Connection c = connect(ROLE, Db.EXTENDED);
                        Connection other = connect(su, Db.EXTENDED)) {
                    assertEquals(Engine.SQE, engine(c), "role beats database");
                    assertEquals(Engine.HQE, engine(other), "only that role");
                }
                Db.exec(
                        admin,
                        "ALTER ROLE " + ROLE + " IN DATABASE " + DB + " SET " + ORC + " = true");
                try (Connection c = connect(ROLE, Db.EXTENDED)) {
                    assertEquals(Engine.HQE, engine(c), "role in database beats role");
                    Db.exec(c, "SET " + ORC + " = false");
                    assertEquals(Engine.SQE, engine(c), "session beats every level");
                    Db.exec(c, "RESET " + ORC);
                    assertEquals(
                            Engine.HQE, engine(c), "RESET goes back to the role-in-database value");
                }
                try (Connection c =
                        Db.connect(
                                sim,
                                DB,
                                Db.EXTENDED,
                                "user",
                                ROLE,
                                "options",
                                "-c " + ORC + "=off")) {
                    assertEquals(Engine.SQE, engine(c), "startup options beat the stored levels");
                }
                List<String> stored =
                        Db.rows(
                                admin,
                                "SELECT coalesce(r.rolname, '-') || '@' || coalesce(d.datname, '-')"
                                    + " || ' ' || array_to_string(s.setconfig, ',') FROM"
                                    + " pg_db_role_setting s LEFT JOIN pg_roles r ON r.oid ="
                                    + " s.setrole LEFT JOIN pg_database d ON d.oid = s.setdatabase"
                                    + " WHERE array_to_string(s.setconfig, ',') LIKE '%odps_orc%'"
                                    + " ORDER BY 1");
                assertEquals(
                        java.util.Arrays.asList(
                                "-@- " + ORC + "=false",
                                "-@" + DB + " " + ORC + "=true",
                                ROLE + "@- " + ORC + "=false",
                                ROLE + "@" + DB + " " + ORC + "=true"),
                        stored);
            } finally {
                Db.exec(admin, "ALTER ROLE ALL RESET " + ORC);
                Db.exec(admin, "ALTER DATABASE " + DB + " RESET " + ORC);
                Db.exec(admin, "ALTER ROLE " + ROLE + " RESET " + ORC);
                Db.exec(admin, "ALTER ROLE " + ROLE + " IN DATABASE " + DB + " RESET " + ORC);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void pgSettingsListsTheSettingsOfTheVersion(String mode) throws Exception {
        try (Connection c = connect(SIM.sim().user(), mode)) {
            String sql = "SELECT name, setting, vartype, source, boot_val FROM pg_settings"
                    + " WHERE name LIKE 'hg_experimental%' ORDER BY name";
            assertEquals(
                    java.util.Arrays.asList(
                            ORC + "|true|bool|default|true", ROUTING + "||string|default|"),
                    Db.rows(c, sql));
            Db.exec(c, "UPDATE pg_settings SET setting = 'false' WHERE name = '" + ORC + "'");
            assertEquals(
                    "false|session",
                    Db.rows(c, "SELECT setting, source FROM pg_settings WHERE name = '" + ORC + "'")
                            .get(0));
            assertEquals(Engine.SQE, engine(c));
            assertTrue(
                    Db.rows(c, "SELECT name FROM pg_settings").size() > 300,
                    "PostgreSQL's own settings stay");
        }
    }

    @Test
    void readsNeedTheSelectPrivilegeOnTheForeignTable() throws Exception {
        try (Connection admin = connect(SIM.sim().user(), Db.EXTENDED)) {
            Db.exec(admin, "REVOKE SELECT ON byok FROM " + ROLE);
            try (Connection c = connect(ROLE, Db.EXTENDED)) {
                SQLException e = Db.fails("42501", c, "SELECT id FROM byok");
                assertEquals("ERROR: permission denied for foreign table byok", e.getMessage());
            } finally {
                Db.exec(admin, "GRANT SELECT ON byok TO " + ROLE);
            }
        }
    }
}
