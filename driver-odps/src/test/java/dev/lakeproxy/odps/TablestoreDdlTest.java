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
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.TABLESTORE_LOCATION;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.messages;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.Explanation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tablestore DDL checked before submission, against raw odps-jdbc. */
class TablestoreDdlTest extends TablestoreProject {

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
