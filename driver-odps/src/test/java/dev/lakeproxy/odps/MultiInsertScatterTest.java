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
import static dev.lakeproxy.odps.PluginTestSupport.explain;
import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.odpsemu.TablestoreWriteReport;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * MULTI INSERT with a Tablestore branch (MaxCompute "MULTI INSERT"; module docs "Scatter forms"):
 * the shared FROM source is scattered once. Each statement runs raw and through lakeproxy on the
 * same emulator: the same rows land in every destination, and the server receives the original text
 * with only the splice.
 */
class MultiInsertScatterTest extends MultiInsertScatterCase {

    @Test
    void sortedSourceConcentratesRawAndSpreadsThroughLakeproxy() throws SQLException {
        long scattered = counter(lp, "odps.tablestoreScattered");
        Run[] runs = sameRows(SORTED);
        Run r = runs[0];
        Run l = runs[1];
        assertEquals(600, r.count, "400 rows to Tablestore, 200 to the internal table");
        assertNull(r.write.distributeBy());
        assertEquals(
                1,
                r.write.maxPartitionsPerWriter(),
                "raw odps-jdbc: each writer hits one partition " + r.write);
        assertEquals("rand()", l.write.distributeBy());
        for (TablestoreWriteReport.Writer w : l.write.writers()) {
            assertTrue(
                    w.partitionCount() >= 3,
                    "lakeproxy: every writer spreads over many partitions " + l.write);
        }
        assertEquals(
                r.sent.replace("FROM src\n", "FROM (SELECT * FROM src DISTRIBUTE BY rand()) src\n"),
                l.sent,
                "the original text with only the splice");
        assertEquals(scattered + 1, counter(lp, "odps.tablestoreScattered"));
        Explanation x = explain(lp, SORTED);
        assertTrue(x.rewritten());
        assertTrue(
                x.actions().stream()
                        .anyMatch(
                                a ->
                                        a.contains("MULTI INSERT, Tablestore target")
                                                && a.contains("SOURCE form")
                                                && a.contains("DISTRIBUTE BY rand()")),
                x.actions().toString());
    }

    @Test
    void aMultiInsertWithoutTablestoreBranchIsUntouched() throws SQLException {
        String sql =
                "/* no Tablestore */ from src\n"
                    + "insert overwrite table copy select k, v where k < 10\n"
                    + "INSERT OVERWRITE TABLE other SELECT k, v WHERE k >= 10";
        leftAsWritten(sql, "");
    }

    @Test
    void anAliasIsKept() throws SQLException {
        String sql = "FROM src s\nINSERT INTO TABLE ots SELECT s.k, 0, s.v WHERE s.k < 250\n"
                + "INSERT OVERWRITE TABLE copy SELECT s.k, upper(s.v)";
        Run[] runs = sameRows(sql);
        Run l = runs[1];
        assertEquals(
                runs[0].sent.replace(
                        "FROM src s\n", "FROM (SELECT * FROM src DISTRIBUTE BY rand()) s\n"),
                l.sent);
        assertEquals("rand()", l.write.distributeBy());
        String as =
                "FROM multi.src AS s INSERT INTO TABLE ots SELECT s.k, 0, s.v INSERT INTO TABLE"
                    + " copy SELECT s.k, s.v";
        assertEquals(
                "FROM (SELECT * FROM multi.src DISTRIBUTE BY rand()) AS s INSERT INTO TABLE ots"
                    + " SELECT s.k, 0, s.v INSERT INTO TABLE copy SELECT s.k, s.v",
                explain(lp, as).finalSql());
        String set =
                "SET odps.sql.allow.fullscan=true;\nFROM src INSERT INTO TABLE ots SELECT k, 0, v";
        assertEquals(
                set.replace("FROM src", "FROM (SELECT * FROM src DISTRIBUTE BY rand()) src"),
                explain(lp, set).finalSql(),
                "the MULTI INSERT page's example starts with a SET line");
    }

    @Test
    void aSubquerySourceTakesDistributeByInside() throws SQLException {
        String sql =
                "FROM (SELECT k, v FROM src WHERE k >= 100) s\n"
                    + "INSERT INTO TABLE ots SELECT k, 1, v\n"
                    + "INSERT OVERWRITE TABLE copy SELECT k, v WHERE k < 150";
        Run[] runs = sameRows(sql);
        Run l = runs[1];
        assertEquals(
                runs[0].sent.replace("k >= 100) s", "k >= 100 DISTRIBUTE BY rand()) s"), l.sent);
        assertEquals("rand()", l.write.distributeBy());
        assertTrue(explain(lp, sql).actions().toString().contains("APPEND form"));
    }

    @Test
    void aGroupedSubquerySourceIsLeftAsWrittenAndCounted() throws SQLException {
        String sql =
                "FROM (SELECT min(k) AS k, v FROM src GROUP BY v) s\n"
                    + "INSERT INTO TABLE ots SELECT k, 2, v\n"
                    + "INSERT OVERWRITE TABLE copy SELECT k, v";
        long notScattered = counter(lp, "odps.tablestoreNotScattered");
        leftAsWritten(sql, "cannot take DISTRIBUTE BY at its own level (GROUP BY");
        assertEquals(
                notScattered + 2,
                counter(lp, "odps.tablestoreNotScattered"),
                "explain and the run");
    }

    @Test
    void aJoinSourceIsLeftAsWrittenWithItsNote() throws SQLException {
        String sql =
                "FROM src JOIN side ON src.k = side.k\n"
                    + "INSERT INTO TABLE ots SELECT src.k, 3, side.w\n"
                    + "INSERT OVERWRITE TABLE copy SELECT src.k, src.v";
        assertEquals(3, leftAsWritten(sql, "the shared source is a join").tablestoreRows.size());
    }

    @Test
    void aDistributedSourceAndTheOffSwitchLeaveItAsWritten() throws SQLException {
        String distributed =
                "FROM (SELECT * FROM src DISTRIBUTE BY k) s INSERT INTO TABLE ots SELECT k, 4, v "
                        + "INSERT OVERWRITE TABLE copy SELECT k, v";
        assertEquals(
                "k", leftAsWritten(distributed, "already has DISTRIBUTE BY").write.distributeBy());
        try (Connection off =
                connect(lake(EMU.get().jdbcUrl("multi"), "lakeproxy.odps.tablestoreScatter=off"))) {
            Explanation o = explain(off, SORTED);
            assertFalse(o.rewritten());
            assertTrue(
                    o.actions().toString().contains("tablestoreScatter=off"),
                    o.actions().toString());
            Run r = run(off, SORTED);
            assertNull(r.write.distributeBy());
        }
    }

    @Test
    void aTablestoreBranchThatOrdersItsRowsIsNotScatteredThroughTheSource() throws SQLException {
        String sql = "FROM src INSERT INTO TABLE ots SELECT k, 5, v ORDER BY k LIMIT 300 "
                + "INSERT OVERWRITE TABLE copy SELECT k, v";
        long notScattered = counter(lp, "odps.tablestoreNotScattered");
        leftAsWritten(sql, "gather their rows into one stage");
        assertEquals(
                notScattered + 2,
                counter(lp, "odps.tablestoreNotScattered"),
                "explain and the run");
    }
}
