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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MaxCompute's documented query-shape rules ("Rewrite incompatible SQL statements") and the shapes
 * of the lakeproxy Tablestore scatter rewrite (module README, "Query-shape rules").
 */
class QueryShapeRulesTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("q"));

    @BeforeAll
    static void tables() {
        MaxComputeEmulator emu = EMU.get();
        emu.execute("q", "CREATE TABLE a (id BIGINT, v STRING)");
        emu.execute("q", "CREATE TABLE b (id BIGINT, w STRING)");
        emu.execute("q", "INSERT INTO a VALUES (1L, 'x'), (2L, 'y')");
        emu.execute("q", "INSERT INTO b VALUES (1L, 'p'), (2L, 'q')");
    }

    private static String run(String sql) {
        return EMU.get().execute("q", sql);
    }

    private static String refused(String sql) {
        return assertThrows(OdpsSqlException.class, () -> run(sql)).getMessage();
    }

    @Test
    void orderByNeedsLimitAtEveryLevel() {
        String top = refused("SELECT id FROM a ORDER BY id");
        assertEquals(
                "ODPS-0130071:[1,18] Semantic analysis exception - ORDER BY must be used with a"
                        + " LIMIT clause, please set odps.sql.validate.orderby.limit=false to use"
                        + " it.",
                top);
        assertTrue(
                refused("SELECT * FROM (SELECT id FROM a ORDER BY id) t LIMIT 5")
                        .contains("ORDER BY must be used with a LIMIT clause"));
        assertEquals("\"id\"\n2\n1\n", run("SELECT id FROM a ORDER BY id DESC LIMIT 5"));
        assertEquals(
                "\"id\",\"rn\"\n1,1\n2,1\n",
                run(
                        "SELECT id, row_number() OVER (PARTITION BY id ORDER BY v) rn FROM a"
                                + " ORDER BY id LIMIT 5"));
        assertEquals(
                "\"id\"\n1\n2\n",
                EMU.get()
                        .execute(
                                "q",
                                "SELECT id FROM a ORDER BY id",
                                Map.of("odps.sql.validate.orderby.limit", "false")));
    }

    @Test
    void selectStarWithGroupBy() {
        assertEquals(
                "ODPS-0130071:[1,1] Semantic analysis exception - column reference a.v should"
                        + " appear in GROUP BY key",
                refused("SELECT * FROM a GROUP BY id"));
        assertEquals("\"id\",\"v\"\n1,x\n", run("SELECT * FROM a WHERE id = 1 GROUP BY id, v"));
    }

    @Test
    void generatedAliases() {
        assertEquals(
                "\"_c0\",\"id\",\"_c2\"\n2,1,2\n",
                run("SELECT count(*), min(id) id, 1 + 1 FROM a"));
        assertEquals("\"_c0\"\n2\n", run("SELECT _c0 FROM (SELECT count(*) FROM a) t"));
        assertEquals("\"n\"\n2\n", run("SELECT count(*) n FROM a"));
    }

    @Test
    void duplicateAndAmbiguousNames() {
        // top level: accepted; the second id is renamed, as odps-sdk's TableSchema refuses twins
        assertEquals(
                "\"id\",\"_c1\"\n1,1\n",
                run("SELECT a.id, b.id FROM a JOIN b ON a.id = b.id WHERE a.id = 1"));
        assertTrue(
                refused("SELECT * FROM (SELECT a.id, b.id FROM a JOIN b ON a.id = b.id) t")
                        .contains("id is ambiguous"));
        assertTrue(
                refused("SELECT id, v AS id FROM a ORDER BY id LIMIT 3").contains("is ambiguous"));
        assertTrue(refused("SELECT * AS x FROM a").startsWith("ODPS-0130161"));
    }

    @Test
    void repeatedColumnsInDdlAndPartitionSpecs() {
        assertEquals(
                "ODPS-0130071:[1,1] Semantic analysis exception - column repeated in creation: a",
                refused("CREATE TABLE rep (a BIGINT, b BIGINT, a BIGINT)"));
        assertTrue(
                refused("CREATE TABLE rep (a BIGINT, ds STRING) PARTITIONED BY (ds STRING)")
                        .endsWith("column repeated in creation: ds"));
        run("CREATE TABLE parted (a BIGINT) PARTITIONED BY (ds STRING)");
        assertTrue(
                refused("INSERT OVERWRITE TABLE parted PARTITION (ds='1', ds='2') SELECT 1L")
                        .endsWith("duplicated partition column ds"));
    }

    @Test
    void scatterForms() {
        // wrap form: SELECT * FROM (<query>) alias DISTRIBUTE BY rand()
        run("SELECT * FROM (SELECT id, v FROM a ORDER BY id LIMIT 10) s DISTRIBUTE BY rand()");
        run("SELECT * FROM (SELECT id, count(*) FROM a GROUP BY id) s DISTRIBUTE BY rand()");
        run("SELECT * FROM (SELECT id FROM a UNION ALL SELECT id FROM b) s DISTRIBUTE BY rand()");
        assertTrue(
                refused("SELECT * FROM (SELECT id FROM a ORDER BY id) s DISTRIBUTE BY rand()")
                        .contains("ORDER BY must be used with a LIMIT clause"));
        assertTrue(
                refused(
                                "SELECT * FROM (SELECT a.id, b.id FROM a JOIN b ON a.id = b.id) s"
                                        + " DISTRIBUTE BY rand()")
                        .contains("is ambiguous"));
        // source form: the user's select list stays at the top
        assertEquals(
                "\"id\",\"_c1\"\n1,1\n2,2\n",
                run(
                        "SELECT a.id, b.id FROM (SELECT * FROM a DISTRIBUTE BY rand()) a JOIN b ON"
                                + " a.id = b.id ORDER BY a.id LIMIT 10"));
    }
}
