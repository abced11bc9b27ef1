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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hg_ settings behave like PostgreSQL settings: session SET/SET SESSION/SET
 * LOCAL/RESET/SHOW/current_setting, ROLLBACK, ALTER DATABASE and ALTER ROLE ALL (next connection
 * only), startup options, bool validation, and the unknown-parameter error for a version without
 * the routing setting (V3.1).
 */
class SettingsTest {
    static final String ROUTING = "hg_experimental_external_catalog_routing";
    static final String ORC = "hg_experimental_enable_access_odps_orc_via_holo";
    static final String CT = "odps:common_table,dlf:hqe";

    @RegisterExtension
    static final HoloSimExtension V32 = HoloSimExtension.version("3.2.5").shared();
    @RegisterExtension
    static final HoloSimExtension V31 = HoloSimExtension.version("3.1.10").shared();

    @BeforeAll
    static void databases() {
        V32.sim().createDatabase("settings_db");
        V31.sim().createDatabase("settings_db");
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void defaults(String mode) throws Exception {
        try (Connection c = Db.connect(V32.sim(), mode)) {
            assertEquals("true", Db.one(c, "SHOW " + ORC));
            assertEquals("", Db.one(c, "SHOW " + ROUTING));
            assertEquals("true", Db.one(c, "SELECT current_setting('" + ORC + "')"));
            assertEquals("", Db.one(c, "SELECT current_setting('" + ROUTING + "')"));
            try (ResultSet rs = c.createStatement().executeQuery("SHOW " + ROUTING)) {
                assertEquals(
                        ROUTING,
                        rs.getMetaData().getColumnName(1),
                        "SHOW's column is named after the setting");
            }
        }
        try (Connection c = Db.connect(V31.sim(), mode)) {
            assertEquals("true", Db.one(c, "SHOW " + ORC));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void sessionSetShowReset(String mode) throws Exception {
        try (Connection c = Db.connect(V32.sim(), mode)) {
            Db.exec(c, "SET " + ROUTING + " = '" + CT + "'");
            assertEquals(CT, Db.one(c, "SHOW " + ROUTING));
            assertEquals(CT, Db.one(c, "SELECT current_setting('" + ROUTING + "')"));
            Db.exec(c, "SET SESSION " + ORC + " TO false");
            assertEquals("false", Db.one(c, "SHOW " + ORC));
            Db.exec(c, "SET " + ORC.toUpperCase() + " = off");
            assertEquals("off", Db.one(c, "SELECT current_setting('" + ORC + "')"));
            try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?)")) {
                ps.setString(1, ROUTING);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(CT, rs.getString(1));
                }
            }
            Db.exec(c, "SELECT set_config('" + ORC + "', 'on', false)");
            assertEquals("on", Db.one(c, "SHOW " + ORC));
            Db.exec(c, "RESET " + ROUTING);
            Db.exec(c, "RESET " + ORC);
            assertEquals("", Db.one(c, "SHOW " + ROUTING));
            assertEquals("true", Db.one(c, "SHOW " + ORC));
            Db.exec(c, "SET " + ORC + " = false; RESET ALL");
            assertEquals("true", Db.one(c, "SHOW " + ORC));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void rollbackAndSetLocal(String mode) throws Exception {
        try (Connection c = Db.connect(V32.sim(), mode)) {
            c.setAutoCommit(false);
            Db.exec(c, "SET " + ROUTING + " = '" + CT + "'");
            assertEquals(CT, Db.one(c, "SHOW " + ROUTING));
            c.rollback();
            assertEquals("", Db.one(c, "SHOW " + ROUTING), "ROLLBACK undoes SET");
            Db.exec(c, "SET " + ORC + " = false");
            c.commit();
            assertEquals("false", Db.one(c, "SHOW " + ORC), "COMMIT keeps SET");
            Db.exec(c, "SET LOCAL " + ROUTING + " = '" + CT + "'");
            assertEquals(CT, Db.one(c, "SHOW " + ROUTING));
            c.commit();
            assertEquals("", Db.one(c, "SHOW " + ROUTING), "SET LOCAL ends with the transaction");
            // A failed statement aborts the transaction; ROLLBACK also undoes the SET before it.
            Db.exec(c, "SET " + ORC + " = true");
            Db.fails("22023", c, "SET " + ORC + " = 'banana'");
            Db.fails("25P02", c, "SHOW " + ORC);
            c.rollback();
            assertEquals("false", Db.one(c, "SHOW " + ORC));
        }
    }

    @Test
    void alterDatabaseTakesEffectOnTheNextConnection() throws Exception {
        HoloSimulator sim = V32.sim();
        try (Connection c = Db.connect(sim, "settings_db", Db.EXTENDED)) {
            Db.exec(c, "ALTER DATABASE settings_db SET " + ORC + " = false");
            assertEquals(
                    "true",
                    Db.one(c, "SHOW " + ORC),
                    "not in the connection that ran ALTER DATABASE");
            try (Connection again = Db.connect(sim, "settings_db", Db.SIMPLE)) {
                assertEquals("false", Db.one(again, "SHOW " + ORC), "a new connection has it");
                assertEquals(
                        Collections.singletonList("{" + ORC + "=false}"),
                        Db.rows(
                                again,
                                "SELECT setconfig FROM pg_db_role_setting s JOIN pg_database d ON"
                                    + " d.oid = s.setdatabase WHERE d.datname = 'settings_db' AND"
                                    + " s.setrole = 0"));
            }
            try (Connection other = Db.connect(sim, "postgres", Db.EXTENDED)) {
                assertEquals(
                        "true", Db.one(other, "SHOW " + ORC), "other databases keep the default");
            }
            Db.exec(c, "ALTER DATABASE settings_db RESET " + ORC);
        }
        try (Connection c = Db.connect(sim, "settings_db", Db.EXTENDED)) {
            assertEquals("true", Db.one(c, "SHOW " + ORC));
        }
    }

    @Test
    void alterRoleAllTakesEffectOnTheNextConnectionAndDatabaseLevelWins() throws Exception {
        HoloSimulator sim = V32.sim();
        try (Connection c = Db.connect(sim, Db.EXTENDED)) {
            try {
                Db.exec(c, "ALTER ROLE ALL SET " + ROUTING + " = '" + CT + "'");
                assertEquals("", Db.one(c, "SHOW " + ROUTING), "not in the current connection");
                try (Connection again = Db.connect(sim, Db.EXTENDED)) {
                    assertEquals(CT, Db.one(again, "SHOW " + ROUTING));
                }
                Db.exec(c, "ALTER DATABASE settings_db SET " + ROUTING + " = 'odps:hqe'");
                try (Connection db = Db.connect(sim, "settings_db", Db.SIMPLE)) {
                    assertEquals(
                            "odps:hqe",
                            Db.one(db, "SHOW " + ROUTING),
                            "database level beats ALTER ROLE ALL");
                    Db.exec(db, "SET " + ROUTING + " = 'x'");
                    assertEquals("x", Db.one(db, "SHOW " + ROUTING), "session level beats both");
                }
            } finally {
                Db.exec(c, "ALTER ROLE ALL RESET " + ROUTING);
                Db.exec(c, "ALTER DATABASE settings_db RESET " + ROUTING);
            }
            try (Connection again = Db.connect(sim, Db.EXTENDED)) {
                assertEquals("", Db.one(again, "SHOW " + ROUTING));
            }
        }
    }

    @Test
    void startupOptions() throws Exception {
        try (Connection c = Db.connect(V32.sim(), "postgres", Db.EXTENDED,
                "options", "-c " + ROUTING + "=" + CT + " -c " + ORC + "=false")) {
            assertEquals(CT, Db.one(c, "SHOW " + ROUTING));
            assertEquals("false", Db.one(c, "SHOW " + ORC));
        }
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () ->
                                Db.connect(
                                        V32.sim(),
                                        "postgres",
                                        Db.EXTENDED,
                                        "options",
                                        "-c " + ORC + "=banana"));
        assertEquals("22023", e.getSQLState());
        assertTrue(
                e.getMessage().contains("parameter \"" + ORC + "\" requires a Boolean value"),
                e.getMessage());
        SQLException unknown =
                assertThrows(
                        SQLException.class,
                        () ->
                                Db.connect(
                                        V31.sim(),
                                        "postgres",
                                        Db.EXTENDED,
                                        "options",
                                        "-c " + ROUTING + "=" + CT));
        assertEquals("42704", unknown.getSQLState());
        assertTrue(
                unknown.getMessage()
                        .contains("unrecognized configuration parameter \"" + ROUTING + "\""),
                unknown.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void booleanValidation(String mode) throws Exception {
        try (Connection c = Db.connect(V32.sim(), mode)) {
            SQLException e = Db.fails("22023", c, "SET " + ORC + " = 'banana'");
            assertTrue(
                    e.getMessage().contains("parameter \"" + ORC + "\" requires a Boolean value"),
                    e.getMessage());
            Db.fails("22023", c, "ALTER DATABASE settings_db SET " + ORC + " TO maybe");
            for (String ok : new String[] {"on", "OFF", "'true'", "0", "yes", "f", "DEFAULT"}) {
                Db.exec(c, "SET " + ORC + " = " + ok);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void routingIsUnknownBeforeV32(String mode) throws Exception {
        try (Connection c = Db.connect(V31.sim(), "settings_db", mode)) {
            String message = "unrecognized configuration parameter \"" + ROUTING + "\"";
            String[] statements = {
                "SET " + ROUTING + " = '" + CT + "'",
                "SET SESSION " + ROUTING + " = '" + CT + "'",
                "SHOW " + ROUTING,
                "RESET " + ROUTING,
                "SELECT current_setting('" + ROUTING + "')",
                "ALTER DATABASE settings_db SET " + ROUTING + " = '" + CT + "'",
                "ALTER ROLE ALL SET " + ROUTING + " = '" + CT + "'"
            };
            for (String sql : statements) {
                SQLException e = Db.fails("42704", c, sql);
                assertTrue(e.getMessage().contains(message), e.getMessage());
            }
            // The other setting exists in every version.
            Db.exec(c, "SET " + ORC + " = false");
            assertEquals("false", Db.one(c, "SHOW " + ORC));
            c.setAutoCommit(false);
            Db.fails("42704", c, "SET " + ROUTING + " = 'x'");
            Db.fails("25P02", c, "SELECT 1");
            c.rollback();
        }
    }
}
