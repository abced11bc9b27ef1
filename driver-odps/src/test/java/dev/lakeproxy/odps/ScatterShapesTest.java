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
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.messages;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.SimulatedTablestore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scatter form per query shape (issue 12, part 2; module docs "Scatter forms"): each statement
 * is run raw and through lakeproxy on the emulator, which applies MaxCompute's query-shape rules;
 * both write the same rows.
 */
class ScatterShapesTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("shapes"));

    static Connection raw;
    static Connection lp;

    @BeforeAll
    static void setUp() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().tablestore().createTable("ots_s");
        String url = EMU.get().jdbcUrl("shapes");
        raw = connect(url);
        lp = connect(lake(url));
        update(
                raw,
                tablestoreDdl(
                        "ots",
                        "k bigint, x bigint, v string",
                        ":k,x,v",
                        "ots_s",
                        TABLESTORE_LOCATION));
        update(raw, "CREATE TABLE a (id BIGINT, v STRING)");
        update(raw, "CREATE TABLE b (id BIGINT, w STRING)");
        update(raw, "INSERT INTO a VALUES (1, 'x'), (2, 'y'), (3, 'z')");
        update(raw, "INSERT INTO b VALUES (1, 'p'), (2, 'q')");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        raw.close();
        lp.close();
    }

    /**
     * Runs {@code sql} raw and through lakeproxy; both must write the same rows. Returns
     * lakeproxy's final SQL.
     */
    private static String sameRows(String sql, String form) throws SQLException {
        Explanation x = explain(lp, sql);
        assertTrue(x.actions().toString().contains(form + " form"), x.actions().toString());
        fresh();
        int rawCount = update(raw, sql);
        List<String> rawRows = stored();
        fresh();
        EMU.get().clearJobs();
        assertEquals(rawCount, update(lp, sql), sql);
        assertEquals(rawRows, stored(), sql);
        assertEquals("rand()", EMU.get().lastTablestoreWrite().distributeBy(), sql);
        return x.finalSql();
    }

    @Test
    void joinWithDuplicateOutputNamesTakesTheAppendForm() throws SQLException {
        String sql = "INSERT INTO ots SELECT a.id, b.id, a.v FROM a JOIN b ON a.id = b.id";
        assertEquals(sql + " DISTRIBUTE BY rand()", sameRows(sql, "APPEND"));
        // the wrapping form would not be valid: the emulator refuses it as MaxCompute does
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () ->
                                update(
                                        raw,
                                        "INSERT INTO ots SELECT * FROM (SELECT a.id, b.id, a.v FROM"
                                            + " a JOIN b ON a.id = b.id) s DISTRIBUTE BY rand()"));
        assertTrue(messages(e).contains("ambiguous"), messages(e));
    }

    @Test
    void groupByWithUnnamedExpressionsIsWrapped() throws SQLException {
        String sql = "INSERT INTO ots SELECT id, count(*), max(v) FROM a GROUP BY id";
        assertEquals(
                "INSERT INTO ots SELECT * FROM (SELECT id, count(*), max(v) FROM a GROUP BY id)"
                    + " lp_scatter DISTRIBUTE BY rand()",
                sameRows(sql, "WRAP"));
    }

    @Test
    void orderByWithLimitIsWrapped() throws SQLException {
        String sql = "INSERT INTO ots SELECT id, id * 10, v FROM a ORDER BY id LIMIT 2";
        assertEquals(
                "INSERT INTO ots SELECT * FROM (SELECT id, id * 10, v FROM a ORDER BY id LIMIT 2)"
                    + " lp_scatter DISTRIBUTE BY rand()",
                sameRows(sql, "WRAP"));
    }

    @Test
    void unionAllIsWrapped() throws SQLException {
        String sql =
                "INSERT INTO ots SELECT id, 0, v FROM a UNION ALL SELECT id + 100, 1, w FROM b";
        assertEquals(
                "INSERT INTO ots SELECT * FROM (SELECT id, 0, v FROM a UNION ALL SELECT id + 100,"
                    + " 1, w FROM b) lp_scatter DISTRIBUTE BY rand()",
                sameRows(sql, "WRAP"));
    }

    @Test
    void cteInsertsAreScattered() throws SQLException {
        String documented = "WITH s AS (SELECT id, v FROM a WHERE id IS NOT NULL)\n"
                + "INSERT OVERWRITE TABLE ots SELECT id, id * 10, v FROM s";
        assertEquals(
                "WITH s AS (SELECT id, v FROM a WHERE id IS NOT NULL)\n"
                    + "INSERT OVERWRITE TABLE ots SELECT id, id * 10, v FROM (SELECT * FROM s"
                    + " DISTRIBUTE BY rand()) s",
                sameRows(documented, "SOURCE"));
        String grouped =
                "WITH s AS (SELECT id, v FROM a) INSERT INTO ots SELECT id, count(*), max(v) FROM s"
                    + " GROUP BY id";
        assertTrue(
                sameRows(grouped, "WRAP")
                        .endsWith(
                                "FROM (SELECT id, count(*), max(v) FROM s GROUP BY id) lp_scatter "
                                        + "DISTRIBUTE BY rand()"));
    }

    @Test
    void orderByWithoutLimitIsLeftAsWritten() throws SQLException {
        String sql = "INSERT INTO ots SELECT id, 0, v FROM a ORDER BY id";
        Explanation x = explain(lp, sql);
        assertFalse(x.rewritten());
        assertTrue(
                x.actions().toString().contains("ORDER BY without LIMIT"), x.actions().toString());
        SQLException rawError = assertThrows(SQLException.class, () -> update(raw, sql));
        SQLException lpError = assertThrows(SQLException.class, () -> update(lp, sql));
        assertTrue(
                messages(rawError).contains("ORDER BY must be used with a LIMIT clause"),
                messages(rawError));
        String serverSays = rawError.getMessage().substring(rawError.getMessage().indexOf("ODPS-"));
        assertTrue(
                lpError.getMessage().endsWith(serverSays),
                "MaxCompute's own error about the user's text: " + lpError);
    }

    @Test
    void groupByWithDuplicateOutputNamesIsLeftAsWritten() throws SQLException {
        String sql =
                "INSERT INTO ots SELECT a.id, b.id, max(a.v) FROM a JOIN b ON a.id = b.id GROUP BY"
                    + " a.id, b.id";
        Explanation x = explain(lp, sql);
        assertFalse(x.rewritten());
        assertTrue(x.actions().toString().contains("column id twice"), x.actions().toString());
        fresh();
        EMU.get().clearJobs();
        assertEquals(2, update(lp, sql));
        // not scattered by lakeproxy: the query's own GROUP BY deals the rows out by its key
        assertEquals("a.id, b.id", EMU.get().lastTablestoreWrite().distributeBy());
    }

    private static void fresh() {
        EMU.get().tablestore().dropTable("ots_s");
        EMU.get().tablestore().createTable("ots_s");
    }

    private static List<String> stored() {
        return EMU.get().tablestore().rows("ots_s").stream()
                .map(SimulatedTablestore.Row::toString)
                .sorted()
                .collect(Collectors.toList());
    }
}
