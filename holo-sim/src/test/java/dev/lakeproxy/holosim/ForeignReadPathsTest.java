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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;

/**
 * Every way a statement can read a foreign table follows the engine rules: views and views over
 * views, quoted mixed-case names, schema-qualified names, each statement of a multi-statement
 * string, COPY (query) through pgjdbc's CopyManager, subqueries, CTEs and joins. {@code enc} is a
 * BYOK table: HQE (the default) fails with the pangu error, SQE reads it.
 */
class ForeignReadPathsTest {
    @RegisterExtension
    static final HoloSimExtension SIM = HoloSimExtension.version("3.2.5").shared();
    static final String DB = "paths_db";

    @BeforeAll
    static void tables() throws SQLException {
        HoloSimulator sim = SIM.sim();
        sim.createDatabase(DB);
        sim.maxcompute().project("paths_plain").table("t", "id bigint").insert(1);
        sim.maxcompute()
                .project("paths_byok")
                .encryption(Encryption.BYOK, "k")
                .table("t", "id bigint")
                .insert(2);
        try (Connection c = Db.connect(sim, DB, Db.EXTENDED)) {
            Db.exec(
                    c,
                    "CREATE SCHEMA \"Mc\"; CREATE FOREIGN TABLE enc (id bigint) SERVER odps_server"
                        + " OPTIONS (project_name 'paths_byok', table_name 't'); CREATE FOREIGN"
                        + " TABLE \"Mc\".\"Ft_Quoted\" (id bigint) SERVER odps_server OPTIONS"
                        + " (project_name 'paths_byok', table_name 't'); CREATE FOREIGN TABLE plain"
                        + " (id bigint) SERVER odps_server OPTIONS (project_name 'paths_plain',"
                        + " table_name 't'); CREATE VIEW v_enc AS SELECT id FROM enc; CREATE VIEW"
                        + " v_over AS SELECT v.id FROM v_enc v JOIN plain p ON p.id < v.id; CREATE"
                        + " VIEW v_quoted AS SELECT * FROM \"Mc\".\"Ft_Quoted\"");
        }
    }

