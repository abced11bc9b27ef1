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
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.TABLESTORE_LOCATION;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.messages;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tablestore DDL checks before submission, and Tablestore write errors explained; each against raw
 * odps-jdbc.
 */
class TablestoreDdlAndErrorsTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(
                    b -> b.project("otsx").tablestoreWriters(4).tablestoreBatchRows(50));

    static Connection raw;
    static Connection lp;

    @BeforeAll
    static void setUp() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().tablestore().createTable("t_exists");
        String url = EMU.get().jdbcUrl("otsx");
        raw = connect(url);
        lp = connect(lake(url));
    }

    @AfterAll
    static void tearDown() throws SQLException {
        raw.close();
        lp.close();
    }

    /** lakeproxy refuses before any job; raw odps-jdbc submits a job that the server rejects. */
    private static SQLException refusedBeforeSubmission(String ddl) {
        EMU.get().clearJobs();
        SQLException e = assertThrows(SQLException.class, () -> update(lp, ddl));
        assertEquals(List.of(), EMU.get().submittedSql(), "no job submitted");
        assertEquals("42000", e.getSQLState());
        SQLException rawError = assertThrows(SQLException.class, () -> update(raw, ddl));
        assertEquals(
                1,
                EMU.get().submittedSql().size(),
                "raw odps-jdbc submits the job: " + messages(rawError));
        return e;
    }

    @Test
    void eachRuleIsCheckedBeforeSubmission() {
        String m =
                refusedBeforeSubmission(
                                tablestoreDdl(
                                        "bad1",
                                        "a bigint, b string",
                                        ":a",
                                        "t_exists",
                                        TABLESTORE_LOCATION))
                        .getMessage();
        assertTrue(
                m.contains(
                        "'tablestore.columns.mapping' has 1 entries (:a) but the table has 2"
                            + " columns (a, b)"),
                m);
        m =
                refusedBeforeSubmission(
                                tablestoreDdl(
                                        "bad2",
                                        "a bigint, b string",
                                        "a,b",
                                        "t_exists",
                                        TABLESTORE_LOCATION))
                        .getMessage();
        assertTrue(m.contains("0 primary-key columns") && m.contains("1 to 4"), m);
        m =
                refusedBeforeSubmission(
                                tablestoreDdl(
                                        "bad3",
                                        "a bigint, b bigint, c bigint, d bigint, e bigint",
                                        ":a,:b,:c,:d,:e",
                                        "t_exists",
                                        TABLESTORE_LOCATION))
                        .getMessage();
        assertTrue(m.contains("5 primary-key columns") && m.contains(":a,:b,:c,:d,:e"), m);
        m =
                refusedBeforeSubmission(
                                tablestoreDdl(
                                        "bad4",
                                        "a double, b string",
                                        ":a,b",
                                        "t_exists",
                                        TABLESTORE_LOCATION))
                        .getMessage();
        assertTrue(
                m.contains("Primary-key column a (mapping entry :a) is DOUBLE")
                        && m.contains("STRING, BIGINT (INTEGER) or BINARY"),
                m);
        m =
                refusedBeforeSubmission(
                                tablestoreDdl(
                                        "bad5",
                                        "a bigint, b string",
                                        ":a,b",
                                        null,
                                        TABLESTORE_LOCATION))
                        .getMessage();
        assertTrue(m.contains("no 'tablestore.table.name'"), m);
        m =
                refusedBeforeSubmission(
                                tablestoreDdl(
                                        "bad6",
                                        "a bigint, b string",
                                        ":a,b",
                                        "t_exists",
                                        "oss://bucket/path"))
                        .getMessage();
        assertTrue(m.contains("LOCATION is 'oss://bucket/path'") && m.contains("tablestore://"), m);
        m =
                refusedBeforeSubmission(
                                tablestoreDdl(
                                        "bad7",
                                        "a bigint, b datetime",
                                        ":a,b",
                                        "t_exists",
                                        TABLESTORE_LOCATION))
                        .getMessage();
        assertTrue(
                m.contains("Column b is DATETIME")
                        && m.contains("STRING, BIGINT, DOUBLE, BOOLEAN or BINARY"),
                m);
    }

    @Test
    void oneMessagePerViolation() throws SQLException {
        String ddl =
                tablestoreDdl(
                        "`bad_many`", "k double, v datetime, w string", ":k,v", null, "oss://x");
        SQLException e = refusedBeforeSubmission(ddl);
        String m = e.getMessage();
        assertTrue(
                m.contains("CREATE EXTERNAL TABLE bad_many")
                        && m.contains("breaks 5 Tablestore rule(s)"),
                m);
        List<String> each = new ArrayList<>();
        for (SQLException n = e.getNextException(); n != null; n = n.getNextException()) {
            each.add(n.getMessage());
        }
        assertEquals(5, each.size(), each.toString());
        assertTrue(
                each.get(0).contains("2 entries") && each.get(1).contains("Primary-key column k"),
                each.toString());
        assertTrue(each.get(2).contains("tablestore.table.name") && each.get(3).contains("LOCATION")
                && each.get(4).contains("Column v is DATETIME"), each.toString());
        Explanation x = explain(lp, ddl);
        assertNotNull(x.refusal());
        assertTrue(x.refusal().contains("breaks 5"), x.refusal());
        assertTrue(counter(lp, "odps.tablestoreDdlRefused") >= 1);
        assertTrue(counter(lp, "refused") >= 1);
    }

    @Test
    void validDdlPassesAndOtherDdlIsNotChecked() throws SQLException {
        EMU.get().clearJobs();
        update(
                lp,
                tablestoreDdl(
                        "good",
                        "k bigint, d string, v double, f boolean, b binary",
                        ":k,:d,v,f,b",
                        "t_exists",
                        TABLESTORE_LOCATION));
        assertEquals(1, EMU.get().submittedSql().size());
        assertFalse(
                explain(
                                lp,
                                "CREATE EXTERNAL TABLE oss_t (a bigint) STORED BY"
                                    + " 'com.aliyun.odps.CsvStorageHandler' LOCATION 'oss://b/p'")
                        .rewritten());
        assertTrue(explain(lp, "CREATE TABLE plain (a datetime)").actions().isEmpty());
    }

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

    @Test
    void missingTablestoreTableInDdlIsExplainedAsTheDdls() throws SQLException {
        String ddl =
                tablestoreDdl(
                        "never_there",
                        "k bigint, v string",
                        ":k,v",
                        "ots_never",
                        TABLESTORE_LOCATION);
        SQLException rawError = assertThrows(SQLException.class, () -> update(raw, ddl));
        SQLException e = assertThrows(SQLException.class, () -> update(lp, ddl));
        assertTrue(messages(rawError).contains("ots_never"), messages(rawError));
        assertTrue(
                e.getMessage()
                        .contains(
                                "The Tablestore table ots_never behind external table never_there,"
                                    + " which this CREATE EXTERNAL TABLE defines, does not exist"),
                e.getMessage());
    }
}
