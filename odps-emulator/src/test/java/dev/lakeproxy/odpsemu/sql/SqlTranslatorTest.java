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
package dev.lakeproxy.odpsemu.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The MaxCompute to PostgreSQL translation, without a server. */
class SqlTranslatorTest {

    private static SqlTranslator.Result tr(String sql) {
        return SqlTranslator.translate(
                sql,
                (parts, tablePos) ->
                        parts.size() == 3
                                ? "\""
                                        + parts.get(0)
                                        + "$"
                                        + parts.get(1)
                                        + "\".\""
                                        + parts.get(2)
                                        + "\""
                                : null);
    }

    @Test
    void literalsKeepTheirCaseAndEscapes() {
        assertEquals(
                "SELECT 'MiXeD', 'it''s', 'say \"hi\"'",
                tr("SELECT \"MiXeD\", 'it\\'s', 'say \\\"hi\\\"'").sql);
    }

    @Test
    void suffixesTypedLiteralsAndCasts() {
        assertEquals(
                "SELECT CAST(10 AS bigint), CAST(1.5 AS numeric(38,18)), CAST('2024-01-01 00:00:00'"
                        + " AS timestamp(3))",
                tr("SELECT 10L, 1.5BD, DATETIME '2024-01-01 00:00:00'").sql);
        assertEquals(
                "SELECT CAST(x AS text), CAST(y AS numeric(10,2))",
                tr("SELECT CAST(x AS STRING), CAST(y AS DECIMAL(10,2))").sql);
    }

    @Test
    void backticksThreePartNamesAndDistributeBy() {
        SqlTranslator.Result r = tr("SELECT `Col` FROM p.s.t DISTRIBUTE BY rand() SORT BY `Col`");
        assertEquals("SELECT \"col\" FROM \"p$s\".\"t\"  ORDER BY \"col\"", r.sql);
        assertEquals("rand()", r.distributeBy);
        SqlTranslator.Result nested = tr("SELECT * FROM (SELECT * FROM x DISTRIBUTE BY k) t");
        assertEquals("SELECT * FROM (SELECT * FROM x  ) t", nested.sql);
        assertEquals("k", nested.distributeBy);
        assertNull(tr("SELECT 1").distributeBy);
    }

    @Test
    void onlyNamesInTablePositionsAreResolved() {
        SqlTranslator.TableResolver all = (parts, tablePos) -> "<" + String.join(".", parts) + ">";
        assertEquals(
                "SELECT sales.amount, s.x FROM <sales>, <p.s.t> s JOIN <q.u> ON s.x = u.y WHERE s.x"
                        + " IN (SELECT k FROM <p.k>, <p.l>)",
                SqlTranslator.translate(
                                "SELECT sales.amount, s.x FROM sales, p.s.t s JOIN q.u ON s.x = u.y"
                                        + " WHERE s.x IN (SELECT k FROM p.k, p.l)",
                                all)
                        .sql);
        assertEquals(
                "INSERT INTO <p.t> SELECT a, b FROM <x>",
                SqlTranslator.translate("INSERT INTO p.t SELECT a, b FROM x", all).sql);
    }

    @Test
    void splitsScriptsOnTopLevelSemicolons() {
        assertEquals(
                List.of("SET a=b", "SELECT ';'"), SqlLexer.splitStatements("SET a=b; SELECT ';';"));
    }
}
