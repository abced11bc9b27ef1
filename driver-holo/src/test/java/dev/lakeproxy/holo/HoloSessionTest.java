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

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.holosim.Engine;
import dev.lakeproxy.holosim.QueryLogEntry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The legacy path (V2.x): SQE only where needed, minimal SETs, and a tracked mode that never
 * drifts.
 */
class HoloSessionTest extends HoloSessionCase {

    @Test
    void sqeOnlyForTheStatementThatNeedsItAndShowGivesTheSessionsOwnValue() throws SQLException {
        try (Connection c = lake()) {
            long before = settings(c);
            assertEquals(2, HoloScenarios.count(c, PLAIN));           // HQE, no SET
            assertEquals(3, HoloScenarios.count(c, "internal_t"));    // not a foreign table: no SET
            assertEquals(2, HoloScenarios.count(c, BYOK));            // SET SQE, then RESET
            assertEquals(
                    "true",
                    HoloScenarios.show(c, EngineMode.SETTING),
                    "the user never set it: SHOW says so");
            assertEquals(2, HoloScenarios.count(c, PLAIN)); // the session's own engine, no SET
            assertEquals(1, settings(c) - before, "one switch, for the one encrypted read");
            assertEquals(List.of(Engine.HQE, Engine.SQE, Engine.HQE), engines());
            assertTrue(
                    c.unwrap(LakeproxyConnection.class)
                            .explain("SELECT * FROM ft_byok")
                            .actions()
                            .toString()
                            .contains(
                                    "SET hg_experimental_enable_access_odps_orc_via_holo = false"));
        }
    }

    @Test
    void insideATransactionTheSwitchIsLocalAndRollbackOrCommitLeavesTheSessionsValue()
            throws SQLException {
        try (Connection c = lake(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertEquals(2, HoloScenarios.count(c, BYOK));
            assertEquals("true", HoloScenarios.show(c, EngineMode.SETTING));
            assertEquals(2, HoloScenarios.count(c, PLAIN));
            c.rollback();
            assertEquals(2, HoloScenarios.count(c, BYOK));
            c.commit();
            assertEquals("true", HoloScenarios.show(c, EngineMode.SETTING));
            Savepoint sp = c.setSavepoint();
            assertEquals(2, HoloScenarios.count(c, BYOK));
            c.rollback(sp);
            assertEquals(2, HoloScenarios.count(c, BYOK));
            s.execute("ROLLBACK");
            assertEquals(2, HoloScenarios.count(c, BYOK));
            c.commit();
            assertEquals("true", HoloScenarios.show(c, EngineMode.SETTING));
            assertEquals(
                    List.of(Engine.SQE, Engine.HQE, Engine.SQE, Engine.SQE, Engine.SQE, Engine.SQE),
                    engines());
            assertTrue(
                    SIM.sim().queryLog().stream().allMatch(QueryLogEntry::success),
                    "every read succeeded");
        }
    }

    @Test
    void errorsInsideATransactionDoNotLeaveTheEngineWrong() throws SQLException {
        try (Connection c = lake(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertEquals(2, HoloScenarios.count(c, BYOK));
            assertThrows(SQLException.class, () -> s.execute("SELECT 1 / 0"));
            c.rollback();
            assertEquals(
                    2,
                    HoloScenarios.count(c, BYOK),
                    "after the failed transaction, SQE is set again");
            c.commit();
            assertEquals("true", HoloScenarios.show(c, EngineMode.SETTING));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET hg_experimental_enable_access_odps_orc_via_holo = true",
        "SET LOCAL hg_experimental_enable_access_odps_orc_via_holo = true",
        "SELECT set_config('hg_experimental_enable_access_odps_orc_via_holo', 'true', false)"})
    void theSessionsOwnEngineSettingWinsAsWithRawPgjdbc(String set) throws SQLException {
        boolean local = set.contains("LOCAL");
        try (Connection raw = HoloScenarios.raw(SIM.sim()); Statement s = raw.createStatement()) {
            raw.setAutoCommit(!local);
            s.execute(set);
            assertEquals(
                    "XX000",
                    assertThrows(SQLException.class, () -> HoloScenarios.count(raw, BYOK))
                            .getSQLState());
        }
        try (Connection c = lake(); Statement s = c.createStatement()) {
            c.setAutoCommit(!local);
            s.execute(set);
            SQLException e = assertThrows(SQLException.class, () -> HoloScenarios.count(c, BYOK));
            assertEquals("XX000", e.getSQLState());
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "this session set"
                                        + " hg_experimental_enable_access_odps_orc_via_holo"
                                        + " itself"),
                    e.getMessage());
            if (local) {
                c.rollback();
                assertEquals(
                        2, HoloScenarios.count(c, BYOK), "SET LOCAL ended with its transaction");
                c.commit();
            } else {
                s.execute("RESET ALL");
                assertEquals(
                        2,
                        HoloScenarios.count(c, BYOK),
                        "after RESET ALL lakeproxy switches again");
                assertEquals("true", HoloScenarios.show(c, EngineMode.SETTING));
            }
        }
    }

    @Test
    void aDatabaseSettingMadeAfterTheFirstConnectionCountsAtOnce() throws SQLException {
        SIM.sim().createDatabase("dba_sqe");
        String url = "jdbc:lakeproxy:" + SIM.sim().jdbcUrl("dba_sqe").substring(5);
        try (Connection first =
                DriverManager.getConnection(url, SIM.sim().user(), SIM.sim().password())) {
            assertEquals("true", HoloScenarios.show(first, EngineMode.SETTING));
            try (Statement s = first.createStatement()) {
                s.execute("ALTER DATABASE dba_sqe SET " + EngineMode.SETTING + " = false");
            }
        }
        try (Connection raw =
                        DriverManager.getConnection(
                                SIM.sim().jdbcUrl("dba_sqe"),
                                SIM.sim().user(),
                                SIM.sim().password());
                Connection next =
                        DriverManager.getConnection(url, SIM.sim().user(), SIM.sim().password())) {
            assertEquals(
                    HoloScenarios.show(raw, EngineMode.SETTING),
                    HoloScenarios.show(next, EngineMode.SETTING));
            assertEquals("false", HoloScenarios.show(next, EngineMode.SETTING));
        }
    }
}
