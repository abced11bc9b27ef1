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

import dev.lakeproxy.odps.SqlTokens.Token;
import dev.lakeproxy.spi.sql.SqlSplice;
import java.util.List;

/**
 * How to scatter an INSERT's rows with {@code DISTRIBUTE BY rand()} so that the result is valid
 * MaxCompute SQL, chosen by the query's shape (module docs, "Scatter forms", give the sources):
 *
 * <ul>
 *   <li>SOURCE: one table, no aggregation: the seed's own form, {@code FROM (SELECT * FROM src
 *       DISTRIBUTE BY rand()) src}.
 *   <li>APPEND: a single SELECT without GROUP BY, DISTINCT, windows, ORDER BY, SORT BY or LIMIT
 *       (joins, duplicate or unnamed columns are fine): {@code <query> DISTRIBUTE BY rand()},
 *       MaxCompute's FROM > WHERE > SELECT > DISTRIBUTE BY order.
 *   <li>WRAP: everything else that may not take DISTRIBUTE BY itself (GROUP BY and ORDER BY cannot
 *       be combined with it; UNION ALL; LIMIT): {@code SELECT * FROM (<query>) lp_scatter
 *       DISTRIBUTE BY rand()}, valid only when the query's output column names are distinct.
 *   <li>NONE: ORDER BY without LIMIT (MaxCompute 2.0 refuses it anyway), or WRAP with duplicate
 *       output names.
 * </ul>
 */
final class ScatterForm {

    enum Kind { SOURCE, APPEND, WRAP, NONE }

    static final String ALIAS = "lp_scatter";
    static final String RAND = "DISTRIBUTE BY rand()";

    final Kind kind;
    /** The rewritten text, or {@code null} for NONE. */
    final String sql;
    /** Why this form (or why none). */
    final String why;

    ScatterForm(Kind kind, String sql, String why) {
        this.kind = kind;
        this.sql = sql;
        this.why = why;
    }

    static ScatterForm choose(String sql, InsertStatement ins) {
        List<Token> t = ins.tokens;
        QueryShape q = QueryShape.of(t, ins.bodyFirst, ins.queryLast);
        int end = ins.queryEnd();
        if (q.orderBy && !q.limit) {
            return new ScatterForm(
                    Kind.NONE, null, OdpsMessages.M.format("odps.scatter.orderByWithoutLimit"));
        }
        if (q.needsWrap()) {
            String duplicate = q.duplicateOutputName();
            if (duplicate != null) {
                return new ScatterForm(Kind.NONE, null,
                        OdpsMessages.M.format("odps.scatter.duplicateColumn", duplicate));
            }
            String out = SqlSplice.of(sql).insert(t.get(ins.bodyFirst).begin, "SELECT * FROM (")
                    .insert(end, ") " + ALIAS + " " + RAND).apply();
            return new ScatterForm(
                    Kind.WRAP, out, OdpsMessages.M.format("odps.scatter.wrap", q.wrapReason()));
        }
        if (q.singleTableEnd > 0) {
            String out =
                    scatterTable(
                            sql,
                            t.get(q.singleTableFirst),
                            t.get(q.singleTableEnd - 1),
                            q.hasAlias);
            return new ScatterForm(Kind.SOURCE, out, OdpsMessages.M.format("odps.scatter.source"));
        }
        String out = SqlSplice.of(sql).insert(end, " " + RAND).apply();
        return new ScatterForm(Kind.APPEND, out, OdpsMessages.M.format("odps.scatter.append"));
    }

    /**
     * The documented form (MaxCompute, Tablestore external tables): the table named by the tokens
     * {@code first..last} becomes {@code (SELECT * FROM name
     * DISTRIBUTE BY rand())}, followed by the alias the user wrote or else by the name's last part.
     */
    static String scatterTable(String sql, Token first, Token last, boolean aliased) {
        String name = sql.substring(first.begin, last.end);
        String scattered =
                "(SELECT * FROM " + name + " " + RAND + ")" + (aliased ? "" : " " + last.text);
        return SqlSplice.of(sql).replace(first.begin, last.end, scattered).apply();
    }
}
