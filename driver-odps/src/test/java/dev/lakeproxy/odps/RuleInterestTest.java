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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Each rule's cheap lexical interest (the one first-keyword dispatch), each scatter shape, and the
 * metadata guard.
 */
class RuleInterestTest {

    @Test
    void eachRuleLooksOnlyAtItsStatements() {
        UseSchemaRule use = new UseSchemaRule(null);
        TablestoreDdlRule ddl = new TablestoreDdlRule(null);
        PaimonWriteGuardRule guard = new PaimonWriteGuardRule(null);
        TableCacheRule cache = new TableCacheRule(null);
        assertTrue(use.interested("/* c */ use schema ods"));
        assertFalse(use.interested("USE my_project"));
        assertTrue(
                ddl.interested(
                        "CREATE EXTERNAL TABLE t (a BIGINT) STORED BY"
                            + " 'com.aliyun.odps.TableStoreStorageHandler'"));
        assertFalse(ddl.interested("CREATE TABLE t (a BIGINT)"));
        assertTrue(guard.interested("-- x\nINSERT INTO t VALUES (1)"));
        assertTrue(guard.interested("SET a=b;\nINSERT INTO t SELECT 1"));
        assertTrue(guard.interested("WITH c AS (SELECT 1) INSERT INTO t SELECT * FROM c"));
        assertFalse(guard.interested("SELECT insert_time FROM t"));
        assertTrue(
                cache.interested("DROP TABLE t")
                        && cache.interested("alter table t add partition (ds='1')"));
        assertFalse(cache.interested("SELECT 1"));
        // the scatter rule's interest: INSERT or MULTI_INSERT
        assertEquals(
                FirstKeyword.MULTI_INSERT,
                FirstKeyword.of("FROM src INSERT INTO t SELECT k INSERT INTO u SELECT v"));
        assertEquals(
                FirstKeyword.INSERT,
                FirstKeyword.of("SET a=b;\nFROM src INSERT INTO t SELECT k"),
                "read after SET");
        assertEquals(
                FirstKeyword.OTHER,
                FirstKeyword.of("FROM src SELECT k"),
                "a FROM-first query does not write");
        assertTrue(
                guard.interested("FROM src INSERT INTO t SELECT k"),
                "a MULTI INSERT branch may write a Paimon table");
        assertEquals(FirstKeyword.OTHER, FirstKeyword.of("SELECT * FROM inserted"));
        assertEquals(FirstKeyword.OTHER, FirstKeyword.of("INSERTED"));
    }

    @Test
    void eachMultiInsertSourceGetsItsForm() {
        assertEquals(
                ScatterForm.Kind.SOURCE,
                multiForm("FROM src INSERT INTO o SELECT a INSERT INTO p SELECT b"));
        assertEquals(ScatterForm.Kind.SOURCE, multiForm("FROM p.s.src x INSERT INTO o SELECT x.a"));
        assertEquals(
                ScatterForm.Kind.APPEND,
                multiForm("FROM (SELECT a FROM x JOIN y ON x.a = y.a) s INSERT INTO o SELECT a"));
        assertEquals(
                ScatterForm.Kind.NONE,
                multiForm(
                        "FROM (SELECT a, count(*) c FROM x GROUP BY a) s INSERT INTO o SELECT a"));
        assertEquals(
                ScatterForm.Kind.NONE,
                multiForm("FROM (SELECT a FROM x ORDER BY a LIMIT 3) s INSERT INTO o SELECT a"));
        assertEquals(
                ScatterForm.Kind.NONE,
                multiForm(
                        "FROM (SELECT a FROM x UNION ALL SELECT a FROM y) s INSERT INTO o SELECT"
                            + " a"));
        assertEquals(
                ScatterForm.Kind.NONE,
                multiForm("FROM (SELECT DISTINCT a FROM x) s INSERT INTO o SELECT a"));
        assertEquals(
                ScatterForm.Kind.NONE,
                multiForm("FROM x JOIN y ON x.a = y.a INSERT INTO o SELECT x.a"));
    }

    private static ScatterForm.Kind multiForm(String sql) {
        return MultiInsertScatter.choose(sql, ScannedSql.scan(sql).multiInsert()).kind;
    }

    @Test
    void eachShapeGetsItsForm() {
        assertEquals(
                ScatterForm.Kind.SOURCE, form("INSERT INTO o SELECT a, b FROM src s WHERE a > 1"));
        assertEquals(
                ScatterForm.Kind.APPEND,
                form("INSERT INTO o SELECT x.a, y.a FROM x JOIN y ON x.a = y.a"));
        assertEquals(
                ScatterForm.Kind.APPEND, form("INSERT INTO o SELECT a + 1, upper(b) FROM x, y"));
        assertEquals(
                ScatterForm.Kind.WRAP, form("INSERT INTO o SELECT a, count(*) FROM x GROUP BY a"));
        assertEquals(ScatterForm.Kind.WRAP, form("INSERT INTO o SELECT DISTINCT a FROM x"));
        assertEquals(
                ScatterForm.Kind.WRAP,
                form("INSERT INTO o SELECT a, row_number() OVER (ORDER BY a) FROM x"));
        assertEquals(
                ScatterForm.Kind.WRAP, form("INSERT INTO o SELECT a FROM x ORDER BY a LIMIT 3"));
        assertEquals(
                ScatterForm.Kind.WRAP,
                form("INSERT INTO o SELECT a FROM x UNION ALL SELECT a FROM y"));
        assertEquals(ScatterForm.Kind.NONE, form("INSERT INTO o SELECT a FROM x ORDER BY a"));
        assertEquals(
                ScatterForm.Kind.NONE,
                form("INSERT INTO o SELECT x.a, y.a FROM x JOIN y ON x.a = y.a GROUP BY x.a, y.a"));
        assertEquals(
                ScatterForm.Kind.WRAP,
                form(
                        "INSERT INTO o SELECT x.a, y.a AS a2 FROM x JOIN y ON x.a = y.a GROUP BY"
                            + " x.a, y.a"));
        assertEquals(
                ScatterForm.Kind.WRAP,
                form("INSERT INTO o SELECT a IS NULL, b IS NULL FROM x GROUP BY a, b"),
                "IS NULL is no alias: _c0, _c1");
    }

    private static ScatterForm.Kind form(String sql) {
        return ScatterForm.choose(sql, ScannedSql.scan(sql).insert()).kind;
    }

    @Test
    void aRuntimeExceptionFromTheDriversMetadataBecomesAnSqlException() {
        DatabaseMetaData throwing =
                (DatabaseMetaData)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {DatabaseMetaData.class},
                                (p, m, a) -> {
                                    throw new IllegalStateException(
                                            "odps-jdbc bug in " + m.getName());
                                });
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () ->
                                dev.lakeproxy.odps.jdbc.DocumentedMetaData.over(throwing)
                                        .getFunctions(null, null, null));
        assertTrue(e.getMessage().contains("DatabaseMetaData.getFunctions"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }
}
