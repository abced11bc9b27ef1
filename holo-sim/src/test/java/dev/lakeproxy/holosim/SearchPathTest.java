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
import java.sql.SQLException;
import java.util.Collections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unqualified foreign-table names follow the session's real search_path, however it was set:
 * startup options, SET / SET LOCAL / set_config / RESET (with rollback), role- and database-level
 * settings. Schema sp_a has a plain table, sp_b an encrypted one of the same name, so the engine
 * rule shows which one was read.
 */
class SearchPathTest {
    @RegisterExtension
    static final HoloSimExtension SIM = HoloSimExtension.version("3.2.5").shared();
    static final String DB = "sp_db";

    @BeforeAll
    static void tables() throws SQLException {
        HoloSimulator sim = SIM.sim();
        sim.createDatabase(DB);
        sim.maxcompute().project("sp_plain").table("t", "id bigint").insert(1);
        sim.maxcompute()
                .project("sp_byok")
                .encryption(Encryption.BYOK, "k")
                .table("t", "id bigint")
                .insert(2);
        try (Connection c = Db.connect(sim, DB, Db.EXTENDED)) {
            Db.exec(c, "CREATE SCHEMA sp_a; CREATE SCHEMA sp_b; CREATE SCHEMA sp_only"
                    + "; CREATE FOREIGN TABLE sp_a.ft (id bigint) SERVER odps_server"
                    + " OPTIONS (project_name 'sp_plain', table_name 't')"
                    + "; CREATE FOREIGN TABLE sp_b.ft (id bigint) SERVER odps_server"
                    + " OPTIONS (project_name 'sp_byok', table_name 't')"
                    + "; CREATE FOREIGN TABLE sp_only.lonely (id bigint) SERVER odps_server"
                    + " OPTIONS (project_name 'sp_plain', table_name 't')");
        }
    }

    /**
     * Reads {@code ft}: "1" from sp_a; from sp_b the BYOK table fails under HQE (the default
     * engine).
     */
    private static String readFt(Connection c) throws SQLException {
        try {
            return Db.one(c, "SELECT id FROM ft");
        } catch (SQLException e) {
            assertTrue(e.getMessage().contains("pangu://"), e.getMessage());
            assertEquals("XX000", e.getSQLState());
            return "sp_b";
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void startupOptions(String mode) throws Exception {
        try (Connection c =
                Db.connect(SIM.sim(), DB, mode, "options", "-c search_path=sp_b,sp_a")) {
            assertEquals("sp_b", readFt(c));
            Db.fails("42P01", c, "SELECT id FROM lonely");
        }
        try (Connection c = Db.connect(SIM.sim(), DB, mode, "options", "-c search_path=sp_only")) {
            assertEquals("1", Db.one(c, "SELECT id FROM lonely"));
            Db.fails("42P01", c, "SELECT id FROM ft");
        }
        try (Connection c = Db.connect(SIM.sim(), DB, mode, "options", "-csearch_path=sp_a")) {
            assertEquals("1", readFt(c));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void setSetLocalSetConfigResetAndRollback(String mode) throws Exception {
        try (Connection c = Db.connect(SIM.sim(), DB, mode)) {
            Db.fails("42P01", c, "SELECT id FROM ft");
            Db.exec(c, "SET search_path TO sp_a, public");
            assertEquals("1", readFt(c));
            Db.exec(c, "SELECT set_config('search_path', 'sp_b', false)");
            assertEquals("sp_b", readFt(c));
            Db.exec(c, "SET SESSION search_path = sp_a");
            c.setAutoCommit(false);
            Db.exec(c, "SET LOCAL search_path = sp_b");
            assertEquals("sp_b", readFt(c));
            c.commit();
            assertEquals("1", readFt(c), "SET LOCAL ends with the transaction");
            Db.exec(c, "SELECT set_config('search_path', 'sp_b', true)");
            assertEquals("sp_b", readFt(c));
            c.rollback();
            Db.exec(c, "SET search_path = sp_b");
            assertEquals("sp_b", readFt(c));
            c.rollback();
            assertEquals("1", readFt(c), "ROLLBACK undoes SET");
            c.commit();
            Db.exec(c, "SET search_path = sp_b");
            Db.exec(c, "SAVEPOINT s");
            Db.fails("22012", c, "SELECT 1/0");
            Db.exec(c, "ROLLBACK TO SAVEPOINT s");
            c.commit();
            assertEquals(
                    "sp_b",
                    readFt(c),
                    "the SET before the savepoint survives ROLLBACK TO SAVEPOINT");
            c.rollback();
            Db.exec(c, "SET search_path = sp_a");
            c.commit();
            c.setAutoCommit(true);
            Db.exec(c, "RESET search_path");
            Db.fails("42P01", c, "SELECT id FROM ft");
            Db.exec(c, "SET search_path = sp_a");
        }
    }

    @Test
    void failedImplicitTransactionKeepsTheOldPath() throws Exception {
        try (Connection c = Db.connect(SIM.sim(), DB, Db.SIMPLE)) {
            Db.exec(c, "SET search_path = sp_a");
            Db.fails("22012", c, "SET search_path = sp_b; SELECT 1/0");
            assertEquals("sp_a", Db.one(c, "SHOW search_path"));
            assertEquals("1", readFt(c));
        }
    }

    @Test
    void roleAndDatabaseLevel() throws Exception {
        HoloSimulator sim = SIM.sim();
        try (Connection admin = Db.connect(sim, DB, Db.EXTENDED)) {
            try {
                Db.exec(admin, "ALTER DATABASE " + DB + " SET search_path = sp_only");
                try (Connection c = Db.connect(sim, DB, Db.EXTENDED)) {
                    assertEquals("1", Db.one(c, "SELECT id FROM lonely"));
                }
                Db.exec(
                        admin,
                        "ALTER ROLE "
                                + sim.user()
                                + " IN DATABASE "
                                + DB
                                + " SET search_path = sp_b");
                try (Connection c = Db.connect(sim, DB, Db.SIMPLE)) {
                    assertEquals("sp_b", Db.one(c, "SHOW search_path"));
                    assertEquals("sp_b", readFt(c));
                }
            } finally {
                Db.exec(
                        admin,
                        "ALTER ROLE " + sim.user() + " IN DATABASE " + DB + " RESET search_path");
                Db.exec(admin, "ALTER DATABASE " + DB + " RESET search_path");
            }
        }
    }

    @Test
    void theQueryLogNamesTheTableReallyRead() throws Exception {
        HoloSimulator sim = SIM.sim();
        try (Connection c = Db.connect(sim, DB, Db.EXTENDED, "options", "-c search_path=sp_a")) {
            Db.exec(c, "SET " + SettingsTest.ORC + " = false");
            sim.clearQueryLog();
            assertEquals("1", Db.one(c, "SELECT id FROM ft"));
            Db.exec(c, "SET search_path = sp_b");
            assertEquals("2", Db.one(c, "SELECT id FROM ft"));
            assertEquals(java.util.Arrays.asList("sp_plain", "sp_byok"), sim.queryLog().stream()
                    .map(QueryLogEntry::project).collect(java.util.stream.Collectors.toList()));
            assertEquals(Collections.nCopies(2, Engine.SQE), sim.queryLog().stream()
                    .map(QueryLogEntry::engine).collect(java.util.stream.Collectors.toList()));
        }
    }
}
