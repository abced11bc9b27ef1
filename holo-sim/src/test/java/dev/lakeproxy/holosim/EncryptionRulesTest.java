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
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's read rules for each version band, encryption kind and engine, in both query protocols,
 * with the engine visible in the query log.
 */
class EncryptionRulesTest {
    static final String ROUTING = SettingsTest.ROUTING;
    static final String ORC = SettingsTest.ORC;
    static final String PANGU = "Failed to execute pangu open normal file pangu://";

    @RegisterExtension
    static final HoloSimExtension V32 = HoloSimExtension.version("3.2.5").shared();
    @RegisterExtension
    static final HoloSimExtension V31 = HoloSimExtension.version("3.1.10").shared();

    private static final Map<String, HoloSimulator> OWN = new HashMap<>();

    @AfterAll
    static void stop() {
        OWN.values().forEach(HoloSimulator::close);
        OWN.clear();
    }

    static Stream<Arguments> bands() {
        return Stream.of(
                // version, backend configuration, BYOK readable through SQE, Common Table available
                arguments("1.0.5", false, false, false),
                arguments("1.0.5", true, false, false), // below V1.1: always fails
                arguments("1.1.5", false, false, false),
                arguments(
                        "1.1.5", true, true,
                        false), // V1.1 to V1.3.30: only with backend configuration
                arguments("1.3.30", false, false, false),
                arguments("1.3.30", true, true, false),
                arguments(
                        "1.3.31", false, true, false), // V1.3.31+: no backend configuration needed
                arguments("2.2.1", false, true, false),
                arguments("3.1.10", false, true, false),
                arguments("3.2.5", false, true, true)); // V3.2+: Common Table reads every kind
    }

    private static HoloSimulator sim(String version, boolean backend) {
        HoloSimulator sim;
        if (version.equals("3.2.5")) {
            sim = V32.sim();
        } else if (version.equals("3.1.10")) {
            sim = V31.sim();
        } else {
            sim = OWN.computeIfAbsent(version, v -> HoloSimulator.builder().version(v).start());
        }
        if (sim.backendConfiguration() != backend) {
            sim.backendConfiguration(backend);
        }
        sim.createDatabase("enc_db");
        seed(sim);
        return sim;
    }

