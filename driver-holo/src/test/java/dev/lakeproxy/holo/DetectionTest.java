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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.holosim.Engine;
import dev.lakeproxy.holosim.HoloSimExtension;
import dev.lakeproxy.holosim.HoloSimulator;
import dev.lakeproxy.holosim.SimStats;
import dev.lakeproxy.testing.EmbeddedPg;
import dev.lakeproxy.testing.LogCapture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V3.2+: detection once per instance, Common Table routing in every session, round trips counted.
 */
class DetectionTest {

    @RegisterExtension
    static final HoloSimExtension SIM =
            HoloSimExtension.version("3.2.5").seed(HoloScenarios::seed);
    private static final String ROUTING = HologresPlugin.ROUTING_SETTING;
    static final String STARTUP = "lakeproxy.holo.routingMechanism=startup";

    @BeforeEach
    void fresh() {
        HoloInstance.forgetAll();
        SIM.sim().resetStats();
        SIM.sim().clearQueryLog();
    }

    private static long lastConnectionRoundTrips() {
        List<SimStats.ConnectionStats> all = SIM.sim().stats().perConnection();
        return all.get(all.size() - 1).roundTrips();
    }

    @Test
    void oneExtraRoundTripPerNewPhysicalConnectionAndNoneAfterWithTheStartupMechanism()
            throws SQLException {
        try (Connection raw = HoloScenarios.raw(SIM.sim())) {
            HoloScenarios.count(raw, "internal_t");
        }
        long rawTrips = lastConnectionRoundTrips();
        for (int i = 0; i < 2; i++) {
            try (Connection c = HoloScenarios.lake(SIM.sim())) {
                HoloScenarios.count(c, "internal_t");
            }
            assertEquals(
                    rawTrips + 1,
                    lastConnectionRoundTrips(),
                    "session mechanism: the one query per connection");
        }
        try (Connection first = HoloScenarios.lake(SIM.sim(), STARTUP)) {
            HoloScenarios.count(first, "internal_t");
        }
        try (Connection second = HoloScenarios.lake(SIM.sim(), STARTUP)) {
            HoloScenarios.count(second, "internal_t");
            assertEquals(
                    HoloOptions.COMMON_TABLE_ROUTING,
                    HoloScenarios.show(second, ROUTING),
                    "from the startup options");
            assertTrue(
                    second.unwrap(LakeproxyConnection.class)
                            .connectActions()
                            .toString()
                            .contains("startup option -c " + ROUTING));
        }
        assertEquals(
                rawTrips + 1,
                lastConnectionRoundTrips(),
                "startup mechanism, cached facts: only the SHOW is extra");
    }

