package dev.lakeproxy.holo;

import static dev.lakeproxy.holo.HoloScenarios.BYOK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.holosim.Engine;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** V3.2+: detection once per instance, Common Table routing in every session, round trips counted. */
class DetectionTest {

    private static HoloSimulator sim;
    private static final String ROUTING = HologresPlugin.ROUTING_SETTING;

    @BeforeAll
    static void start() throws SQLException {
        sim = HoloScenarios.start("3.2.5", false);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void fresh() {
        HoloInstance.forgetAll();
        sim.resetStats();
        sim.clearQueryLog();
    }

    private static long lastConnectionRoundTrips() {
        List<SimStats.ConnectionStats> all = sim.stats().perConnection();
        return all.get(all.size() - 1).roundTrips();
    }

    @Test
    void atMostOneExtraRoundTripForTheFirstConnectionAndNoneAfter() throws SQLException {
        try (Connection raw = HoloScenarios.raw(sim)) {
            HoloScenarios.count(raw, "internal_t");
        }
        long rawTrips = lastConnectionRoundTrips();
        try (Connection first = HoloScenarios.lake(sim)) {
            HoloScenarios.count(first, "internal_t");
            assertEquals(HoloOptions.COMMON_TABLE_ROUTING, HoloScenarios.show(first, ROUTING));
        }
        List<SimStats.ConnectionStats> perConnection = sim.stats().perConnection();
        assertEquals(rawTrips + 2, perConnection.get(perConnection.size() - 1).roundTrips(),
                "first connection: the detection query, plus the same work as raw (and the SHOW)");
        try (Connection second = HoloScenarios.lake(sim)) {
            HoloScenarios.count(second, "internal_t");
        }
        assertEquals(rawTrips, lastConnectionRoundTrips(), "later connections: not one extra round trip");
        try (Connection third = HoloScenarios.lake(sim)) {
            assertEquals(HoloOptions.COMMON_TABLE_ROUTING, HoloScenarios.show(third, ROUTING), "routing came with the startup options");
            assertTrue(third.unwrap(LakeproxyConnection.class).connectActions().toString().contains("startup option -c " + ROUTING));
        }
        assertEquals(1, sim.stats().hgVersionCalls());
    }

    @Test
    void aPoolOfTwentyAsksOnceAndEverySessionRoutesThroughCommonTable() throws Exception {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:lakeproxy:" + sim.jdbcUrl().substring(5));
        cfg.setUsername(sim.user());
        cfg.setPassword(sim.password());
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
        assertEquals(1, sim.stats().hgVersionCalls(), "20 connections, one detection");
        assertTrue(sim.queryLog().stream().allMatch(e -> e.engine() == Engine.COMMON_TABLE && e.success()));
    }

    @Test
    void aRoutingTheDatabaseAlreadySetIsRespected() throws SQLException {
        sim.createDatabase("dba_routed");
        try (Connection raw = DriverManager.getConnection(sim.jdbcUrl("dba_routed"), sim.user(), sim.password());
             Statement s = raw.createStatement()) {
            s.execute("ALTER DATABASE dba_routed SET " + ROUTING + " = 'odps:hqe,dlf:hqe'");
        }
        String url = "jdbc:lakeproxy:" + sim.jdbcUrl("dba_routed").substring(5);
        for (int i = 0; i < 2; i++) { // detection, then the cached decision
            try (Connection c = DriverManager.getConnection(url, sim.user(), sim.password())) {
                assertEquals("odps:hqe,dlf:hqe", HoloScenarios.show(c, ROUTING));
            }
        }
    }

    @Test
    void routingOptionOffAndExplicitValue() throws SQLException {
        try (Connection off = HoloScenarios.lake(sim, "lakeproxy.holo.routing=off")) {
            assertEquals("", HoloScenarios.show(off, ROUTING).trim());
            SQLException e = assertThrows(SQLException.class, () -> HoloScenarios.count(off, BYOK));
            assertTrue(e.getMessage().contains("SET " + ROUTING + " = 'odps:common_table,dlf:hqe'"), e.getMessage());
        }
        HoloInstance.forgetAll();
        try (Connection explicit = HoloScenarios.lake(sim, "lakeproxy.holo.routing=odps:common_table,dlf:common_table")) {
            assertEquals("odps:common_table,dlf:common_table", HoloScenarios.show(explicit, ROUTING));
            assertEquals(2, HoloScenarios.count(explicit, BYOK));
        }
    }

    @Test
    void aResetRoutingIsRecoveredOnTheNextEncryptedRead() throws SQLException {
        try (Connection c = HoloScenarios.lake(sim); Statement s = c.createStatement()) {
            s.execute("SET " + ROUTING + " = ''");
            assertEquals(2, HoloScenarios.count(c, BYOK), "pangu error, routing set again, retried once");
            assertEquals(1, c.unwrap(LakeproxyConnection.class).metrics().retries.sum() > 0 ? 1 : 0);
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
            assertEquals(1L, c.unwrap(LakeproxyConnection.class).metrics().snapshot().get("holo.detections") >= 1 ? 1L : 0L);
        }
    }

    @Test
    void whatThePluginDidIsLoggedAtFine() throws SQLException {
        try (LogCapture log = new LogCapture(Level.FINE); Connection c = HoloScenarios.lake(sim)) {
            HoloScenarios.count(c, "internal_t");
            assertTrue(log.contains("detected Hologres V3.2.5"), log.lines().toString());
        }
    }
}
