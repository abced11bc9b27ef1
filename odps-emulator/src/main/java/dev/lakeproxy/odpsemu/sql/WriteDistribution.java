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

import dev.lakeproxy.odpsemu.sql.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Token;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the rows of a write reach the simulated Tablestore writers, decided by the source query's
 * last stage (SELECT syntax page: FROM, WHERE, GROUP BY, SELECT, DISTRIBUTE BY, SORT BY / ORDER BY,
 * LIMIT run in that order):
 *
 * <ul>
 *   <li>a DISTRIBUTE BY or CLUSTER BY at the query's own level deals the rows out by it;
 *   <li>else an ORDER BY or LIMIT there is one sorted stage: the rows arrive in order, whatever a
 *       subquery distributed (the README's findings: "the final ORDER BY ... LIMIT runs as one
 *       sorted stage after the scatter");
 *   <li>else a GROUP BY there deals the rows out again by the group key;
 *   <li>else the rows keep the distribution of the query's source: the first DISTRIBUTE BY inside.
 * </ul>
 */
final class WriteDistribution {

    /** What ends a DISTRIBUTE BY or GROUP BY expression list at its level. */
    private static final Set<String> LIST_END =
            new HashSet<>(
                    Arrays.asList(
                            "SORT", "ORDER", "LIMIT", "HAVING", "WINDOW", "UNION", "DISTRIBUTE",
                            "CLUSTER"));

    private WriteDistribution() {}

    /**
     * The expression the rows are dealt by ({@code rand()}, column names, ...), or null when they
     * arrive in order; {@code innerDistributeBy} is the first DISTRIBUTE BY anywhere in the query.
     */
    static String of(String query, String innerDistributeBy) {
        List<Token> toks = SqlLexer.significant(SqlLexer.lex(query));
        String own = null;
        String groupKey = null;
        boolean sorted = false;
        int depth = 0;
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")")) {
                depth--;
            } else if (depth == 0 && t.kind == Kind.WORD && followedByBy(toks, i)) {
                if (t.value.equals("DISTRIBUTE") || t.value.equals("CLUSTER")) {
                    own = own == null ? list(query, toks, i + 2) : own;
                } else if (t.value.equals("ORDER")) {
                    sorted = true;
                } else if (t.value.equals("GROUP")) {
                    groupKey = list(query, toks, i + 2);
                }
            } else if (depth == 0 && t.isWord("LIMIT")) {
                sorted = true;
            }
        }
        if (own != null) {
            return own;
        }
        if (sorted) {
            return null;
        }
        return groupKey != null ? groupKey : innerDistributeBy;
    }

    private static boolean followedByBy(List<Token> toks, int i) {
        return i + 1 < toks.size() && toks.get(i + 1).isWord("BY");
    }

    /** The text of the expression list starting at token {@code from}, up to its level's end. */
    private static String list(String query, List<Token> toks, int from) {
        int depth = 0;
        int last = from - 1;
        for (int k = from; k < toks.size(); k++) {
            Token t = toks.get(k);
            if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0
                    && (t.isOp(";") || (t.kind == Kind.WORD && LIST_END.contains(t.value)))) {
                break;
            }
            last = k;
        }
        if (last < from) {
            return null;
        }
        Token end = toks.get(last);
        return query.substring(toks.get(from).pos, end.pos + end.text.length()).trim();
    }
}