    private static void seed(HoloSimulator sim) {
        MaxComputeStore mc = sim.maxcompute();
        if (mc.projects().contains("enc_none")) {
            return;
        }
        mc.project("enc_none").table("t", "id bigint, v text").insert(1, "plain");
        mc.project("enc_byok")
                .encryption(Encryption.BYOK, "cmk-123")
                .table("t", "id bigint, v text")
                .insert(2, "byok");
        mc.project("enc_default")
                .encryption(Encryption.DEFAULT_KEY)
                .table("t", "id bigint, v text")
                .insert(3, "dk");
        try (Connection c = Db.connect(sim, "enc_db", Db.EXTENDED)) {
            Db.exec(c, "CREATE SCHEMA IF NOT EXISTS none_s; CREATE SCHEMA IF NOT EXISTS byok_s;"
                    + " CREATE SCHEMA IF NOT EXISTS dk_s");
            Db.exec(c, "IMPORT FOREIGN SCHEMA enc_none FROM SERVER odps_server INTO none_s");
            Db.exec(c, "IMPORT FOREIGN SCHEMA enc_byok FROM SERVER odps_server INTO byok_s");
            Db.exec(c, "IMPORT FOREIGN SCHEMA enc_default FROM SERVER odps_server INTO dk_s");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    enum Mode { HQE, SQE, COMMON_TABLE }

    @ParameterizedTest(name = "V{0} backend configuration={1}")
    @MethodSource("bands")
    void readRules(String version, boolean backend, boolean byokViaSqe, boolean commonTable)
            throws Exception {
        HoloSimulator sim = sim(version, backend);
        for (String protocol : Arrays.asList(Db.EXTENDED, Db.SIMPLE)) {
            for (Mode mode : Mode.values()) {
                try (Connection c = Db.connect(sim, "enc_db", protocol)) {
                    if (mode == Mode.SQE) {
                        Db.exec(c, "SET " + ORC + " = false");
                    }
                    if (mode == Mode.COMMON_TABLE) {
                        if (!commonTable) {
                            Db.fails(
                                    "42704",
                                    c,
                                    "SET " + ROUTING + " = 'odps:common_table,dlf:hqe'");
                            continue;
                        }
                        Db.exec(c, "SET " + ROUTING + " = 'odps:common_table,dlf:hqe'");
                    }
                    Engine engine = Engine.valueOf(mode.name());
                    expectRead(sim, c, "none_s", "1|plain", true, engine);
                    expectRead(
                            sim,
                            c,
                            "byok_s",
                            "2|byok",
                            mode == Mode.COMMON_TABLE || (mode == Mode.SQE && byokViaSqe),
                            engine);
                    expectRead(sim, c, "dk_s", "3|dk", mode == Mode.COMMON_TABLE, engine);
                }
            }
        }
    }

    /** Database and instance level, the reconnect rule and ROLLBACK, in every band. */
    @ParameterizedTest(name = "V{0} backend configuration={1}")
    @MethodSource("bands")
    void settingLevelsDecideTheEngine(
            String version, boolean backend, boolean byokViaSqe, boolean commonTable)
            throws Exception {
        HoloSimulator sim = sim(version, backend);
        try (Connection c = Db.connect(sim, "enc_db", Db.EXTENDED)) {
            // ROLLBACK undoes a session SET: back to HQE.
            c.setAutoCommit(false);
            Db.exec(c, "SET " + ORC + " = false");
            expectRead(sim, c, "byok_s", "2|byok", byokViaSqe, Engine.SQE);
            c.rollback();
            expectRead(sim, c, "none_s", "1|plain", true, Engine.HQE);
            c.rollback();
            c.setAutoCommit(true);
            // Database level: only new connections.
            Db.exec(c, "ALTER DATABASE enc_db SET " + ORC + " = false");
            try {
                expectRead(sim, c, "none_s", "1|plain", true, Engine.HQE);
                try (Connection again = Db.connect(sim, "enc_db", Db.SIMPLE)) {
                    expectRead(sim, again, "byok_s", "2|byok", byokViaSqe, Engine.SQE);
                }
            } finally {
                Db.exec(c, "ALTER DATABASE enc_db RESET " + ORC);
            }
            // Instance level.
            if (commonTable) {
                Db.exec(c, "ALTER ROLE ALL SET " + ROUTING + " = 'odps:common_table,dlf:hqe'");
                try {
                    expectRead(sim, c, "dk_s", "3|dk", false, Engine.HQE);
                    try (Connection again = Db.connect(sim, "enc_db", Db.EXTENDED)) {
                        expectRead(sim, again, "dk_s", "3|dk", true, Engine.COMMON_TABLE);
                    }
                } finally {
                    Db.exec(c, "ALTER ROLE ALL RESET " + ROUTING);
                }
            } else {
                Db.fails(
                        "42704",
                        c,
                        "ALTER ROLE ALL SET " + ROUTING + " = 'odps:common_table,dlf:hqe'");
                Db.exec(c, "ALTER ROLE ALL SET " + ORC + " = false");
                try {
                    try (Connection again = Db.connect(sim, "enc_db", Db.EXTENDED)) {
                        expectRead(sim, again, "byok_s", "2|byok", byokViaSqe, Engine.SQE);
                    }
                } finally {
                    Db.exec(c, "ALTER ROLE ALL RESET " + ORC);
                }
            }
        }
    }

    private static void expectRead(
            HoloSimulator sim,
            Connection c,
            String schema,
            String row,
            boolean readable,
            Engine engine)
            throws SQLException {
        String sql = "SELECT id, v FROM " + schema + ".t";
        sim.clearQueryLog();
        if (readable) {
            assertEquals(Arrays.asList(row), Db.rows(c, sql), sql);
        } else {
            SQLException e = Db.fails("XX000", c, sql);
            assertTrue(e.getMessage().contains(PANGU), e.getMessage());
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "ERROR: status { code: SERVER_INTERNAL_ERROR message:"
                                        + " \"hos_exception: IO error: "
                                            + PANGU),
                    e.getMessage());
            assertFalse(
                    e.getMessage().contains("hg_sim"),
                    "no simulator internals in the error: " + e.getMessage());
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "errorcode: 9, errorcode_description: invalid argument,"
                                            + " err_msg: PanguParameterInvalidException"),
                    e.getMessage());
        }
        List<QueryLogEntry> log = sim.queryLog();
        assertEquals(1, log.size(), log::toString);
        assertEquals(engine, log.get(0).engine(), sql);
        assertEquals(readable, log.get(0).success(), sql);
        assertEquals(sql, log.get(0).query());
    }

    /**
     * The seed's legacy procedure: ALTER DATABASE ... = false takes effect only on a new
     * connection.
     */
    @Test
    void alterDatabaseSwitchesToSqeOnTheNextConnection() throws Exception {
        HoloSimulator sim = sim("1.3.31", false);
        try (Connection c = Db.connect(sim, "enc_db", Db.EXTENDED)) {
            Db.exec(c, "ALTER DATABASE enc_db SET " + ORC + " = false");
            try {
                Db.fails("XX000", c, "SELECT * FROM byok_s.t");
                assertEquals(Engine.HQE, sim.lastEngine());
                try (Connection again = Db.connect(sim, "enc_db", Db.EXTENDED)) {
                    assertEquals("false", Db.one(again, "SHOW " + ORC));
                    assertEquals("byok", Db.one(again, "SELECT v FROM byok_s.t"));
                    assertEquals(Engine.SQE, sim.lastEngine());
                }
            } finally {
                Db.exec(c, "ALTER DATABASE enc_db RESET " + ORC);
            }
        }
    }

    /**
     * Instance level (ALTER ROLE ALL) Common Table on V3.2 reads default-key data from the next
     * connection on.
     */
    @Test
    void alterRoleAllEnablesCommonTableOnTheNextConnection() throws Exception {
        HoloSimulator sim = sim("3.2.5", false);
        try (Connection c = Db.connect(sim, "enc_db", Db.SIMPLE)) {
            Db.exec(c, "ALTER ROLE ALL SET " + ROUTING + " = 'odps:common_table,dlf:hqe'");
            try {
                Db.fails("XX000", c, "SELECT * FROM dk_s.t");
                try (Connection again = Db.connect(sim, "enc_db", Db.EXTENDED)) {
                    assertEquals("dk", Db.one(again, "SELECT v FROM dk_s.t"));
                    assertEquals(Engine.COMMON_TABLE, sim.lastEngine());
                    Db.exec(again, "SET " + ROUTING + " = 'dlf:hqe'");
                    Db.fails("XX000", again, "SELECT * FROM dk_s.t");
                    assertEquals(Engine.HQE, sim.lastEngine());
                }
            } finally {
                Db.exec(c, "ALTER ROLE ALL RESET " + ROUTING);
            }
        }
    }

    /**
     * The pangu error aborts the transaction like any ERROR; the query log keeps the failed read
     * after ROLLBACK.
     */
    @Test
    void failedReadAbortsTheTransactionAndTheLogSurvivesRollback() throws Exception {
        HoloSimulator sim = sim("3.2.5", false);
        sim.clearQueryLog();
        try (Connection c = Db.connect(sim, "enc_db", Db.EXTENDED)) {
            c.setAutoCommit(false);
            assertEquals("plain", Db.one(c, "SELECT v FROM none_s.t"));
            Db.fails("XX000", c, "SELECT v FROM byok_s.t");
            Db.fails("25P02", c, "SELECT v FROM none_s.t");
            c.rollback();
            Db.exec(c, "SET " + ROUTING + " = 'odps:common_table'");
            assertEquals("byok", Db.one(c, "SELECT v FROM byok_s.t"));
            c.rollback();
            List<QueryLogEntry> log = sim.queryLog();
            assertEquals(3, log.size(), log::toString);
            assertEquals(Arrays.asList(Engine.HQE, Engine.HQE, Engine.COMMON_TABLE),
                    Arrays.asList(log.get(0).engine(), log.get(1).engine(), log.get(2).engine()));
            assertFalse(log.get(1).success());
            assertEquals(Encryption.BYOK, log.get(1).encryption());
            assertEquals("enc_byok", log.get(1).project());
            assertEquals("t", log.get(1).table());
            assertEquals("enc_db", log.get(1).database());
            c.setAutoCommit(true);
            List<String> sqlLog =
                    Db.rows(
                            c,
                            "SELECT engine_type, status, query FROM hologres.hg_query_log"
                                    + " ORDER BY query_id DESC LIMIT 3");
            java.util.Collections.reverse(sqlLog);
            assertEquals(
                    Arrays.asList(
                            "{HQE}|SUCCESS|SELECT v FROM none_s.t",
                            "{HQE}|FAILED|SELECT v FROM byok_s.t",
                            "{COMMON_TABLE}|SUCCESS|SELECT v FROM byok_s.t"),
                    sqlLog);
        }
    }

}
