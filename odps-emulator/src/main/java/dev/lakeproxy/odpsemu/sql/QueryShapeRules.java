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

import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.sql.QueryBlocks.SelectList;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MaxCompute's query-shape rules (documented in "Rewrite incompatible SQL statements", MaxCompute
 * V2.0), checked before a query reaches PostgreSQL, and MaxCompute's generated column aliases:
 *
 * <ul>
 *   <li>order.by.no.limit: an ORDER BY at any query level needs a LIMIT at that level, unless the
 *       job sets {@code odps.sql.validate.orderby.limit=false};
 *   <li>select.invalid.token.after.star: {@code *} takes no alias;
 *   <li>post.select.ambiguous / order.by.col.ambiguous: ORDER BY, DISTRIBUTE BY, SORT BY and
 *       CLUSTER BY cannot name a column the select list has twice;
 *   <li>a subquery (or CTE) whose select list names two columns alike is refused (Hive semantics;
 *       see the module README);
 *   <li>generated.column.name: an unnamed expression is named {@code _c<position>}.
 * </ul>
 */
public final class QueryShapeRules {

    static final String ORDER_BY_LIMIT = "odps.sql.validate.orderby.limit";

    private QueryShapeRules() {}

    /** Checks the rules; returns the query with {@code _cN} aliases on unnamed expressions. */
    public static String apply(String sql, Map<String, String> settings) {
        QueryBlocks q = new QueryBlocks(sql);
        for (SelectList s : q.selects) {
            starTakesNoAlias(q, s);
        }
        if (!"false".equalsIgnoreCase(setting(settings, ORDER_BY_LIMIT))) {
            orderByNeedsLimit(sql, q);
        }
        for (SelectList s : q.selects) {
            if (s.frame >= 0 && q.isQueryFrame(s.frame) && q.firstSelect(s.frame) == s) {
                subqueryNamesUnique(sql, q, s);
            }
        }
        postSelectReferences(sql, q);
        return withGeneratedAliases(sql, q);
    }

    private static String setting(Map<String, String> settings, String key) {
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static OdpsSqlException semantic(String sql, Token at, String message) {
        return new OdpsSqlException(
                "ODPS-0130071",
                QueryBlocks.position(sql, at.pos) + " Semantic analysis exception - " + message);
    }

    private static void starTakesNoAlias(QueryBlocks q, SelectList s) {
        for (int[] item : s.items) {
            for (int k = item[0]; k < item[1] - 1; k++) {
                Token t = q.toks.get(k);
                boolean star = t.isOp("*") && (k == item[0] || q.toks.get(k - 1).isOp("."));
                if (star) {
                    Token after = q.toks.get(k + 1);
                    throw new OdpsSqlException(
                            "ODPS-0130161",
                            "[1,1] Parse exception - invalid token '" + after.text + "'");
                }
            }
        }
    }

    /** An ORDER BY whose query level (subquery or top) has no LIMIT after it. */
    private static void orderByNeedsLimit(String sql, QueryBlocks q) {
        Map<Integer, Token> pending = new HashMap<>();
        Deque<Integer> open = new ArrayDeque<>();
        List<Token> toks = q.toks;
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            int frame = open.isEmpty() ? -1 : open.peek();
            if (t.isOp("(")) {
                open.push(i);
            } else if (t.isOp(")") && !open.isEmpty()) {
                Token order = pending.remove(open.pop());
                if (order != null) {
                    throw orderWithoutLimit(sql, order);
                }
            } else if (t.isWord("ORDER") && i + 1 < toks.size() && toks.get(i + 1).isWord("BY")) {
                if (q.isQueryFrame(frame)) {
                    pending.putIfAbsent(frame, t);
                }
            } else if (t.isWord("LIMIT")) {
                pending.remove(frame);
            }
        }
        if (!pending.isEmpty()) {
            throw orderWithoutLimit(sql, pending.values().iterator().next());
        }
    }

    private static OdpsSqlException orderWithoutLimit(String sql, Token order) {
        return semantic(
                sql,
                order,
                "ORDER BY must be used with a LIMIT clause, please set "
                        + ORDER_BY_LIMIT
                        + "=false to use it.");
    }

