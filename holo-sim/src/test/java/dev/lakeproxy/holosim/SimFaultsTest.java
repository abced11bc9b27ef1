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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.holosim.SimFaults.Fault;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault hooks, seen from raw pgjdbc in both protocol modes: each hits the statement it was
 * armed for.
 */
class SimFaultsTest {

    @RegisterExtension static final HoloSimExtension SIM = HoloSimExtension.version("2.2.15");

    @BeforeAll
    static void table() throws SQLException {
        try (Connection c = SIM.sim().directConnection(HoloSimulator.DEFAULT_DATABASE)) {
            Db.exec(c, "CREATE TABLE marks (id int)");
        }
    }

    @AfterEach
    void disarm() throws SQLException {
        SIM.sim().faults().clear();
        try (Connection c = SIM.sim().directConnection(HoloSimulator.DEFAULT_DATABASE)) {
            Db.exec(c, "TRUNCATE marks");
        }
    }

    private static String marks() throws SQLException {
        try (Connection c = SIM.sim().directConnection(HoloSimulator.DEFAULT_DATABASE)) {
            return Db.one(c, "SELECT count(*) FROM marks");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void dropBeforeTheStatementItNeverRuns(String mode) throws SQLException {
        try (Connection c = Db.connect(SIM.sim(), mode)) {
            SIM.sim().faults().on("INSERT INTO marks", Fault.DROP_BEFORE);
            Db.fails("08006", c, "INSERT INTO marks VALUES (1)");
            assertTrue(c.isClosed());
        }
        assertEquals("0", marks());
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void dropWithoutAnswerTheStatementRanButTheClientReadsEof(String mode) throws SQLException {
        try (Connection c = Db.connect(SIM.sim(), mode)) {
            SIM.sim().faults().on("INSERT INTO marks", Fault.DROP_WITHOUT_ANSWER);
            Db.fails("08006", c, "INSERT INTO marks VALUES (1)");
        }
        assertEquals("1", marks());
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void dropAfterAnswerTheClientSawSuccessAndTheNextStatementFails(String mode)
            throws SQLException {
        long before = SIM.sim().faults().fired();
        try (Connection c = Db.connect(SIM.sim(), mode)) {
            SIM.sim()
                    .faults()
                    .on(
                            "SET hg_experimental_enable_access_odps_orc_via_holo",
                            Fault.DROP_AFTER_ANSWER);
            Db.exec(c, "SET hg_experimental_enable_access_odps_orc_via_holo = false");
            SQLException next = assertThrows(SQLException.class, () -> Db.one(c, "SELECT 1"));
            assertTrue(next.getSQLState().startsWith("08"), next.getSQLState());
        }
        assertEquals(before + 1, SIM.sim().faults().fired());
        try (Connection fresh = Db.connect(SIM.sim(), mode)) {
            assertEquals(
                    "true",
                    Db.one(fresh, "SHOW hg_experimental_enable_access_odps_orc_via_holo"),
                    "the dropped session took its setting with it");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void failAnswersAnErrorInsteadOfRunningAndTheConnectionGoesOn(String mode) throws SQLException {
        try (Connection c = Db.connect(SIM.sim(), mode)) {
            SIM.sim().faults().on("INSERT INTO marks", Fault.FAIL);
            SQLException e = Db.fails("XX000", c, "INSERT INTO marks VALUES (1)");
            assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
            Db.exec(c, "INSERT INTO marks VALUES (2)");
        }
        assertEquals("1", marks());
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void freezeIsABlackholeThatOnlyTheClientsSocketTimeoutEnds(String mode) throws SQLException {
        try (Connection c =
                Db.connect(SIM.sim(), HoloSimulator.DEFAULT_DATABASE, mode, "socketTimeout", "1")) {
            SIM.sim().faults().on("INSERT INTO marks", Fault.FREEZE);
            long t0 = System.nanoTime();
            Db.fails("08006", c, "INSERT INTO marks VALUES (1)");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms >= 900 && ms < 5_000, "waited for the socket timeout: " + ms + " ms");
            assertTrue(c.isClosed());
        }
        assertEquals("0", marks());
        assertFalse(SIM.sim().faults().fired() == 0);
    }
}
