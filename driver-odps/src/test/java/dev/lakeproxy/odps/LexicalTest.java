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
        InsertStatement i = InsertStatement.parse(text);
        assertEquals(List.of("p", "s", "my t"), i.target);
        assertEquals(List.of("a", "b c"), i.columns);
        assertEquals("2025", i.partition.get("ds"));
        assertTrue(i.partition.containsKey("hr") && i.partition.get("hr") == null);
        assertTrue(i.overwrite);
        assertFalse(i.values);
        assertEquals("SELECT 1, 2 FROM x", text.substring(i.queryBegin, i.queryEnd));
        assertTrue(InsertStatement.parse("INSERT INTO t VALUES (1, 'a')").values);
        assertEquals(List.of("table"), InsertStatement.parse("INSERT INTO table SELECT 1").target, "a table named table");
        assertTrue(InsertStatement.parse("INSERT INTO t SELECT * FROM (SELECT 1 FROM x DISTRIBUTE BY rand()) q").distributed);
        assertTrue(InsertStatement.parse("insert into t select a from x cluster by a").distributed);
        assertNull(InsertStatement.parse("INSERT INTO t SELECT 1; INSERT INTO u SELECT 2"), "two statements: left alone");
        assertNull(InsertStatement.parse("INSERT INTO t SELECT 'unclosed"), "not well formed: left alone");
        assertNull(InsertStatement.parse("SELECT 1"));
        assertNull(InsertStatement.parse("FROM src INSERT INTO a SELECT x INSERT INTO b SELECT y"), "multi-insert: left alone");
        String sql = "INSERT INTO t (a) -- c\n  SELECT a FROM src WHERE s = ')--'  ;";
        InsertStatement s = InsertStatement.parse(sql);
        assertEquals("INSERT INTO t (a) -- c\n  SELECT * FROM (SELECT a FROM src WHERE s = ')--') lp_scatter DISTRIBUTE BY rand()  ;",
                OdpsSession.scatter(sql, s));
    }

    @Test
    void useSchema() {
        assertEquals("ods", OdpsSession.useSchemaName("USE SCHEMA ods;"));
        assertEquals("my s", OdpsSession.useSchemaName("use schema `my s`"));
        assertEquals("", OdpsSession.useSchemaName("USE SCHEMA"));
        assertNull(OdpsSession.useSchemaName("USE my_project"));
    }

    @Test
    void tablestoreDdlReading() {
        TablestoreDdl d = TablestoreDdl.parse("CREATE EXTERNAL TABLE IF NOT EXISTS p.t (a BIGINT COMMENT 'x, y', b DECIMAL(10,2)) "
                + "STORED BY 'com.aliyun.odps.TableStoreStorageHandler' WITH SERDEPROPERTIES ('tablestore.columns.mapping'=':a,b', "
                + "'tablestore.table.name'='ots') LOCATION 'tablestore://i.cn-hangzhou.ots-internal.aliyuncs.com'");
        assertEquals("p.t", d.table);
        assertEquals(2, d.columns.size());
        List<String> v = d.violations();
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).contains("Column b is DECIMAL(10,2)"), v.get(0));
        assertNull(TablestoreDdl.parse("CREATE EXTERNAL TABLE t (a BIGINT) STORED BY 'com.aliyun.odps.CsvStorageHandler' LOCATION 'oss://x'"));
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
        assertEquals("2025-01-01 10:00:00.999", OdpsSession.truncate(t, 3).toString(), "truncated, never rounded");
        assertEquals("2025-01-01 10:00:00.999999", OdpsSession.truncate(t, 6).toString());
        assertEquals(t, OdpsSession.truncate(t, 9));
    }

    @Test
    void paimonWriteRules() {
        List<TableMeta.Col> cols = List.of(new TableMeta.Col("id", "BIGINT"));
        List<TableMeta.Col> part = List.of(new TableMeta.Col("ds", "STRING"));
        assertEquals("dynamicBucket", new TableMeta("p", "s", "t", null, null, java.util.Map.of("type", "paimon", "primary-key", "id"),
                cols, List.of()).paimonWriteProblem());
        assertEquals("dynamicBucket", new TableMeta("p", "s", "t", null, null, java.util.Map.of("type", "paimon", "bucket", "-1"),
                cols, List.of()).paimonWriteProblem());
        assertEquals("crossPartition:ds", new TableMeta("p", "s", "t", null, null,
                java.util.Map.of("type", "paimon", "primary-key", "id", "bucket", "2"), cols, part).paimonWriteProblem());
        assertNull(new TableMeta("p", "s", "t", null, null, java.util.Map.of("type", "paimon", "primary-key", "id,ds", "bucket", "2"),
                cols, part).paimonWriteProblem());
        assertNull(new TableMeta("p", "s", "t", null, null, java.util.Map.of("type", "paimon"), cols, part).paimonWriteProblem(),
                "append-only table, no primary key");
    }
}
