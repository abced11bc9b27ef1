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
package dev.lakeproxy.spi.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void wholeWordsIgnoringCase() {
        assertTrue(SqlText.containsWord("select * FROM Orders", "orders"));
        assertFalse(SqlText.containsWord("select * from orders_2", "orders"));
        assertFalse(SqlText.containsWord("", "x"));
        assertTrue(SqlText.containsAnyWord("a b c", "z", "b"));
    }

    @Test
    void firstKeywordAfterCommentsAndBrackets() {
        assertTrue(SqlText.startsWithKeyword("  /* c */ -- x\n (select 1)", "SELECT"));
        assertFalse(SqlText.startsWithKeyword("selection", "select"));
        assertTrue(SqlText.keywordAt("/* c */ insert into t", 8, "INSERT"));
        assertFalse(SqlText.keywordAt("/* c */ inserted", 8, "INSERT"));
        assertEquals(4, SqlText.firstTokenStart("-- \nx"));
        assertEquals(5, SqlText.firstTokenStart("/**/ y"));
    }

    @Test
    void spliceEditsOnlyTheGivenSpans() {
        String sql = "SELECT /*+ hint */ a FROM t -- tail";
        int t = sql.indexOf(" t ") + 1;
        assertEquals(
                "SELECT /*+ hint */ a FROM u -- tail",
                SqlSplice.of(sql).replace(t, t + 1, "u").apply());
        assertEquals("/*x*/" + sql, SqlSplice.of(sql).insert(0, "/*x*/").apply());
        assertThrows(IllegalArgumentException.class, () -> SqlSplice.of("ab").replace(1, 5, "x"));
        assertThrows(
                IllegalStateException.class,
                () -> SqlSplice.of("abcd").replace(0, 3, "x").replace(1, 2, "y").apply());
    }
}
