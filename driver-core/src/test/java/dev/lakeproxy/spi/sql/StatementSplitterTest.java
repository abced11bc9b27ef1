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

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void splitsAtSemicolonsThatEndStatements() {
        assertEquals(
                List.of("SELECT 1", "SELECT * FROM t"),
                StatementSplitter.split("SELECT 1; SELECT * FROM t;"));
        assertEquals(List.of("SELECT 1"), StatementSplitter.split("  SELECT 1 ;  ; "));
    }

    @Test
    void keepsSemicolonsInsideQuotesCommentsAndDollarQuotes() {
        assertEquals(List.of("SELECT ';' AS a", "SELECT \"x;y\" FROM t"),
                StatementSplitter.split("SELECT ';' AS a; SELECT \"x;y\" FROM t"));
        assertEquals(List.of("SELECT 1 -- a; b\n", "SELECT 2 /* ; */").size(),
                StatementSplitter.split("SELECT 1 -- a; b\n; SELECT 2 /* ; */").size());
        assertEquals(List.of("DO $$ BEGIN PERFORM 1; END $$", "SELECT $1"),
                StatementSplitter.split("DO $$ BEGIN PERFORM 1; END $$; SELECT $1"));
        assertEquals(
                List.of("SELECT $tag$ a;b $tag$"),
                StatementSplitter.split("SELECT $tag$ a;b $tag$"));
    }

    @Test
    void backslashesEscapeOnlyWhereTheServerSaysSo() {
        // PostgreSQL: 'a\' is a whole string, so the ; after it ends the statement
        assertEquals(2, StatementSplitter.split("SELECT 'a\\'; SELECT 2").size());
        assertEquals(1, StatementSplitter.split("SELECT E'a\\'; SELECT 2'").size());
        // MaxCompute: a backslash escapes in every string
        assertEquals(1, StatementSplitter.split("SELECT 'a\\'; SELECT 2'", true).size());
    }
}
