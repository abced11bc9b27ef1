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
package dev.lakeproxy.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.spi.sql.SqlSplice;
import dev.lakeproxy.spi.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.junit.jupiter.api.Test;

class SqlPositionsTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(100);

    private static List<String> tableNames(String sql) {
        ParsedSql parsed = ANALYZER.parse(sql);
        List<String> names = new ArrayList<>();
        new TablesNamesFinder<Void>() {
            @Override
            public <S> Void visit(Table table, S context) {
                names.add(parsed.positions().text(parsed.positions().nameSpan(table)));
                return super.visit(table, context);
            }
        }.getTables(parsed.statement());
        return names;
    }

    @Test
    void nameSpansCoverTheNameOnlyWhateverTheLayout() {
        assertEquals(List.of("t"), tableNames("SELECT * FROM t a"));
        assertEquals(List.of("s.t"), tableNames("SELECT *\tFROM\t\ts.t AS x"));
        assertEquals(List.of("\"My Tab\""), tableNames("SELECT 1 FROM \"My Tab\" m"));
        assertEquals(List.of("db . sch . tab"), tableNames("SELECT 1\n  FROM\n\tdb . sch . tab"));
    }

    @Test
    void tabsAndLinesMapToTheRightOffsets() {
        String sql = "SELECT a\n\t\tFROM x\n\tJOIN y ON x.id = y.id";
        assertEquals(
                List.of("x", "y"),
                tableNames(sql).stream().distinct().collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void spliceKeepsEverythingOutsideTheEdits() {
        String sql = "SELECT /*+ hint */ a FROM t -- tail";
        String out =
                SqlSplice.of(sql)
                        .replace(sql.indexOf(" t "), sql.indexOf(" t ") + 2, " u")
                        .insert(0, "/*x*/")
                        .apply();
        assertEquals("/*x*/SELECT /*+ hint */ a FROM u -- tail", out);
    }

    @Test
    void failuresAreResultsNotExceptions() {
        ParsedSql p = ANALYZER.parse("SELEC oops FROM");
        assertFalse(p.isParsed());
        assertNull(p.statement());
        assertTrue(p.failure() != null);
        assertTrue(ANALYZER.parse("SELEC oops FROM") == p, "failures are cached too");
    }

    @Test
    void lexicalChecksFindWholeWordsOnly() {
        assertTrue(SqlText.containsWord("select * FROM Orders", "orders"));
        assertFalse(SqlText.containsWord("select * from orders_2", "orders"));
        assertTrue(SqlText.startsWithKeyword("  /* c */ -- x\n (select 1)", "SELECT"));
        assertFalse(SqlText.startsWithKeyword("selection", "select"));
    }

    @Test
    void readsAreSelectsWithoutSideEffects() {
        assertTrue(ANALYZER.parse("SELECT * FROM t WHERE x = 'INSERT'").isRead());
        assertTrue(ANALYZER.parse("WITH a AS (SELECT 1) SELECT * FROM a JOIN b ON true").isRead());
        assertFalse(
                ANALYZER.parse("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d").isRead());
        assertFalse(ANALYZER.parse("SELECT * INTO t2 FROM t").isRead());
        assertFalse(ANALYZER.parse("SELECT * FROM t FOR UPDATE").isRead());
        assertFalse(ANALYZER.parse("SELECT nextval('s')").isRead());
        assertFalse(ANALYZER.parse("INSERT INTO t SELECT * FROM u").isRead());
        assertFalse(ANALYZER.parse("SELEC broken").isRead());
    }
}
