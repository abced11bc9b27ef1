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
package dev.lakeproxy.odps;

import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.TABLESTORE_LOCATION;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.RequestKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cases 9 and 10 of docs/reliability.md: the table metadata lakeproxy reads before an INSERT (for
 * the Tablestore scatter and the Paimon write guard) is slow past {@code
 * lakeproxy.odps.timeoutMillis} (1 s here) or fails. Expected: the statement runs as written, into
 * the table it names, with a warning that says what was skipped; no wait past the bound; a write
 * the guard could not check goes to MaxCompute, which refuses what it cannot write. Raw odps-jdbc
 * reads no metadata: it runs every statement as written.
 */
class MetadataFaultsTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("meta").tablestoreWriters(2));

    private static String lakeUrl(String project) {
        return lake(EMU.get().jdbcUrl(project), "lakeproxy.odps.timeoutMillis=1000");
    }

    @BeforeAll
    static void tables() throws SQLException {
        EMU.get().tablestore().createTable("ots_items");
        try (Connection c = connect(EMU.get().jdbcUrl("meta"))) {
            update(c, "CREATE TABLE src (id BIGINT, name STRING)");
            update(c, "INSERT INTO src VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            update(
                    c,
                    tablestoreDdl(
                            "items",
                            "id bigint, name string",
                            ":id,name",
                            "ots_items",
                            TABLESTORE_LOCATION));
        }
        EMU.get().createPaimonDlfProject("lake", "dlf_catalog");
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "fixed",
                        List.of("id BIGINT", "name STRING"),
                        null,
                        List.of("id"),
                        4);
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "dyn",
                        List.of("id BIGINT", "name STRING"),
                        null,
                        List.of("id"),
                        null);
    }

    @BeforeEach
    void forget() {
        OdpsPlugin.clearCaches();
        EMU.get().clearJobs();
    }

    @AfterEach
    void disarm() {
        EMU.get().faults().clear();
    }

    private static String lastSql() {
        List<String> sql = EMU.get().submittedSql();
        return sql.get(sql.size() - 1);
    }

    private static SQLWarning run(Statement s, String sql) throws SQLException {
        s.executeUpdate(sql);
        return s.getWarnings();
    }

    @Test
    void aSlowLookupBeforeATablestoreInsertSkipsTheScatterAndSaysSo() throws SQLException {
        String insert = "INSERT INTO items SELECT id, name FROM src";
        try (Connection raw = connect(EMU.get().jdbcUrl("meta"))) {
            update(raw, insert);
            assertFalse(lastSql().contains("DISTRIBUTE BY"), "raw: as written, no lookup");
        }
        try (Connection c = connect(lakeUrl("meta"));
                Statement s = c.createStatement()) {
            EMU.get().faults().delay(RequestKind.TABLE, Duration.ofSeconds(4), 1);
            long t0 = System.nanoTime();
            SQLWarning w = run(s, insert);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 3_500, "no wait past the bound: " + ms + " ms");
            assertTrue(
                    lastSql().startsWith(insert) && !lastSql().contains("DISTRIBUTE BY"),
                    "as written");
            assertNotNull(w);
            assertTrue(
                    w.getMessage().contains("could not read the metadata of meta.items")
                            && w.getMessage().contains("Tablestore scatter"),
                    w.getMessage());
            assertEquals(
                    3, EMU.get().tablestore().rows("ots_items").size(), "into the table it names");

            long lookups = EMU.get().faults().requests(RequestKind.TABLE);
            assertNotNull(run(s, insert), "still told");
            assertEquals(
                    lookups,
                    EMU.get().faults().requests(RequestKind.TABLE),
                    "no second wait: asked after 5 s");
        }
    }

    @Test
    void aFailingLookupLetsTheInsertRunAsWritten() throws SQLException {
        try (Connection c = connect(lakeUrl("meta"));
                Statement s = c.createStatement()) {
            EMU.get().faults().answerStatus(RequestKind.TABLE, 503, 1);
            SQLWarning w = run(s, "INSERT INTO items SELECT id, name FROM src");
            assertNotNull(w);
            assertTrue(w.getMessage().contains("could not read the metadata"), w.getMessage());
            assertFalse(lastSql().contains("DISTRIBUTE BY"));
        }
    }

    @Test
    void aPaimonWriteGuardThatCannotCheckSaysSoAndMaxComputeStillRefusesTheUnwritable()
            throws SQLException {
        try (Connection c = connect(lakeUrl("lake"));
                Statement s = c.createStatement()) {
            EMU.get().faults().answerStatus(RequestKind.TABLE, 503, 1);
            SQLWarning w = run(s, "INSERT INTO fixed VALUES (1, 'a')");
            assertTrue(
                    w != null && w.getMessage().contains("Paimon write guard"), String.valueOf(w));

            EMU.get().faults().answerStatus(RequestKind.TABLE, 503, 1);
            SQLException refused =
                    assertThrows(
                            SQLException.class,
                            () -> s.executeUpdate("INSERT INTO dyn VALUES (1, 'a')"));
            assertTrue(
                    refused.getMessage()
                            .contains("Writing to Dynamic Bucket tables is not supported"),
                    "MaxCompute's own refusal: " + refused.getMessage());
            assertTrue(
                    s.getWarnings() != null
                            && s.getWarnings().getMessage().contains("Paimon write guard"),
                    "and the user was told the guard could not check");
        }
    }
}
