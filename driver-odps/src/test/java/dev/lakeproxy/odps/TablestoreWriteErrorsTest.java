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

import static dev.lakeproxy.odps.PluginTestSupport.counter;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.TABLESTORE_LOCATION;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Tablestore write and read errors explained, against raw odps-jdbc. */
class TablestoreWriteErrorsTest extends TablestoreProject {

    @Test
    void batchOverFourMegabytesIsExplained() throws SQLException {
        EMU.get().tablestore().createTable("ots_big");
        update(
                raw,
                tablestoreDdl(
                        "big",
                        "k bigint, payload string",
                        ":k,payload",
                        "ots_big",
                        TABLESTORE_LOCATION));
        StringBuilder keys = new StringBuilder();
        for (int k = 0; k < 50; k++) {
            keys.append(k == 0 ? "" : ", ").append("(").append(k).append(")");
        }
        // 50 rows of 400 KB: even scattered over 4 writers, one request carries more than 4 MB
        String sql =
                "INSERT INTO big SELECT k, repeat('x', 400000) FROM (VALUES " + keys + ") v(k)";
        SQLException rawError = assertThrows(SQLException.class, () -> update(raw, sql));
        assertTrue(
                rawError.getMessage()
                        .contains(
                                "The total data size of BatchWriteRow request exceeds the limit"));
        assertFalse(rawError.getMessage().contains("Fix:"));
        SQLException e = assertThrows(SQLException.class, () -> update(lp, sql));
        assertTrue(
                e.getMessage().contains("more than 4 MB")
                        && e.getMessage().contains("reduce the row size")
                        && e.getMessage().contains("fewer rows per batch")
                        && e.getMessage().contains("big"),
                e.getMessage());
        assertSame(SQLException.class, e.getCause().getClass());
        assertTrue(
                e.getCause().getMessage().contains("BatchWriteRow"), "the original is the cause");
        assertEquals(rawError.getSQLState(), e.getSQLState());
        assertTrue(counter(lp, "odps.translated.batchTooLarge") >= 1);
    }

    @Test
    void duplicateKeysAreExplainedWithADeduplicatingQuery() throws SQLException {
        EMU.get().tablestore().createTable("ots_dup");
        update(
                raw,
                tablestoreDdl("dup", "k bigint, v string", ":k,v", "ots_dup", TABLESTORE_LOCATION));
        update(raw, "CREATE TABLE dup_src (k BIGINT, v STRING)");
        update(raw, "INSERT INTO dup_src VALUES (1, 'a'), (1, 'b'), (2, 'c')");
        SQLException rawError =
                assertThrows(
                        SQLException.class,
                        () -> update(raw, "INSERT INTO dup VALUES (1, 'a'), (1, 'b')"));
        assertTrue(rawError.getMessage().contains("OTSParameterInvalid"));
        String sql = "INSERT INTO dup SELECT k, v FROM dup_src";
        SQLException e = assertThrows(SQLException.class, () -> update(lp, sql));
        String m = e.getMessage();
        assertTrue(m.contains("same primary key (k)") && m.contains("de-duplicate"), m);
        assertTrue(
                m.contains(
                        "INSERT INTO dup SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION"
                            + " BY k ORDER BY k) AS lp_rn FROM (SELECT k, v FROM dup_src) src)"
                            + " dedup WHERE lp_rn = 1"),
                m);
        // the example query works
        String example = m.substring(m.indexOf("INSERT INTO dup SELECT k, v FROM (SELECT *"));
        assertEquals(2, update(lp, example));
        assertEquals(2, EMU.get().tablestore().rows("ots_dup").size());
    }

    @Test
    void missingTablestoreTableIsExplained() throws SQLException {
        EMU.get().tablestore().createTable("ots_gone");
        update(
                raw,
                tablestoreDdl(
                        "gone", "k bigint, v string", ":k,v", "ots_gone", TABLESTORE_LOCATION));
        EMU.get().tablestore().dropTable("ots_gone");
        SQLException rawError =
                assertThrows(
                        SQLException.class, () -> update(raw, "INSERT INTO gone VALUES (1, 'a')"));
        SQLException e =
                assertThrows(
                        SQLException.class, () -> update(lp, "INSERT INTO gone VALUES (1, 'a')"));
        assertTrue(
                e.getMessage()
                                .contains(
                                        "The Tablestore table ots_gone behind external table gone,"
                                            + " which this INSERT writes, does not exist")
                        && e.getMessage().contains("create it first in Tablestore")
                        && e.getMessage().contains("does not create"),
                e.getMessage());
        assertFalse(rawError.getMessage().contains("Fix:"));

        // a SELECT reads the external table: the explanation says so, not "the INSERT's target"
        SQLException rawRead =
                assertThrows(SQLException.class, () -> rows(raw, "SELECT k FROM gone WHERE k > 0"));
        SQLException read =
                assertThrows(SQLException.class, () -> rows(lp, "SELECT k FROM gone WHERE k > 0"));
        assertTrue(
                read.getMessage()
                        .contains(
                                "The Tablestore table ots_gone behind external table gone, which"
                                    + " this SELECT reads, does not exist"),
                read.getMessage());
        assertFalse(rawRead.getMessage().contains("Fix:"));
        assertFalse(read.getMessage().contains("INSERT"), read.getMessage());
    }
}
