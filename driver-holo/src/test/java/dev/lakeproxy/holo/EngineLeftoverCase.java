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

import static dev.lakeproxy.holo.HoloScenarios.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakeproxy.holosim.Engine;
import dev.lakeproxy.holosim.HoloSimExtension;
import dev.lakeproxy.holosim.QueryLogEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What EngineLeftoverTest's cases share: the simulator, a pool of one connection (raw or through
 * lakeproxy), the first borrower whose encrypted read fails and the second borrower's checks.
 */
abstract class EngineLeftoverCase {

    static final String SETTING = EngineMode.SETTING;

    @RegisterExtension
    static final HoloSimExtension SIM =
            HoloSimExtension.version("2.2.15").seed(HoloScenarios::seed);

    @AfterEach
    void disarm() {
        SIM.sim().faults().clear();
    }

    static HikariDataSource poolOfOne(boolean lakeproxy, String... options) {
        StringBuilder url =
                new StringBuilder(
                        lakeproxy
                                ? "jdbc:lakeproxy:"
                                        + SIM.sim().jdbcUrl().substring(5)
                                        + "?lakeproxy.holo.encryptedProjects=p_byok"
                                : SIM.sim().jdbcUrl() + "?ApplicationName=raw");
        for (String o : options) {
            url.append('&').append(o);
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url.toString());
        cfg.setUsername(SIM.sim().user());
        cfg.setMaximumPoolSize(1);
        cfg.setConnectionTimeout(10_000);
        return new HikariDataSource(cfg);
    }

    /**
     * The first borrower's statement, which fails (or whose RESET does) while SQE is set for it.
     */
    interface FirstBorrower {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs the first borrower, then checks the second: SHOW gives the session's own value, and its
     * plain read ran on HQE. Returns whether the second borrower had the first one's physical
     * connection.
     */
    static boolean secondBorrowerGetsTheSessionsEngine(
            HikariDataSource pool, FirstBorrower first) throws SQLException {
        SIM.sim().clearQueryLog();
        try (Connection c = pool.getConnection()) {
            first.run(c);
        }
        long firstConnection = SIM.sim().queryLog().isEmpty() ? -1 : lastRead().connectionId();
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                assertEquals("true", HoloScenarios.show(c, SETTING), "no leftover engine setting");
                assertEquals(2, HoloScenarios.count(c, PLAIN));
                break;
            } catch (SQLException dead) {
                // a dropped connection fails its first use, and the pool evicts it
                if (attempt > 1 || !dead.getSQLState().startsWith("08")) {
                    throw dead;
                }
            }
        }
        QueryLogEntry read = lastRead();
        assertEquals("orders", read.table());
        assertEquals(
                Engine.HQE,
                read.engine(),
                "the second borrower's read ran on the session's engine");
        return read.connectionId() == firstConnection;
    }

    static QueryLogEntry lastRead() {
        List<QueryLogEntry> log = SIM.sim().queryLog();
        assertTrue(!log.isEmpty(), "a foreign-table read was logged");
        return log.get(log.size() - 1);
    }

    static void failsWith(String sqlState, Connection c, String sql) {
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () -> {
                            try (Statement s = c.createStatement()) {
                                s.execute(sql);
                            }
                        });
        assertTrue(e.getSQLState().startsWith(sqlState), e.getSQLState() + " " + e.getMessage());
    }
}