    /** A derived table or CTE cannot name two of its columns alike. */
    private static void subqueryNamesUnique(String sql, QueryBlocks q, SelectList s) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < s.names.size(); i++) {
            String name = s.names.get(i);
            if (name == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                Token at = q.toks.get(s.items.get(i)[0]);
                throw semantic(
                        sql,
                        at,
                        name
                                + " is ambiguous: the subquery's select list has more than one"
                                + " column named "
                                + name);
            }
        }
    }

    /** ORDER/DISTRIBUTE/SORT/CLUSTER BY names a column its select list has twice. */
    private static void postSelectReferences(String sql, QueryBlocks q) {
        List<Token> toks = q.toks;
        for (int i = 0; i + 1 < toks.size(); i++) {
            Token t = toks.get(i);
            boolean clause =
                    toks.get(i + 1).isWord("BY")
                            && (t.isWord("ORDER")
                                    || t.isWord("DISTRIBUTE")
                                    || t.isWord("SORT")
                                    || t.isWord("CLUSTER"));
            int frame = q.frameOf[i];
            SelectList s = q.isQueryFrame(frame) ? q.firstSelect(frame) : null;
            if (!clause || s == null) {
                continue;
            }
            for (int k = i + 2; k < toks.size() && q.frameOf[k] == frame; k++) {
                Token u = toks.get(k);
                if (u.kind == Kind.WORD && (u.isWord("LIMIT") || u.isWord("SORT"))) {
                    break;
                }
                boolean bare =
                        u.isIdent()
                                && !toks.get(k - 1).isOp(".")
                                && (k + 1 >= toks.size() || !toks.get(k + 1).isOp("."))
                                && (k + 1 >= toks.size() || !toks.get(k + 1).isOp("("));
                if (bare && count(s.names, u.ident()) > 1) {
                    throw semantic(
                            sql,
                            u,
                            u.ident()
                                    + " is ambiguous, the select list has "
                                    + count(s.names, u.ident())
                                    + " columns named "
                                    + u.ident());
                }
            }
        }
    }

    private static int count(List<String> names, String name) {
        int n = 0;
        for (String s : names) {
            if (name.toLowerCase(Locale.ROOT).equals(s)) {
                n++;
            }
        }
        return n;
    }

    /** Text inserted for the negative markers of {@link #withGeneratedAliases}. */
    private static final String[] INSERTS = {"AS ", " AS DATETIME)", "CAST("};

    /** Functions that return DATETIME. */
    private static final java.util.Set<String> DATETIME_FUNCTIONS =
            new java.util.HashSet<>(
                    java.util.Arrays.asList(
                            "FROM_UNIXTIME", "GETDATE", "DATETIME", "DATEADD", "TO_DATE"));

    private static boolean isDatetimeCall(QueryBlocks q, int[] item) {
        Token head = q.toks.get(item[0]);
        return head.kind == Kind.WORD
                && DATETIME_FUNCTIONS.contains(head.value)
                && item[0] + 1 < item[1]
                && q.toks.get(item[0] + 1).isOp("(");
    }

    /** Index of the parenthesis closing the call that starts at {@code head}. */
    private static int callEnd(QueryBlocks q, int head) {
        int depth = 0;
        for (int k = head + 1; k < q.toks.size(); k++) {
            if (q.toks.get(k).isOp("(")) {
                depth++;
            } else if (q.toks.get(k).isOp(")") && --depth == 0) {
                return k;
            }
        }
        return q.toks.size() - 1;
    }

    private static String withGeneratedAliases(String sql, QueryBlocks q) {
        List<int[]> inserts = new ArrayList<>(); // [position, item index]
        for (SelectList s : q.selects) {
            for (int i = 0; i < s.items.size(); i++) {
                if (s.unnamed.get(i)) {
                    Token last = q.toks.get(s.items.get(i)[1] - 1);
                    inserts.add(new int[] {last.pos + last.text.length(), i});
                }
            }
            for (int alias : s.bareAliases) {
                inserts.add(new int[] {q.toks.get(alias).pos, -1});
            }
            for (int[] item : s.items) {
                if (isDatetimeCall(q, item)) {
                    // PostgreSQL function results carry no typmod: keep DATETIME (timestamp(3))
                    Token close = q.toks.get(callEnd(q, item[0]));
                    inserts.add(new int[] {close.pos + 1, -2});
                    inserts.add(new int[] {q.toks.get(item[0]).pos, -3});
                }
            }
        }
        inserts.sort((a, b) -> Integer.compare(b[0], a[0]));
        StringBuilder out = new StringBuilder(sql);
        for (int[] ins : inserts) {
            // PostgreSQL needs AS before aliases that are keywords there (day, year, ...)
            out.insert(ins[0], ins[1] >= 0 ? " AS `_c" + ins[1] + "`" : INSERTS[-ins[1] - 1]);
        }
        return out.toString();
    }
}
