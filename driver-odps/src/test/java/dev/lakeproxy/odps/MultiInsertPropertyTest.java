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

import static dev.lakeproxy.odps.MultiInsertStatements.branch;
import static dev.lakeproxy.odps.MultiInsertStatements.source;
import static dev.lakeproxy.odps.PluginTestSupport.explain;
import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odps.ScatterPropertyTest.pick;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.TABLESTORE_LOCATION;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.SimulatedTablestore;
import dev.lakeproxy.odpsemu.TablestoreWriteReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Property: generated MULTI INSERTs with Tablestore branches (shared sources: tables with and
 * without aliases, qualified and backticked names, subqueries with joins, hints, strings with
 * {@code ;}, {@code --} and brackets, grouped or ordered subqueries, joins; comments, case) are
 * rewritten to exactly the original with the shared source in its scatter form (or left as written
 * where none is valid), and run on the emulator writing the same rows in every destination as the
 * original through raw odps-jdbc. Comments around the shared FROM and the branches are block and
 * line comments. {@code -Dodps.property.count=N} (default 60 here) and {@code
 * -Dodps.property.seed=S}.
 */
class MultiInsertPropertyTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(
                    b -> b.project("mprop").tablestoreWriters(4).tablestoreBatchRows(20));

    static Connection raw;
    static Connection lp;

    @BeforeAll
    static void setUp() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().tablestore().createTable("ots_a");
        EMU.get().tablestore().createTable("ots_b");
        raw = connect(EMU.get().jdbcUrl("mprop"));
        lp = connect(lake(EMU.get().jdbcUrl("mprop")));
        update(
                raw,
                tablestoreDdl(
                        "ta",
                        "k bigint, s string, v double",
                        ":k,s,v",
                        "ots_a",
                        TABLESTORE_LOCATION));
        update(
                raw,
                tablestoreDdl(
                        "`t b`",
                        "k bigint, s string, v double",
                        ":k,s,v",
                        "ots_b",
                        TABLESTORE_LOCATION));
        update(raw, "CREATE TABLE src1 (k BIGINT, s STRING, v DOUBLE)");
        update(raw, "CREATE TABLE src2 (k BIGINT, w STRING)");
        update(raw, "CREATE TABLE `src part` (k BIGINT, s STRING) PARTITIONED BY (ds STRING)");
        update(raw, "CREATE TABLE copy (k BIGINT, s STRING, v DOUBLE)");
        StringBuilder v1 = new StringBuilder();
        StringBuilder v2 = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            v1.append(i == 0 ? "" : ", ")
                    .append("(")
                    .append(i)
                    .append(", 's")
                    .append(i % 9)
                    .append("', ")
                    .append(i * 0.5)
                    .append(")");
            v2.append(i == 0 ? "" : ", ")
                    .append("(")
                    .append(i * 2)
                    .append(", 'w")
                    .append(i)
                    .append("')");
        }
        update(raw, "INSERT INTO src1 VALUES " + v1);
        update(raw, "INSERT INTO src2 VALUES " + v2);
        update(
                raw,
                "INSERT INTO `src part` PARTITION (ds='20250101') VALUES (1, 'p1'), (30, 'p30'),"
                    + " (70, 'p70')");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        raw.close();
        lp.close();
    }
    @Test
    void everyRewriteIsASpliceThatRunsAndWritesTheSameRows() throws SQLException {
        int count = Integer.getInteger("odps.property.count", 60);
        long seed = Long.getLong("odps.property.seed", 20251201L);
        Random r = new Random(seed);
        for (int n = 0; n < count; n++) {
            String[] src = source(r);
            List<String> branches = new ArrayList<>();
            boolean first = r.nextBoolean();
            branches.add(
                    branch(
                            r,
                            first
                                    ? pick(r, "ta", "`ta`", "mprop.ta", "TA")
                                    : pick(r, "`t b`", "mprop.`t b`"),
                            r.nextBoolean(),
                            src));
            if (r.nextBoolean()) {
                branches.add(branch(r, "copy", true, src));
            }
            if (r.nextBoolean()) {
                branches.add(branch(r, first ? "`t b`" : "ta", r.nextBoolean(), src));
            }
            Collections.shuffle(branches, r);
            String head =
                    pick(r, ScatterPropertyTest.COMMENTS)
                            + pick(r, "FROM", "from")
                            + pick(r, " ", "\n", " /* from */ ");
            String tail =
                    pick(r, " ", "\n", " /* c */ ", " /* multi\nline ) -- */\n")
                            + String.join(pick(r, " ", "\n"), branches).trim()
                            + pick(r, "", ";", " ;", " /* end */", "; /* after */");
            String sql = head + src[0] + tail;
            String expected = head + src[1] + tail;
            String label = "#" + n + " seed " + seed + ": " + sql;

            String rewritten = explain(lp, sql).finalSql();
            assertEquals(expected, rewritten, "nothing changes outside the splice, " + label);
            MultiInsertStatement again = ScannedSql.scan(rewritten).multiInsert();
            assertNotNull(again, "the rewrite is a MULTI INSERT again, " + label);
            assertEquals(!expected.equals(sql), again.distributed, label);

            List<List<String>> rawRows = runAndRead(raw, sql);
            String rawSent = lastSent;
            List<List<String>> lpRows = runAndRead(lp, sql);
            assertEquals(rawRows, lpRows, "same count and rows in every destination, " + label);
            assertTrue(rawSent.contains(sql.trim()), label + " -> " + rawSent);
            assertEquals(
                    rawSent.replace(sql.trim(), expected.trim()),
                    lastSent,
                    "only the splice reached the server, " + label);
            for (TablestoreWriteReport w : lastWrites) {
                assertEquals(expected.equals(sql) ? null : "rand()", w.distributeBy(), label);
            }
        }
    }

    private static String lastSent;
    private static List<TablestoreWriteReport> lastWrites;

    /**
     * Runs {@code sql} on fresh Tablestore tables: its count, then the rows of ots_a, ots_b and
     * copy.
     */
    private static List<List<String>> runAndRead(Connection c, String sql) throws SQLException {
        for (String t : List.of("ots_a", "ots_b")) {
            EMU.get().tablestore().dropTable(t);
            EMU.get().tablestore().createTable(t);
        }
        update(raw, "INSERT OVERWRITE TABLE copy SELECT * FROM src1 WHERE k < 0");
        int writes = EMU.get().tablestoreWrites().size();
        EMU.get().clearJobs();
        int jobs = 0;
        List<List<String>> out = new ArrayList<>();
        out.add(List.of(String.valueOf(update(c, sql))));
        lastSent = EMU.get().submittedSql().get(jobs);
        lastWrites =
                EMU.get().tablestoreWrites().subList(writes, EMU.get().tablestoreWrites().size());
        for (String t : List.of("ots_a", "ots_b")) {
            out.add(
                    EMU.get().tablestore().rows(t).stream()
                            .map(SimulatedTablestore.Row::toString)
                            .sorted()
                            .collect(Collectors.toList()));
        }
        out.add(
                rows(raw, "SELECT k, s, v FROM copy ORDER BY k, s LIMIT 1000").stream()
                        .map(Object::toString)
                        .collect(Collectors.toList()));
        return out;
    }
}
