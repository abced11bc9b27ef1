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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The top level of a query body, read once. */
final class QueryShape {
    boolean setOperation;
    boolean orderBy;
    boolean sortBy;
    boolean limit;
    boolean groupBy;
    boolean distinct;
    boolean window;
    boolean parenthesized;
    int selectItemsFirst = -1;
    int selectItemsEnd = -1;

    /**
     * {@code [singleTableFirst, singleTableEnd)}: the name tokens of a lone source table; end 0
     * when none.
     */
    int singleTableFirst;

    int singleTableEnd;
    boolean hasAlias;
    private List<Token> tokens;

    static QueryShape of(List<Token> t, int first, int last) {
        QueryShape q = new QueryShape();
        q.tokens = t;
        int depth = t.get(first).depth;
        q.parenthesized = t.get(first).isSymbol('(');
        int from = -1;
        boolean join = false;
        for (int j = first; j <= last; j++) {
            Token x = t.get(j);
            if (x.is("OVER")) {
                q.window = true;
            }
            if (x.depth != depth || x.kind == SqlTokens.Kind.STRING) {
                continue;
            }
            boolean by = j + 1 <= last && t.get(j + 1).is("BY");
            if (x.is("UNION") || x.is("INTERSECT") || x.is("EXCEPT") || x.is("MINUS")) {
                q.setOperation = true;
            } else if (x.is("ORDER") && by) {
                q.orderBy = true;
            } else if (x.is("SORT") && by) {
                q.sortBy = true;
            } else if (x.is("GROUP") && by) {
                q.groupBy = true;
            } else if (x.is("LIMIT")) {
                q.limit = true;
            } else if (x.is("JOIN") || x.is("LATERAL") || (x.isSymbol(',') && from >= 0)) {
                join = true;
            } else if (x.is("SELECT") && q.selectItemsFirst < 0) {
                q.selectItemsFirst = j + 1;
                if (j + 1 <= last && (t.get(j + 1).is("DISTINCT") || t.get(j + 1).is("ALL"))) {
                    q.distinct = t.get(j + 1).is("DISTINCT");
                    q.selectItemsFirst = j + 2;
                }
            } else if (x.is("FROM") && from < 0) {
                from = j;
                if (q.selectItemsFirst >= 0) {
                    q.selectItemsEnd = j;
                }
            }
        }
        if (!join && !q.setOperation && from >= 0 && q.selectItemsEnd > 0) {
            q.readSingleTable(from + 1, last);
        }
        return q;
    }

    /**
     * {@code FROM name[.name[.name]] [[AS] alias] [WHERE ...]}: a lone table that can be read
     * scattered.
     */
    private void readSingleTable(int at, int last) {
        List<Token> t = tokens;
        int j = at;
        if (j > last || !t.get(j).isIdentifier() || t.get(j).is("SELECT")) {
            return;
        }
        j++;
        while (j + 1 <= last && t.get(j).isSymbol('.') && t.get(j + 1).isIdentifier()) {
            j += 2;
        }
        int nameEnd = j;
        if (j <= last && t.get(j).is("AS")) {
            j++;
        }
        boolean alias = j <= last && t.get(j).isIdentifier() && !t.get(j).is("WHERE");
        if (alias) {
            j++;
        }
        if (j <= last && !t.get(j).is("WHERE")) {
            return;
        }
        singleTableFirst = at;
        singleTableEnd = nameEnd;
        hasAlias = alias;
    }

    boolean needsWrap() {
        return setOperation
                || orderBy
                || sortBy
                || limit
                || groupBy
                || distinct
                || window
                || parenthesized;
    }

    String wrapReason() {
        return setOperation
                ? "a set operation such as UNION ALL"
                : groupBy
                        ? "GROUP BY cannot be combined with DISTRIBUTE BY"
                        : orderBy
                                ? "ORDER BY ... LIMIT"
                                : limit
                                        ? "LIMIT"
                                        : distinct
                                                ? "SELECT DISTINCT"
                                                : window
                                                        ? "a window function"
                                                        : sortBy
                                                                ? "SORT BY"
                                                                : "a bracketed query";
    }

    /**
     * An output column name the select list gives twice (unnamed expressions are _c0, _c1,
     * ...), or null.
     */
    String duplicateOutputName() {
        if (selectItemsFirst < 0) {
            return null;
        }
        int end = selectItemsEnd > 0 ? selectItemsEnd : tokens.size();
        int depth = tokens.get(selectItemsFirst).depth;
        Set<String> seen = new HashSet<>();
        int itemFirst = selectItemsFirst;
        int position = 0;
        for (int j = selectItemsFirst; j <= end; j++) {
            boolean itemEnds =
                    j == end
                            || (tokens.get(j).depth == depth && tokens.get(j).isSymbol(','))
                            || (tokens.get(j).depth < depth);
            if (!itemEnds) {
                continue;
            }
            String name = outputName(itemFirst, j, position);
            if (name != null && !seen.add(name.toLowerCase(Locale.ROOT))) {
                return name;
            }
            if (j == end || tokens.get(j).depth < depth) {
                break;
            }
            itemFirst = j + 1;
            position++;
        }
        return null;
    }

    /** The output name of the select item {@code [first, end)}; {@code null} for a star. */
    private String outputName(int first, int end, int position) {
        Token last = tokens.get(end - 1);
        if (last.isSymbol('*')) {
            return null;
        }
        boolean path = true;
        for (int k = first; k < end; k++) {
            Token x = tokens.get(k);
            path &= (k - first) % 2 == 0 ? x.isIdentifier() : x.isSymbol('.');
        }
        if (path && (end - first) % 2 == 1) {
            return last.name();
        }
        if (last.isIdentifier() && end - first >= 2 && !isKeyword(last)) {
            Token before = tokens.get(end - 2);
            boolean operatorWord =
                    before.is("AND")
                            || before.is("OR")
                            || before.is("NOT")
                            || before.is("IS")
                            || before.is("IN")
                            || before.is("LIKE")
                            || before.is("THEN")
                            || before.is("ELSE");
            if (before.is("AS")
                    || before.isSymbol(')')
                    || (before.isIdentifier() && !operatorWord)
                    || before.kind == SqlTokens.Kind.STRING
                    || before.kind == SqlTokens.Kind.NUMBER) {
                return last.name();
            }
        }
        return "_c" + position;
    }

    private static boolean isKeyword(Token t) {
        return t.kind == SqlTokens.Kind.WORD
                && (t.is("NULL") || t.is("TRUE") || t.is("FALSE") || t.is("END"));
    }
}