    static final String[] READS = {
        "SELECT id FROM v_enc",
        "SELECT id FROM v_over",
        "SELECT * FROM (SELECT * FROM v_quoted) x",
        "SELECT id FROM \"Mc\".\"Ft_Quoted\"",
        "SELECT id FROM public.enc",
        "SELECT 1; SELECT id FROM enc",
        "SELECT id FROM plain WHERE id IN (SELECT id - 1 FROM enc)",
        "WITH w AS (SELECT id FROM enc) SELECT id FROM w",
        "SELECT e.id FROM plain p LEFT JOIN enc e ON e.id > p.id",
        "SELECT (SELECT max(id) FROM enc)",
    };

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void hqeFailsOnEveryPathWithThePanguError(String mode) throws Exception {
        HoloSimulator sim = SIM.sim();
        try (Connection c = Db.connect(sim, DB, mode)) {
            for (String sql : READS) {
                sim.clearQueryLog();
                SQLException e = Db.fails("XX000", c, sql);
                assertTrue(
                        e.getMessage()
                                .contains(
                                        "pangu://hologres-sim:10240/product/odps/paths_byok"
                                                + "/data/t/"),
                        sql + ": " + e.getMessage());
                List<QueryLogEntry> log = sim.queryLog();
                assertFalse(log.isEmpty(), sql);
                QueryLogEntry last = log.get(log.size() - 1);
                assertEquals(Engine.HQE, last.engine(), sql);
                assertEquals("paths_byok", last.project(), sql);
                assertFalse(last.success(), sql);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void sqeReadsOnEveryPath(String mode) throws Exception {
        HoloSimulator sim = SIM.sim();
        try (Connection c = Db.connect(sim, DB, mode)) {
            Db.exec(c, "SET " + SettingsTest.ORC + " = false");
            for (String sql : READS) {
                sim.clearQueryLog();
                Db.exec(c, sql);
                assertTrue(
                        sim.queryLog().stream()
                                .anyMatch(
                                        e ->
                                                e.engine() == Engine.SQE
                                                        && e.success()
                                                        && e.project().equals("paths_byok")),
                        sql + ": " + sim.queryLog());
            }
            assertEquals("2", Db.one(c, "SELECT id FROM v_over"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void copyOutThroughCopyManager(String mode) throws Exception {
        HoloSimulator sim = SIM.sim();
        try (Connection c = Db.connect(sim, DB, mode)) {
            StringWriter out = new StringWriter();
            SQLException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            SQLException.class,
                            () ->
                                    c.unwrap(PGConnection.class)
                                            .getCopyAPI()
                                            .copyOut("COPY (SELECT id FROM enc) TO STDOUT", out));
            assertEquals("XX000", e.getSQLState());
            assertEquals(Engine.HQE, sim.lastEngine());
            Db.exec(c, "SET " + SettingsTest.ORC + " = false");
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("COPY (SELECT id FROM v_over) TO STDOUT", out);
            assertEquals("2\n", out.toString());
            assertEquals(Engine.SQE, sim.lastEngine());
        }
    }

    @org.junit.jupiter.api.Test
    void tablesCreatedEarlierInTheSameQueryString() throws Exception {
        HoloSimulator sim = SIM.sim();
        try (Connection c = Db.connect(sim, DB, Db.SIMPLE)) {
            Db.exec(c, "SET " + SettingsTest.ORC + " = false");
            sim.clearQueryLog();
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA same_str; CREATE FOREIGN TABLE IF NOT EXISTS"
                        + " same_str.\"Same_Ft\" (id numeric(10,2) NOT NULL DEFAULT 0)"
                        + " SERVER odps_server OPTIONS (project_name 'paths_byok', table_name 't');"
                        + " SELECT id FROM same_str.\"Same_Ft\"");
                while (st.getResultSet() == null) {
                    assertTrue(st.getMoreResults() || st.getUpdateCount() != -1);
                }
                try (ResultSet rs = st.getResultSet()) {
                    assertTrue(rs.next());
                    assertEquals("2.00", rs.getString(1));
                }
            }
            assertEquals(Engine.SQE, sim.lastEngine());
            assertEquals(
                    "2.00",
                    Db.one(c, "SELECT id FROM same_str.\"Same_Ft\""),
                    "and afterwards, by oid");
            Db.exec(c, "RESET " + SettingsTest.ORC);
            Db.fails(
                    "XX000",
                    c,
                    "CREATE FOREIGN TABLE same_str.t2 (id bigint) SERVER odps_server OPTIONS"
                        + " (project_name 'paths_byok', table_name 't'); SELECT * FROM"
                        + " same_str.t2");
            Db.fails("42P01", c, "SELECT * FROM same_str.t2"); // the failed string created nothing
            Db.exec(c, "SET " + SettingsTest.ORC + " = false");
            Db.exec(c, "IMPORT FOREIGN SCHEMA paths_byok FROM SERVER odps_server INTO same_str;"
                    + " CREATE TEMP TABLE same_str_copy AS SELECT id FROM same_str.t");
            assertEquals("2", Db.one(c, "SELECT id FROM same_str_copy"));
            Db.exec(c, "DROP SCHEMA same_str CASCADE");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void functionsAndDoBlocks(String mode) throws Exception {
        HoloSimulator sim = SIM.sim();
        try (Connection c = Db.connect(sim, DB, mode)) {
            Db.exec(
                    c,
                    "CREATE OR REPLACE FUNCTION enc_count() RETURNS bigint LANGUAGE plpgsql AS"
                        + " $body$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM enc; RETURN"
                        + " n; END $body$");
            Db.exec(
                    c,
                    "CREATE OR REPLACE FUNCTION enc_ids() RETURNS SETOF bigint LANGUAGE sql AS $$"
                            + " SELECT id FROM public.enc $$");
            String[] routines = {
                "SELECT enc_count()", "SELECT * FROM enc_ids()",
                "DO $$BEGIN PERFORM * FROM enc; END$$"
            };
            for (String sql : routines) {
                Db.fails("XX000", c, sql);
                assertEquals(Engine.HQE, sim.lastEngine(), sql);
            }
            Db.exec(c, "SET " + SettingsTest.ORC + " = false");
            assertEquals("1", Db.one(c, "SELECT enc_count()"));
            assertEquals("2", Db.one(c, "SELECT * FROM enc_ids()"));
            Db.exec(c, "DO $$BEGIN PERFORM * FROM enc; END$$");
            assertEquals(Engine.SQE, sim.lastEngine());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void viewsDependOnTheirForeignTables(String mode) throws Exception {
        try (Connection c = Db.connect(SIM.sim(), DB, mode)) {
            SQLException e = Db.fails("2BP01", c, "DROP FOREIGN TABLE enc");
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "cannot drop foreign table enc because other objects depend on"
                                        + " it"),
                    e.getMessage());
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT id FROM \"Mc\".\"Ft_Quoted\" WHERE id = ?")) {
                Db.exec(c, "SET " + SettingsTest.ORC + " = false");
                ps.setLong(1, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                }
            }
        }
    }
}