    @Test
    void aPoolOfTwentyAsksOnceAndEverySessionRoutesThroughCommonTable() throws Exception {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:lakeproxy:" + SIM.sim().jdbcUrl().substring(5));
        cfg.setUsername(SIM.sim().user());
        cfg.setPassword(SIM.sim().password());
        cfg.setMaximumPoolSize(20);
        cfg.setMinimumIdle(20);
        try (HikariDataSource pool = new HikariDataSource(cfg)) {
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                held.add(pool.getConnection());
            }
            for (Connection c : held) {
                assertEquals(HoloOptions.COMMON_TABLE_ROUTING, HoloScenarios.show(c, ROUTING));
                assertEquals(2, HoloScenarios.count(c, BYOK));
            }
            for (Connection c : held) {
                c.close();
            }
        }
        assertEquals(
                20,
                SIM.sim().stats().hgVersionCalls(),
                "20 physical connections, one query each, none per statement");
        assertTrue(
                SIM.sim().queryLog().stream()
                        .allMatch(e -> e.engine() == Engine.COMMON_TABLE && e.success()));
    }

    @Test
    void aRoutingTheDatabaseAlreadySetIsRespected() throws SQLException {
        SIM.sim().createDatabase("dba_routed");
        try (Connection raw =
                        DriverManager.getConnection(
                                SIM.sim().jdbcUrl("dba_routed"),
                                SIM.sim().user(),
                                SIM.sim().password());
                Statement s = raw.createStatement()) {
            s.execute("ALTER DATABASE dba_routed SET " + ROUTING + " = 'odps:hqe,dlf:hqe'");
        }
        String url = "jdbc:lakeproxy:" + SIM.sim().jdbcUrl("dba_routed").substring(5);
        for (int i = 0; i < 2; i++) { // detection, then the cached decision
            try (Connection c =
                    DriverManager.getConnection(url, SIM.sim().user(), SIM.sim().password())) {
                assertEquals("odps:hqe,dlf:hqe", HoloScenarios.show(c, ROUTING));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALTER DATABASE dba_later SET ", "ALTER ROLE ALL SET "})
    void aDbaChangeMadeAfterTheFirstConnectionCountsFromTheNextConnection(String alter)
            throws SQLException {
        String db = alter.startsWith("ALTER ROLE") ? HoloSimulator.DEFAULT_DATABASE : "dba_later";
        if (!alter.startsWith("ALTER ROLE")) {
            SIM.sim().createDatabase(db);
            try (Connection raw =
                            DriverManager.getConnection(
                                    SIM.sim().jdbcUrl(db), SIM.sim().user(), SIM.sim().password());
                    Statement s = raw.createStatement()) {
                s.execute(
                        "CREATE FOREIGN TABLE "
                                + BYOK
                                + " (id bigint, paid numeric(10,2)) SERVER odps_server"
                                + " OPTIONS (project_name 'p_byok', table_name 'payments')");
            }
        }
        String url = "jdbc:lakeproxy:" + SIM.sim().jdbcUrl(db).substring(5);
        try (Connection first =
                DriverManager.getConnection(url, SIM.sim().user(), SIM.sim().password())) {
            assertEquals(HoloOptions.COMMON_TABLE_ROUTING, HoloScenarios.show(first, ROUTING));
        }
        try (Connection dba =
                        DriverManager.getConnection(
                                SIM.sim().jdbcUrl(db), SIM.sim().user(), SIM.sim().password());
                Statement s = dba.createStatement()) {
            s.execute(alter + ROUTING + " = ''");
        }
        try (Connection raw =
                        DriverManager.getConnection(
                                SIM.sim().jdbcUrl(db), SIM.sim().user(), SIM.sim().password());
                Connection next =
                        DriverManager.getConnection(url, SIM.sim().user(), SIM.sim().password())) {
            assertEquals(
                    HoloScenarios.show(raw, ROUTING),
                    HoloScenarios.show(next, ROUTING),
                    "the DBA's opt-out wins");
            SQLException e =
                    assertThrows(SQLException.class, () -> HoloScenarios.count(next, BYOK));
            assertTrue(
                    e.getMessage().contains("the database or role already sets a routing"),
                    e.getMessage());
        } finally {
            try (Connection dba =
                            DriverManager.getConnection(
                                    SIM.sim().jdbcUrl(db), SIM.sim().user(), SIM.sim().password());
                    Statement s = dba.createStatement()) {
                s.execute(alter.replace(" SET ", " RESET ") + ROUTING);
            }
        }
    }

    @Test
    void routingOptionOffAndExplicitValue() throws SQLException {
        try (Connection off = HoloScenarios.lake(SIM.sim(), "lakeproxy.holo.routing=off")) {
            assertEquals("", HoloScenarios.show(off, ROUTING).trim());
            SQLException e = assertThrows(SQLException.class, () -> HoloScenarios.count(off, BYOK));
            assertTrue(
                    e.getMessage().contains("SET " + ROUTING + " = 'odps:common_table,dlf:hqe'"),
                    e.getMessage());
        }
        HoloInstance.forgetAll();
        try (Connection explicit =
                HoloScenarios.lake(
                        SIM.sim(), "lakeproxy.holo.routing=odps:common_table,dlf:common_table")) {
            assertEquals(
                    "odps:common_table,dlf:common_table", HoloScenarios.show(explicit, ROUTING));
            assertEquals(2, HoloScenarios.count(explicit, BYOK));
        }
    }

    @Test
    void anExplicitOptOutIsRespectedAndExplainedLikeRawFails() throws SQLException {
        try (Connection raw = HoloScenarios.raw(SIM.sim()); Statement s = raw.createStatement()) {
            s.execute("SET " + ROUTING + " = ''");
            assertEquals(
                    "XX000",
                    assertThrows(SQLException.class, () -> HoloScenarios.count(raw, BYOK))
                            .getSQLState());
        }
        try (Connection c = HoloScenarios.lake(SIM.sim()); Statement s = c.createStatement()) {
            long retries = c.unwrap(LakeproxyConnection.class).metrics().retries.sum();
            s.execute("SET " + ROUTING + " = ''");
            SQLException e = assertThrows(SQLException.class, () -> HoloScenarios.count(c, BYOK));
            assertEquals("XX000", e.getSQLState());
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "this session set hg_experimental_external_catalog_routing"
                                        + " itself"),
                    e.getMessage());
            assertEquals(
                    retries,
                    c.unwrap(LakeproxyConnection.class).metrics().retries.sum(),
                    "no retry through Common Table");
            assertEquals("", HoloScenarios.show(c, ROUTING));
        }
    }

    @Test
    void aResetRoutingIsRecoveredOnTheNextEncryptedRead() throws SQLException {
        try (Connection c = HoloScenarios.lake(SIM.sim()); Statement s = c.createStatement()) {
            long retries = c.unwrap(LakeproxyConnection.class).metrics().retries.sum();
            s.execute("RESET " + ROUTING);
            assertEquals(
                    2,
                    HoloScenarios.count(c, BYOK),
                    "pangu error, routing set again, retried once");
            assertEquals(retries + 1, c.unwrap(LakeproxyConnection.class).metrics().retries.sum());
        }
    }

    @Test
    void plainPostgresqlMeansThePluginStaysOffAndAsksOnce() throws SQLException {
        String url = EmbeddedPg.lakeUrl("postgres");
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(List.of(), c.unwrap(LakeproxyConnection.class).activePlugins());
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(List.of(), c.unwrap(LakeproxyConnection.class).activePlugins());
            assertEquals(
                    1L,
                    c.unwrap(LakeproxyConnection.class).metrics().snapshot().get("holo.detections")
                                    >= 1
                            ? 1L
                            : 0L);
        }
    }

    @Test
    void whatThePluginDidIsLoggedAtFine() throws SQLException {
        try (LogCapture log = new LogCapture(Level.FINE);
             Connection c = HoloScenarios.lake(SIM.sim())) {
            HoloScenarios.count(c, "internal_t");
            assertTrue(log.contains("detected Hologres V3.2.5"), log.lines().toString());
        }
    }
}
