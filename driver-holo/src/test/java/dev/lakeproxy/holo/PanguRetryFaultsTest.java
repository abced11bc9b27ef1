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
import static dev.lakeproxy.holo.HoloScenarios.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.holosim.Engine;
import dev.lakeproxy.holosim.HoloSimExtension;
import dev.lakeproxy.holosim.QueryLogEntry;
import dev.lakeproxy.holosim.SimFaults.Fault;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Case 4 of docs/reliability.md: the retry after the pangu error (the wrong engine for encrypted
 * data, V1.1 to V3.1). Expected: a write is never retried; a read in autocommit is retried once, on
 * SQE; nothing is retried after a dropped connection, the retry's own drop included. The
 * simulator's query log counts every foreign-table read that reached the server.
 */
class PanguRetryFaultsTest {

    @RegisterExtension
    static final HoloSimExtension SIM =
            HoloSimExtension.version("2.2.15").seed(HoloScenarios::seed);

    @BeforeEach
    void fresh() {
        HoloInstance.forgetAll(); // nothing learned: every test meets the pangu error first
        SIM.sim().faults().clear();
        SIM.sim().clearQueryLog();
    }

    private static List<Engine> reads(String table) {
        return SIM.sim().queryLog().stream()
                .filter(e -> e.table().equals(table))
                .map(QueryLogEntry::engine)
                .collect(Collectors.toList());
    }

    private static SQLException fails(Connection c, String sql) {
        return assertThrows(
                SQLException.class,
                () -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                });
    }

    @Test
    void aWriteIsNeverRetried() throws SQLException {
        String write = "INSERT INTO sink SELECT id FROM " + BYOK;
        try (Connection raw = HoloScenarios.raw(SIM.sim())) {
            assertEquals("XX000", fails(raw, write).getSQLState());
        }
        assertEquals(List.of(Engine.HQE), reads("payments"), "raw: one read");
        SIM.sim().clearQueryLog();
        try (Connection lake = HoloScenarios.lake(SIM.sim())) {
            SQLException e = fails(lake, write);
            assertEquals("XX000", e.getSQLState());
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "SET hg_experimental_enable_access_odps_orc_via_holo = false"),
                    "explained with the statement to run: " + e.getMessage());
            assertEquals(0, HoloScenarios.count(lake, "sink"));
        }
        assertEquals(List.of(Engine.HQE), reads("payments"), "lakeproxy: one read, no retry");
    }

    @Test
    void aReadInAutocommitIsRetriedOnceOnSqe() throws SQLException {
        try (Connection raw = HoloScenarios.raw(SIM.sim())) {
            assertEquals("XX000", fails(raw, "SELECT count(*) FROM " + BYOK).getSQLState());
        }
        SIM.sim().clearQueryLog();
        try (Connection lake = HoloScenarios.lake(SIM.sim())) {
            assertEquals(2, HoloScenarios.count(lake, BYOK));
        }
        assertEquals(
                List.of(Engine.HQE, Engine.SQE),
                reads("payments"),
                "the failed read and its one retry");
    }

    @Test
    void aReadInATransactionIsNotRetried() throws SQLException {
        try (Connection lake = HoloScenarios.lake(SIM.sim())) {
            lake.setAutoCommit(false);
            assertEquals("XX000", fails(lake, "SELECT count(*) FROM " + BYOK).getSQLState());
            lake.rollback();
        }
        assertEquals(List.of(Engine.HQE), reads("payments"));
    }

    @Test
    void aDropDuringTheRetryIsNotRetriedAgain() throws SQLException {
        try (Connection lake = HoloScenarios.lake(SIM.sim())) {
            SIM.sim().faults().on("SET " + EngineMode.SETTING, Fault.DROP_AFTER_ANSWER);
            SQLException e = fails(lake, "SELECT count(*) FROM " + BYOK);
            assertTrue(e.getSQLState().startsWith("08"), e.getSQLState());
        }
        assertEquals(
                List.of(Engine.HQE),
                reads("payments"),
                "the first read only: the retry's drop ends it");
    }

    @Test
    void aReadWhoseAnswerIsLostIsNotRetried() throws SQLException {
        for (boolean lakeproxy : new boolean[] {false, true}) {
            SIM.sim().clearQueryLog();
            try (Connection c =
                    lakeproxy ? HoloScenarios.lake(SIM.sim()) : HoloScenarios.raw(SIM.sim())) {
                SIM.sim().faults().on("FROM " + PLAIN, Fault.DROP_WITHOUT_ANSWER);
                assertEquals("08006", fails(c, "SELECT count(*) FROM " + PLAIN).getSQLState());
            }
            assertEquals(
                    List.of(Engine.HQE),
                    reads("orders"),
                    (lakeproxy ? "lakeproxy" : "raw") + ": ran once");
        }
    }
}
