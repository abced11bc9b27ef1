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

import static dev.lakeproxy.odps.PluginTestSupport.explain;
import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.TABLESTORE_LOCATION;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.SimulatedTablestore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Property: generated INSERT ... SELECT statements into Tablestore external tables (joins, CTEs,
 * UNION ALL, GROUP BY, partitioned sources, column lists, comments, hints, quoted identifiers,
 * backticks, strings with {@code ;}, {@code --} and brackets) are rewritten to exactly {@code
 * prefix + <the query's scatter form> + suffix} (source, append or wrap, by shape), the rewrite is
 * again an INSERT the scanner reads (now distributed), and it runs on the emulator and writes the
 * same Tablestore rows as the original through raw odps-jdbc. {@code -Dodps.property.count=N}
 * (default 200) and {@code -Dodps.property.seed=S} (default 20251121); every one runs on the
 * emulator, raw and through lakeproxy.
 */
class ScatterPropertyTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(
                    b -> b.project("prop").tablestoreWriters(4).tablestoreBatchRows(20));

    static Connection raw;
    static Connection lp;

    @BeforeAll
    static void setUp() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().tablestore().createTable("ots_a");
        EMU.get().tablestore().createTable("ots_b");
        String url = EMU.get().jdbcUrl("prop");
        raw = connect(url);
        lp = connect(lake(url));
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
        StringBuilder v1 = new StringBuilder();
        StringBuilder v2 = new StringBuilder();
        StringBuilder v3 = new StringBuilder();
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
            v3.append(i == 0 ? "" : ", ")
                    .append("(")
                    .append(i + 100)
                    .append(", 'p")
                    .append(i)
                    .append("')");
        }
        update(raw, "INSERT INTO src1 VALUES " + v1);
        update(raw, "INSERT INTO src2 VALUES " + v2);
        update(raw, "INSERT INTO `src part` PARTITION (ds='20250101') VALUES " + v3);
        update(raw, "INSERT INTO `src part` PARTITION (ds='20250102') VALUES (1, 'other')");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        raw.close();
        lp.close();
    }

    static final String[] COMMENTS = {
        "", " ", "\n", " /* c */ ", "\n-- a comment; with ' and (\n", " /* multi\nline ) */\n"
    };

    static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    static final String RAND = " DISTRIBUTE BY rand()";

    static String wrap(String q) {
        return "SELECT * FROM (" + q + ") lp_scatter" + RAND;
    }

    static String source(String name) {
        return "(SELECT * FROM " + name + RAND + ") " + name;
    }

    /**
     * A query producing (k BIGINT, s STRING, v DOUBLE) rows, and its expected scattered form
     * (module docs, "Scatter forms"). Comments go inside it; a comment after its last token belongs
     * to the suffix.
     */
    static String[] query(Random r) {
        String c = pick(r, "", " /* inside */", "\n  -- inside (\n ");
        int limit = 5 + r.nextInt(40);
        switch (r.nextInt(9)) {
            case 0: {
                String w = c + " WHERE k < " + (10 + r.nextInt(50));
                return new String[] {
                    "SELECT k, s, v FROM src1" + w, "SELECT k, s, v FROM " + source("src1") + w
                };
            }
            case 1: {
                String q =
                        "SELECT /*+ MAPJOIN(b) */ a.k, b.w, a.v FROM src1 a"
                                + c
                                + " JOIN src2 b ON a.k = b.k";
                return new String[] {q, q + RAND};
            }
            case 2: {
                String with =
                        "WITH c AS (SELECT k, s, v FROM src1 WHERE k % 2 = "
                                + r.nextInt(2)
                                + ")"
                                + c;
                return new String[] {
                    with + " SELECT k, s, v FROM c",
                    with + " SELECT k, s, v FROM " + source("c")
                };
            }
            case 3: {
                String q =
                        "SELECT `k`, CONCAT(s, ';--)'), v FROM src1 WHERE s <> 'a;b' ORDER BY k"
                                + " LIMIT "
                                + limit;
                return new String[] {q, wrap(q)};
            }
            case 4: {
                String q =
                        "SELECT k, s, v FROM src1 WHERE k < 10"
                                + c
                                + " UNION ALL SELECT k + 1000, s, v FROM src1 WHERE k > 50";
                return new String[] {q, wrap(q)};
            }
            case 5: {
                String w = " WHERE ds = '2025010" + (1 + r.nextInt(2)) + "'";
                return new String[] {
                    "SELECT k, s, 1.0 FROM `src part`" + w,
                    "SELECT k, s, 1.0 FROM " + source("`src part`") + w
                };
            }
            case 6: {
                String q = "SELECT k % 7, max(s), sum(v) FROM src1 GROUP BY k % 7";
                return new String[] {q, wrap(q)};
            }
            case 7: {
                String q =
                        "SELECT x.k, x.s, x.v"
                                + c
                                + " FROM (SELECT k, s, v FROM src1 ORDER BY k DESC LIMIT 30) x";
                return new String[] {q, q + RAND};
            }
            default: {
                String q = "(SELECT k, 'q)' , (v + 1) * 2 FROM src1)";
                return new String[] {q, wrap(q)};
            }
        }
    }

    @Test
    void everyRewriteIsASpliceThatRunsAndWritesTheSameRows() throws SQLException {
        int count = Integer.getInteger("odps.property.count", 200);
        long seed = Long.getLong("odps.property.seed", 20251121L);
        Random r = new Random(seed);
        for (int n = 0; n < count; n++) {
            boolean b = r.nextBoolean();
            String target =
                    b ? pick(r, "`t b`", "prop.`t b`") : pick(r, "ta", "`ta`", "prop.ta", "TA");
            String prefix =
                    pick(r, COMMENTS)
                            + pick(r, "INSERT", "insert", "Insert")
                            + " "
                            + pick(r, "INTO", "OVERWRITE", "into")
                            + pick(r, " TABLE ", " table ", " ")
                            + target
                            + pick(r, COMMENTS)
                            + pick(r, "", "(k, s, v)", " (`k`, `s`, `v`) ", "(k,s,v)\n")
                            + pick(r, " ", "\n", " /* before the query */ ");
            String[] shape = query(r);
            String query = shape[0];
            String suffix = pick(r, "", ";", " ;", "\n-- trailing\n", "; -- after ;", " /* end */");
            String sql = prefix + query + suffix;
            String expected = prefix + shape[1] + suffix;
            String label = "#" + n + " seed " + seed + ": " + sql;

            Explanation x = explain(lp, sql);
            assertEquals(expected, x.finalSql(), "nothing changes outside the splice, " + label);
            InsertStatement again = ScannedSql.scan(x.finalSql()).insert();
            assertNotNull(again, "the rewrite is an INSERT again, " + label);
            assertTrue(again.distributed, label);

            // every statement also runs, raw and through lakeproxy, on the emulator (about 50 ms a
            // pair)
            String otsTable = b ? "ots_b" : "ots_a";
            fresh(otsTable);
            int rawCount = update(raw, sql);
            List<String> rawRows = stored(otsTable);
            fresh(otsTable);
            EMU.get().clearJobs();
            int lpCount = update(lp, sql);
            assertEquals(rawCount, lpCount, label);
            assertEquals(rawRows, stored(otsTable), "same rows written, " + label);
            assertEquals("rand()", EMU.get().lastTablestoreWrite().distributeBy(), label);
            String sent = EMU.get().submittedSql().get(0);
            assertTrue(sent.contains("DISTRIBUTE BY rand()"),
                    "the server ran the rewrite, " + label + " -> " + sent);
        }
    }

    private static void fresh(String otsTable) {
        EMU.get().tablestore().dropTable(otsTable);
        EMU.get().tablestore().createTable(otsTable);
    }

    private static List<String> stored(String otsTable) {
        return EMU.get().tablestore().rows(otsTable).stream()
                .map(SimulatedTablestore.Row::toString)
                .sorted()
                .collect(Collectors.toList());
    }
}
