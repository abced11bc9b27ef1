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
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.SimulatedTablestore;
import dev.lakeproxy.odpsemu.TablestoreWriteReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What MultiInsertScatterTest's cases share: the emulator project, raw and lakeproxy connections,
 * and the runs that compare what each of them wrote and sent.
 */
abstract class MultiInsertScatterCase {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(
                    b -> b.project("multi").tablestoreWriters(4).tablestoreBatchRows(50));

    static Connection raw;
    static Connection lp;

    static final String SORTED = "-- nightly split of a source sorted by the primary key\n"
            + "FROM src\n"
            + "INSERT OVERWRITE TABLE ots SELECT k, k * 10, v\n"
            + "INSERT OVERWRITE TABLE copy SELECT k, v WHERE k % 2 = 0;";

    /**
     * What one run left behind: the text the server got, the rows of both destinations, the
     * Tablestore write.
     */
    static final class Run {
        int count;
        String sent;
        List<String> tablestoreRows;
        List<List<Object>> copyRows;
        TablestoreWriteReport write;
    }

    @BeforeAll
    static void setUp() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().tablestore().createTable("ots_m");
        String url = EMU.get().jdbcUrl("multi");
        raw = connect(url);
        lp = connect(lake(url));
        update(
                raw,
                tablestoreDdl(
                        "ots",
                        "k bigint, x bigint, v string",
                        ":k,x,v",
                        "ots_m",
                        TABLESTORE_LOCATION));
        update(raw, "CREATE TABLE src (k BIGINT, v STRING)");
        update(raw, "CREATE TABLE copy (k BIGINT, v STRING)");
        update(raw, "CREATE TABLE other (k BIGINT, v STRING)");
        update(raw, "CREATE TABLE side (k BIGINT, w STRING)");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            values.append(i == 0 ? "" : ", ")
                    .append("(")
                    .append(i)
                    .append(", 'v")
                    .append(i % 7)
                    .append("')");
        }
        update(raw, "INSERT OVERWRITE TABLE src VALUES " + values);
        update(raw, "INSERT OVERWRITE TABLE side VALUES (1, 'a'), (2, 'b'), (300, 'c')");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        raw.close();
        lp.close();
    }

    static Run run(Connection c, String sql) throws SQLException {
        EMU.get().tablestore().dropTable("ots_m");
        EMU.get().tablestore().createTable("ots_m");
        EMU.get().clearJobs();
        int before = EMU.get().tablestoreWrites().size();
        Run r = new Run();
        r.count = update(c, sql);
        r.sent = EMU.get().submittedSql().get(EMU.get().submittedSql().size() - 1);
        r.tablestoreRows =
                EMU.get().tablestore().rows("ots_m").stream()
                        .map(SimulatedTablestore.Row::toString)
                        .sorted()
                        .collect(Collectors.toList());
        r.copyRows = rows(raw, "SELECT k, v FROM copy ORDER BY k LIMIT 1000");
        r.write =
                EMU.get().tablestoreWrites().size() > before
                        ? EMU.get().lastTablestoreWrite()
                        : null;
        return r;
    }

    /**
     * Runs {@code sql} raw, then through lakeproxy; both must write the same rows. Returns both
     * runs.
     */
    static Run[] sameRows(String sql) throws SQLException {
        Run r = run(raw, sql);
        Run l = run(lp, sql);
        assertEquals(r.count, l.count, sql);
        assertEquals(
                r.tablestoreRows, l.tablestoreRows, "the same Tablestore rows either way: " + sql);
        assertEquals(r.copyRows, l.copyRows, "the same internal-table rows either way: " + sql);
        return new Run[] {r, l};
    }

    /**
     * A statement lakeproxy leaves as written: explain says why, and the server gets what raw
     * odps-jdbc sends.
     */
    static Run leftAsWritten(String sql, String note) throws SQLException {
        Explanation x = explain(lp, sql);
        assertFalse(x.rewritten());
        assertEquals(sql, x.finalSql());
        assertTrue(x.actions().toString().contains(note), x.actions().toString());
        Run[] runs = sameRows(sql);
        assertEquals(runs[0].sent, runs[1].sent, "byte for byte");
        return runs[1];
    }
}
