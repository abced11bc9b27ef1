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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexical scanner's reading of INSERT, USE SCHEMA and Tablestore DDL, without a server. */
class LexicalTest {

    @Test
    void insertShapes() {
        String text = "SET odps.sql.x=1;\n/*+ hint */ INSERT OVERWRITE TABLE p.s.`my t` "
                + "PARTITION (ds='2025', hr) (a, `b c`) SELECT 1, 2 FROM x -- tail";
        InsertStatement i = ins(text);
        assertEquals(List.of("p", "s", "my t"), i.target);
        assertEquals(List.of("a", "b c"), i.columns);
        assertEquals("2025", i.partition.get("ds"));
        assertTrue(i.partition.containsKey("hr") && i.partition.get("hr") == null);
        assertTrue(i.overwrite);
        assertFalse(i.values);
        assertEquals("SELECT 1, 2 FROM x", text.substring(i.queryBegin(), i.queryEnd()));
        assertTrue(ins("INSERT INTO t VALUES (1, 'a')").values);
        assertEquals(
                List.of("table"), ins("INSERT INTO table SELECT 1").target, "a table named table");
        assertTrue(
                ins("INSERT INTO t SELECT * FROM (SELECT 1 FROM x DISTRIBUTE BY rand()) q")
                        .distributed);
        assertTrue(ins("insert into t select a from x cluster by a").distributed);
        assertNull(
                ins("INSERT INTO t SELECT 1; INSERT INTO u SELECT 2"),
                "two statements: left alone");
        assertNull(ins("INSERT INTO t SELECT 'unclosed"), "not well formed: left alone");
        assertNull(ins("SELECT 1"));
        assertNull(
                ins("FROM src INSERT INTO a SELECT x INSERT INTO b SELECT y"),
                "multi-insert: left alone");
        String sql =
                "INSERT INTO t (a) -- c\n"
                    + "  SELECT a, count(*) FROM src WHERE s = ')--' GROUP BY a  ;";
        assertEquals(
                "INSERT INTO t (a) -- c\n"
                    + "  SELECT * FROM (SELECT a, count(*) FROM src WHERE s = ')--' GROUP BY a)"
                    + " lp_scatter DISTRIBUTE BY rand()  ;",
                ScatterForm.choose(sql, ins(sql)).sql,
                "every other character kept");
    }

    @Test
    void cteInserts() {
        String documented =
                "WITH a AS (SELECT * FROM src WHERE key IS NOT NULL), b AS (SELECT * FROM src2)\n"
                    + "INSERT OVERWRITE TABLE srcp PARTITION (p='abc') SELECT * FROM a UNION ALL"
                    + " SELECT * FROM b";
        InsertStatement i = ins(documented);
        assertEquals(List.of("srcp"), i.target);
        assertEquals("abc", i.partition.get("p"));
        assertEquals(
                "SELECT * FROM a UNION ALL SELECT * FROM b",
                documented.substring(i.queryBegin(), i.queryEnd()));
        InsertStatement inner = ins("INSERT INTO t WITH c AS (SELECT 1 x) SELECT x FROM c");
        assertEquals(
                "SELECT",
                inner.tokens.get(inner.bodyFirst).text,
                "the main SELECT after the WITH list");
        assertNull(ins("WITH a AS (SELECT 1) SELECT * FROM a"), "a CTE query is no INSERT");
        assertEquals(
                FirstKeyword.INSERT,
                FirstKeyword.of("WITH a AS (SELECT 1) INSERT INTO t SELECT * FROM a"));
        assertEquals(FirstKeyword.OTHER, FirstKeyword.of("WITH a AS (SELECT 1) SELECT * FROM a"));
    }

