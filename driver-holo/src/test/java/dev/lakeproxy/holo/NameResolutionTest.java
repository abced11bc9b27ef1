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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.holosim.Encryption;
import dev.lakeproxy.holosim.Engine;
import dev.lakeproxy.holosim.HoloSimExtension;
import dev.lakeproxy.holosim.HoloSimulator;
import dev.lakeproxy.holosim.QueryLogEntry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V2.x: what a statement reads is resolved by the server's catalog: views (also over views), quoted
 * mixed-case names, search_path (SET and startup options), every statement of a multi-statement
 * string. Each case is run with raw pgjdbc first: raw fails with the pangu error (HQE), lakeproxy
 * reads on SQE the first time.
 */
class NameResolutionTest {

    @RegisterExtension
    static final HoloSimExtension SIM =
            HoloSimExtension.version("2.2.15").seed(NameResolutionTest::seed);

    /** Foreign tables of a plain and a BYOK project, in schemas and behind views. */
    private static void seed(HoloSimulator sim) throws SQLException {
        sim.maxcompute().project("r_plain").table("t", "id bigint").insert(1);
        sim.maxcompute()
                .project("r_byok")
                .encryption(Encryption.BYOK, "k")
                .table("t", "id bigint")
                .insert(2);
        try (Connection c = HoloScenarios.raw(sim); Statement s = c.createStatement()) {
            s.execute(
                    "CREATE SCHEMA \"Mc\"; CREATE SCHEMA hidden; CREATE TABLE sink (id bigint);"
                        + " CREATE FOREIGN TABLE enc (id bigint) SERVER odps_server OPTIONS"
                        + " (project_name 'r_byok', table_name 't'); CREATE FOREIGN TABLE"
                        + " \"Mc\".\"Ft_Quoted\" (id bigint) SERVER odps_server OPTIONS"
                        + " (project_name 'r_byok', table_name 't'); CREATE FOREIGN TABLE"
                        + " hidden.secret (id bigint) SERVER odps_server OPTIONS (project_name"
                        + " 'r_byok', table_name 't'); CREATE FOREIGN TABLE plain (id bigint)"
                        + " SERVER odps_server OPTIONS (project_name 'r_plain', table_name 't')");
            s.execute("CREATE VIEW v_enc AS SELECT id FROM enc"
                    + "; CREATE VIEW v_over AS SELECT v.id FROM v_enc v JOIN plain p ON p.id < v.id"
                    + "; CREATE VIEW v_plain AS SELECT id FROM plain");
        }
    }

    @BeforeEach
    void fresh() {
        HoloInstance.forgetAll();
        SIM.sim().clearQueryLog();
    }

    private static Connection lake(String... more) throws SQLException {
        String[] options = new String[more.length + 1];
        options[0] = "lakeproxy.holo.encryptedProjects=r_byok";
        System.arraycopy(more, 0, options, 1, more.length);
        return HoloScenarios.lake(SIM.sim(), options);
    }

    private static long retries(Connection c) throws SQLException {
        return c.unwrap(LakeproxyConnection.class).metrics().retries.sum();
    }

    private static void rawFails(String sql, String... setup) throws SQLException {
        try (Connection raw = HoloScenarios.raw(SIM.sim()); Statement s = raw.createStatement()) {
            for (String st : setup) {
                s.execute(st);
            }
            assertEquals(
                    "XX000",
                    assertThrows(SQLException.class, () -> s.execute(sql), sql).getSQLState(),
                    sql);
        }
        SIM.sim().clearQueryLog();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT id FROM v_enc",
                "SELECT id FROM v_over",
                "SELECT id FROM \"Mc\".\"Ft_Quoted\"",
                "SELECT 1; SELECT id FROM enc",
                "WITH w AS (SELECT id FROM v_enc) SELECT id FROM w"
            })
    void readsOnSqeTheFirstTimeInATransactionToo(String sql) throws SQLException {
        rawFails(sql);
        try (Connection c = lake(); Statement s = c.createStatement()) {
            long before = retries(c);
            c.setAutoCommit(false);
            s.execute(sql);
            c.commit();
            assertEquals(before, retries(c), "no failed attempt first");
            assertTrue(
                    SIM.sim().queryLog().stream()
                            .filter(e -> e.project().equals("r_byok"))
                            .allMatch(e -> e.engine() == Engine.SQE && e.success()),
                    sql + ": " + SIM.sim().queryLog());
            assertEquals("true", HoloScenarios.show(c, EngineMode.SETTING));
        }
    }

    @Test
    void aViewOverAnUnencryptedTableStaysOnTheSessionsEngine() throws SQLException {
        try (Connection c = lake()) {
            assertEquals(1, HoloScenarios.count(c, "v_plain"));
            assertEquals(Engine.HQE, SIM.sim().lastEngine());
        }
    }

    @Test
    void searchPathSetInTheSessionResolves() throws SQLException {
        rawFails("SELECT id FROM secret", "SET search_path = hidden, public");
        try (Connection c = lake(); Statement s = c.createStatement()) {
            long before = retries(c);
            s.execute("SET search_path = hidden, public");
            c.setAutoCommit(false);
            assertEquals(1, HoloScenarios.count(c, "secret"));
            c.commit();
            assertEquals(before, retries(c));
            assertEquals(Engine.SQE, SIM.sim().lastEngine());
        }
    }

    @Test
    void searchPathFromTheStartupOptionsResolves() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", SIM.sim().user());
        p.setProperty("password", SIM.sim().password());
        p.setProperty("options", "-c search_path=hidden,public");
        p.setProperty("lakeproxy.holo.encryptedProjects", "r_byok");
        try (Connection c =
                DriverManager.getConnection(
                        "jdbc:lakeproxy:" + SIM.sim().jdbcUrl().substring(5), p)) {
            c.setAutoCommit(false);
            assertEquals(1, HoloScenarios.count(c, "secret"));
            c.commit();
            assertEquals(Engine.SQE, SIM.sim().lastEngine());
        }
    }

    @Test
    void aMultiStatementStringWithAWriteIsNeverRetried() throws SQLException {
        String sql = "SELECT 1; INSERT INTO sink SELECT id FROM enc";
        rawFails(sql);
        try (Connection c = HoloScenarios.lake(SIM.sim());
                Statement s = c.createStatement()) { // nothing configured
            long before = retries(c);
            SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
            assertEquals("XX000", e.getSQLState());
            assertEquals(before, retries(c), "a write is never retried");
            assertEquals(0, HoloScenarios.count(c, "sink"));
            s.execute(sql); // learned: the next run is on SQE from the start
            assertEquals(1, HoloScenarios.count(c, "sink"));
        }
    }

    @Test
    void aViewCreatedThroughLakeproxyIsKnownAtOnce() throws SQLException {
        try (Connection c = lake(); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW v_new AS SELECT id FROM hidden.secret");
            c.setAutoCommit(false);
            assertEquals(1, HoloScenarios.count(c, "v_new"));
            c.commit();
            assertEquals(Engine.SQE, SIM.sim().lastEngine());
            s.execute("DROP VIEW v_new");
            c.commit();
        }
        assertTrue(SIM.sim().queryLog().stream().allMatch(QueryLogEntry::success));
    }
}
