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
 * How to scatter a MULTI INSERT's rows with {@code DISTRIBUTE BY rand()}: its branches share one
 * FROM, so the shared source is scattered once, in the form valid for its shape (module docs,
 * "Scatter forms"):
 *
 * <ul>
 *   <li>SOURCE: a table, {@code FROM t [alias]}: the seed's own form, {@code FROM (SELECT * FROM t
 *       DISTRIBUTE BY rand()) <alias or t>}.
 *   <li>APPEND: a subquery {@code FROM (SELECT ...) s} that may take DISTRIBUTE BY at its own level
 *       (the same test as {@link ScatterForm}'s append form): {@code FROM (SELECT ... DISTRIBUTE BY
 *       rand()) s}.
 *   <li>NONE: a subquery with GROUP BY, DISTINCT, a window, ORDER BY, SORT BY, LIMIT or a set
 *       operation, and joins or other sources: left as written.
 * </ul>
 */
final class MultiInsertScatter {

    private MultiInsertScatter() {
    }

    static ScatterForm choose(String sql, MultiInsertStatement m) {
        List<Token> t = m.tokens;
        if (m.source == MultiInsertStatement.Source.TABLE) {
            String out =
                    ScatterForm.scatterTable(
                            sql, t.get(m.sourceFirst), t.get(m.sourceEnd - 1), m.aliased);
            return new ScatterForm(
                    ScatterForm.Kind.SOURCE,
                    out,
                    OdpsMessages.M.format("odps.scatter.multiSource"));
        }
        if (m.source == MultiInsertStatement.Source.OTHER) {
            return new ScatterForm(
                    ScatterForm.Kind.NONE, null, OdpsMessages.M.format("odps.scatter.multiOther"));
        }
        QueryShape q = QueryShape.of(t, m.sourceFirst + 1, m.sourceEnd - 1);
        if (q.needsWrap()) {
            return new ScatterForm(
                    ScatterForm.Kind.NONE,
                    null,
                    OdpsMessages.M.format(
                            "odps.scatter.multiNoDistribute",
                            q.orderBy && !q.limit ? "ORDER BY without LIMIT" : q.wrapReason()));
        }
        String out =
                SqlSplice.of(sql)
                        .insert(t.get(m.sourceEnd - 1).end, " " + ScatterForm.RAND)
                        .apply();
        return new ScatterForm(
                ScatterForm.Kind.APPEND, out, OdpsMessages.M.format("odps.scatter.multiAppend"));
    }
}