    @Test
    void multiInsertShapes() {
        String text = "SET odps.sql.allow.fullscan=true;\n/* c */ FROM p.src AS s -- shared\n"
                + "INSERT OVERWRITE TABLE a PARTITION (ds='1') SELECT k, v WHERE k > 1\n"
                + "INSERT INTO b SELECT k, (SELECT max(x) FROM y) FROM other;";
        MultiInsertStatement m = ScannedSql.scan(text).multiInsert();
        assertEquals(MultiInsertStatement.Source.TABLE, m.source);
        assertEquals(
                "p.src",
                text.substring(
                        m.tokens.get(m.sourceFirst).begin, m.tokens.get(m.sourceEnd - 1).end));
        assertTrue(m.aliased);
        assertEquals(2, m.branches.size());
        assertEquals(List.of("a"), m.branches.get(0).target);
        assertEquals("1", m.branches.get(0).partition.get("ds"));
        assertEquals(List.of("b"), m.branches.get(1).target);
        assertTrue(MultiInsertStatement.readsSharedSource(m.branches.get(0)));
        assertFalse(
                MultiInsertStatement.readsSharedSource(m.branches.get(1)),
                "a branch with its own FROM keeps it");
        assertEquals(
                MultiInsertStatement.Source.SUBQUERY,
                multi("FROM (SELECT * FROM x) q INSERT INTO a SELECT *").source);
        assertEquals(
                MultiInsertStatement.Source.SUBQUERY,
                multi("FROM (SELECT * FROM x) INSERT INTO a SELECT *").source);
        assertEquals(
                MultiInsertStatement.Source.OTHER,
                multi("FROM x JOIN y ON x.k = y.k INSERT INTO a SELECT x.k").source);
        assertEquals(
                MultiInsertStatement.Source.OTHER,
                multi("FROM x, y INSERT INTO a SELECT x.k").source);
        assertEquals(
                MultiInsertStatement.Source.OTHER,
                multi("FROM (x JOIN y ON x.k = y.k) INSERT INTO a SELECT 1").source);
        assertEquals(MultiInsertStatement.Source.OTHER,
                multi("FROM x LATERAL VIEW explode(arr) t AS e INSERT INTO a SELECT e").source);
        assertTrue(
                multi("FROM (SELECT * FROM x CLUSTER BY k) q INSERT INTO a SELECT *").distributed);
        assertFalse(
                multi("FROM x INSERT INTO a SELECT k DISTRIBUTE BY k").distributed,
                "a branch's own, not the source's");
        assertNull(multi("FROM x SELECT k"), "a FROM-first query");
        assertNull(
                multi("FROM x INSERT INTO a SELECT 1; INSERT INTO b SELECT 2"),
                "two statements: left alone");
        assertNull(multi("FROM x INSERT INTO a VALUES (1)"));
        assertNull(multi("INSERT INTO a SELECT 1"));
        assertEquals(
                FirstKeyword.MULTI_INSERT, FirstKeyword.of("-- c\nfrom x insert into a select 1"));
        assertEquals(FirstKeyword.OTHER, FirstKeyword.of("FROM x SELECT insert_time"));
        String sql =
                "FROM (SELECT k, v FROM src /* keep */ WHERE k > 0 -- tail\n"
                    + ") s INSERT INTO a SELECT k";
        assertEquals(
                "FROM (SELECT k, v FROM src /* keep */ WHERE k > 0 DISTRIBUTE BY rand() -- tail\n"
                    + ") s INSERT INTO a SELECT k",
                MultiInsertScatter.choose(sql, multi(sql)).sql,
                "every other character kept");
    }

    private static MultiInsertStatement multi(String sql) {
        return ScannedSql.scan(sql).multiInsert();
    }

    private static InsertStatement ins(String sql) {
        return ScannedSql.scan(sql).insert();
    }

    @Test
    void useSchema() {
        assertEquals("ods", ScannedSql.scan("USE SCHEMA ods;").useSchemaName());
        assertEquals("my s", ScannedSql.scan("use schema `my s`").useSchemaName());
        assertEquals("", ScannedSql.scan("USE SCHEMA").useSchemaName());
        assertNull(ScannedSql.scan("USE my_project").useSchemaName());
    }

