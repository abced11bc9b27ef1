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
package dev.lakeproxy.odpsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every write form goes through the same rules, and a failed job changes nothing. */
class WriteRulesTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("w"));

    @BeforeAll
    static void tables() {
        MaxComputeEmulator emu = EMU.get();
        emu.execute("w", "CREATE TABLE src (id BIGINT, name STRING)");
        emu.execute("w", "INSERT INTO src VALUES (1L, 'a'), (2L, 'b')");
        emu.createPaimonDlfProject("lake", "cat");
        emu.createPaimonTable(
                "lake",
                "default",
                "dyn",
                List.of("id BIGINT", "name STRING"),
                null,
                List.of("id"),
                null);
    }

    private static String rows(String project, String sql) {
        return EMU.get().execute(project, sql);
    }

    @Test
    void withInsertIsAnInsert() {
        MaxComputeEmulator emu = EMU.get();
        emu.execute("w", "CREATE TABLE with_target (id BIGINT, name STRING)");
        emu.execute(
                "w",
                "WITH s AS (SELECT id, name FROM src WHERE id > 1) INSERT INTO TABLE with_target"
                        + " SELECT id, name FROM s");
        assertEquals("\"id\",\"name\"\n2,b\n", rows("w", "SELECT * FROM with_target"));
        emu.execute(
                "w",
                "WITH s (i, n) AS (SELECT id, name FROM src) INSERT OVERWRITE TABLE with_target"
                        + " SELECT i, n FROM s");
        assertEquals("\"_c0\"\n2\n", rows("w", "SELECT count(*) FROM with_target"));
    }

    @Test
    void withInsertMeetsThePaimonRules() {
        OdpsSqlException e =
                assertThrows(
                        OdpsSqlException.class,
                        () ->
                                EMU.get()
                                        .execute(
                                                "lake",
                                                "WITH s AS (SELECT 1L AS id, 'x' AS name) INSERT"
                                                    + " INTO TABLE dyn SELECT id, name FROM s"));
        assertTrue(e.getMessage().contains("Dynamic Bucket"), e.getMessage());
        assertEquals("\"_c0\"\n0\n", rows("lake", "SELECT count(*) FROM dyn"));
    }

    @Test
    void aFailedJobChangesNothing() {
        MaxComputeEmulator emu = EMU.get();
        emu.execute("w", "CREATE TABLE atomic (id BIGINT)");
        assertThrows(
                OdpsSqlException.class,
                () ->
                        emu.execute(
                                "w",
                                "INSERT INTO atomic VALUES (1L); CREATE TABLE made_then_undone (id"
                                        + " BIGINT); INSERT INTO no_such_table VALUES (2L);"));
        assertEquals("\"_c0\"\n0\n", rows("w", "SELECT count(*) FROM atomic"));
        assertFalse(emu.execute("w", "SHOW TABLES").contains("made_then_undone"));

        emu.execute("w", "INSERT INTO atomic VALUES (7L)");
        assertThrows(
                OdpsSqlException.class,
                () ->
                        emu.execute(
                                "w",
                                "INSERT OVERWRITE TABLE atomic SELECT CAST(name AS BIGINT) FROM"
                                        + " src"));
        assertEquals("\"id\"\n7\n", rows("w", "SELECT * FROM atomic"));
    }

    @Test
    void aQueryCannotWrite() {
        OdpsSqlException e =
                assertThrows(
                        OdpsSqlException.class,
                        () ->
                                EMU.get()
                                        .execute(
                                                "w",
                                                "WITH d AS (DELETE FROM src RETURNING id) SELECT *"
                                                        + " FROM d"));
        assertTrue(e.getMessage().startsWith("ODPS-0130161"), e.getMessage());
        assertEquals("\"_c0\"\n2\n", EMU.get().execute("w", "SELECT count(*) FROM src", Map.of()));
    }
}
