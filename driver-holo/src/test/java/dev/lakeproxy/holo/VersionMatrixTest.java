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
import static dev.lakeproxy.holo.HoloScenarios.DEFAULT_KEY;
import static dev.lakeproxy.holo.HoloScenarios.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.holosim.HoloSimulator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.postgresql.util.PSQLException;

/**
 * Each version band x {unencrypted, BYOK, default key} x {autocommit read, read in a transaction,
 * write}, through lakeproxy against the Hologres simulator, next to raw pgjdbc failing on the same
 * instance.
 */
class VersionMatrixTest {

    /** What lakeproxy gives: "ok", or a phrase of the explained error. */
    private static final String OK = "ok";
    private static final String TOO_OLD = "needs V1.1 or later";
    private static final String BACKEND = "needs a backend configuration";
    private static final String WRONG_ENGINE = "with HQE, which cannot read";
    private static final String SQE_FAILED = "encrypted with the default key";

    private static final class Band {
        final String version;
        final boolean backend;
        final String[] byok;      // autocommit read, read in a transaction, write
        final String[] defaultKey;
        final boolean learnsThenWorks;

        Band(
                String version,
                boolean backend,
                boolean learnsThenWorks,
                String[] byok,
                String[] defaultKey) {
            this.version = version;
            this.backend = backend;
            this.learnsThenWorks = learnsThenWorks;
            this.byok = byok;
            this.defaultKey = defaultKey;
        }
    }

    private static final List<Band> BANDS =
            List.of(
                    new Band(
                            "1.0.12",
                            false,
                            false,
                            new String[] {TOO_OLD, TOO_OLD, TOO_OLD},
                            new String[] {TOO_OLD, TOO_OLD, TOO_OLD}),
                    new Band(
                            "1.1.80",
                            false,
                            false,
                            new String[] {BACKEND, WRONG_ENGINE, WRONG_ENGINE},
                            new String[] {BACKEND, WRONG_ENGINE, WRONG_ENGINE}),
                    new Band(
                            "1.1.80",
                            true,
                            true,
                            new String[] {OK, WRONG_ENGINE, WRONG_ENGINE},
                            new String[] {BACKEND, WRONG_ENGINE, WRONG_ENGINE}),
                    new Band(
                            "1.3.31",
                            false,
                            true,
                            new String[] {OK, WRONG_ENGINE, WRONG_ENGINE},
                            new String[] {SQE_FAILED, WRONG_ENGINE, WRONG_ENGINE}),
                    new Band(
                            "2.2.15",
                            false,
                            true,
                            new String[] {OK, WRONG_ENGINE, WRONG_ENGINE},
                            new String[] {SQE_FAILED, WRONG_ENGINE, WRONG_ENGINE}),
                    new Band(
                            "3.1.9",
                            false,
                            true,
                            new String[] {OK, WRONG_ENGINE, WRONG_ENGINE},
                            new String[] {SQE_FAILED, WRONG_ENGINE, WRONG_ENGINE}),
                    new Band(
                            "3.2.5",
                            false,
                            true,
                            new String[] {OK, OK, OK},
                            new String[] {OK, OK, OK}));

    @TestFactory
    List<DynamicNode> everyBandEveryEncryptionEveryMode() {
        List<DynamicNode> containers = new ArrayList<>();
        for (Band band : BANDS) {
            containers.add(
                    DynamicContainer.dynamicContainer(
                            "Hologres "
                                    + band.version
                                    + (band.backend ? " with backend configuration" : ""),
                            List.of(DynamicTest.dynamicTest("matrix", () -> runBand(band)))));
        }
        return containers;
    }

    private static void runBand(Band band) throws Exception {
        try (HoloSimulator sim = HoloScenarios.start(band.version, band.backend)) {
            try (Connection raw = HoloScenarios.raw(sim)) {
                SQLException rawFails =
                        assertThrows(
                                SQLException.class,
                                () -> HoloScenarios.count(raw, BYOK),
                                "raw pgjdbc cannot read BYOK data on " + band.version);
                assertEquals("XX000", rawFails.getSQLState());
                assertTrue(rawFails.getMessage().contains("PanguParameterInvalidException"));
            }
            String[] modes = {"autocommit read", "read in a transaction", "write"};
            for (int m = 0; m < 3; m++) {
                expect(sim, band, PLAIN, m, OK, "unencrypted " + modes[m]);
                expect(sim, band, BYOK, m, band.byok[m], "BYOK " + modes[m]);
                expect(sim, band, DEFAULT_KEY, m, band.defaultKey[m], "default key " + modes[m]);
            }
        }
    }

    private static void expect(
            HoloSimulator sim, Band band, String table, int mode, String expected, String what)
            throws SQLException {
        HoloInstance.forgetAll(); // every case starts from a lakeproxy that has learned nothing
        String label = band.version + (band.backend ? "+backend" : "") + " " + what;
        String first = attempt(sim, table, mode);
        assertTrue(first.equals(expected) || (!expected.equals(OK) && first.contains(expected)),
                label + ": expected " + expected + " but got " + first);
        if (band.learnsThenWorks && expected.equals(WRONG_ENGINE) && table.equals(BYOK)) {
            assertEquals(
                    OK,
                    attempt(sim, table, mode),
                    label + ": once learned, the next attempt switches to SQE and works");
        }
    }

    /** Runs one case through lakeproxy; "ok" or the error (SQLState and cause checked). */
    private static String attempt(HoloSimulator sim, String table, int mode) throws SQLException {
        try (Connection c = HoloScenarios.lake(sim)) {
            try {
                if (mode == 0) {
                    assertTrue(HoloScenarios.count(c, table) > 0);
                } else if (mode == 1) {
                    c.setAutoCommit(false);
                    assertTrue(HoloScenarios.count(c, table) > 0);
                    c.commit();
                } else {
                    try (Statement s = c.createStatement()) {
                        assertTrue(s.executeUpdate("INSERT INTO sink SELECT id FROM " + table) > 0);
                    }
                }
                return OK;
            } catch (SQLException e) {
                assertEquals("XX000", e.getSQLState(), "the original SQLState is kept");
                assertTrue(e.getCause() instanceof PSQLException, "the original is the cause");
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                return e.getMessage();
            }
        }
    }
}