    @Test
    void tablestoreDdlReading() {
        TablestoreDdl d =
                TablestoreDdl.parse(
                        "CREATE EXTERNAL TABLE IF NOT EXISTS p.t (a BIGINT COMMENT 'x, y', b"
                            + " DECIMAL(10,2)) STORED BY 'com.aliyun.odps.TableStoreStorageHandler'"
                            + " WITH SERDEPROPERTIES ('tablestore.columns.mapping'=':a,b',"
                            + " 'tablestore.table.name'='ots') LOCATION"
                            + " 'tablestore://i.cn-hangzhou.ots-internal.aliyuncs.com'");
        assertEquals("p.t", d.table);
        assertEquals(2, d.columns.size());
        List<String> v = d.violations();
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).contains("Column b is DECIMAL(10,2)"), v.get(0));
        assertNull(
                TablestoreDdl.parse(
                        "CREATE EXTERNAL TABLE t (a BIGINT) STORED BY"
                            + " 'com.aliyun.odps.CsvStorageHandler' LOCATION 'oss://x'"));
    }

    @Test
    void timestampPrecisionRule() {
        assertEquals(3, TableMeta.timestampPlaces("TIMESTAMP(0)"));
        assertEquals(3, TableMeta.timestampPlaces("timestamp(3)"));
        assertEquals(6, TableMeta.timestampPlaces("TIMESTAMP(4)"));
        assertEquals(6, TableMeta.timestampPlaces("TIMESTAMP(6)"));
        assertEquals(9, TableMeta.timestampPlaces("TIMESTAMP(7)"));
        assertEquals(9, TableMeta.timestampPlaces("TIMESTAMP"));
        assertEquals(-1, TableMeta.timestampPlaces("DATETIME"));
        Timestamp t = Timestamp.valueOf("2025-01-01 10:00:00.999999999");
        assertEquals(
                "2025-01-01 10:00:00.999",
                TimestampPrecisionRule.truncate(t, 3).toString(),
                "truncated, never rounded");
        assertEquals(
                "2025-01-01 10:00:00.999999", TimestampPrecisionRule.truncate(t, 6).toString());
        assertEquals(t, TimestampPrecisionRule.truncate(t, 9));
    }

    @Test
    void paimonWriteRules() {
        List<TableMeta.Col> cols = List.of(new TableMeta.Col("id", "BIGINT"));
        List<TableMeta.Col> part = List.of(new TableMeta.Col("ds", "STRING"));
        assertEquals(
                "dynamicBucket",
                new TableMeta(
                                "p",
                                "s",
                                "t",
                                null,
                                null,
                                java.util.Map.of("type", "paimon", "primary-key", "id"),
                                cols,
                                List.of())
                        .paimonWriteProblem());
        assertEquals(
                "dynamicBucket",
                new TableMeta(
                                "p",
                                "s",
                                "t",
                                null,
                                null,
                                java.util.Map.of("type", "paimon", "bucket", "-1"),
                                cols,
                                List.of())
                        .paimonWriteProblem());
        assertEquals(
                "crossPartition:ds",
                new TableMeta(
                                "p",
                                "s",
                                "t",
                                null,
                                null,
                                java.util.Map.of(
                                        "type", "paimon", "primary-key", "id", "bucket", "2"),
                                cols,
                                part)
                        .paimonWriteProblem());
        assertNull(
                new TableMeta(
                                "p",
                                "s",
                                "t",
                                null,
                                null,
                                java.util.Map.of(
                                        "type", "paimon", "primary-key", "id,ds", "bucket", "2"),
                                cols,
                                part)
                        .paimonWriteProblem());
        assertNull(
                new TableMeta(
                                "p",
                                "s",
                                "t",
                                null,
                                null,
                                java.util.Map.of("type", "paimon"),
                                cols,
                                part)
                        .paimonWriteProblem(),
                "append-only table, no primary key");
    }
}
