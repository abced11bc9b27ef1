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
package dev.lakeproxy.holosim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rewriter's fallback for statements JSqlParser cannot handle: a lexical scan of FROM lists
 * that finds {@code FROM name}, {@code JOIN name} and {@code , name} in (sub)queries (not inside
 * function-call parentheses such as {@code extract(x FROM y)}) and splices the checked subquery.
 */
final class LexicalRewriter {
    private static final Set<String> QUERY_STARTS = new HashSet<>(Arrays.asList(
            "select", "with", "values", "table"));
    private static final Set<String> CLAUSE_ENDS =
            new HashSet<>(
                    Arrays.asList(
                            "where",
                            "group",
                            "having",
                            "order",
                            "limit",
                            "offset",
                            "union",
                            "intersect",
                            "except",
                            "window",
                            "on",
                            "using",
                            "returning",
                            "for",
                            "fetch",
                            "set",
                            "select",
                            "values",
                            "into"));
    private static final Set<String> NOT_ALIAS =
            new HashSet<>(
                    Arrays.asList(
                            "where",
                            "group",
                            "having",
                            "order",
                            "limit",
                            "offset",
                            "union",
                            "intersect",
                            "except",
                            "window",
                            "on",
                            "using",
                            "returning",
                            "for",
                            "fetch",
                            "join",
                            "left",
                            "right",
                            "inner",
                            "full",
                            "cross",
                            "natural",
                            "tablesample",
                            "outer",
                            "lateral"));

    /**
     * Lexical fallback: finds {@code FROM name}, {@code JOIN name} and {@code , name} in FROM lists
     * of (sub)queries (not inside function-call parentheses such as {@code extract(x FROM y)}), and
     * splices the checked subquery.
     */
    static String rewrite(
            String stmt,
            Map<String, List<ForeignTableCatalog.ForeignTable>> known,
            ProxySession session) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < stmt.length()) {
            char c = stmt.charAt(i);
            int j = SqlText.skipToken(stmt, i);
            boolean comment =
                    (c == '-' && stmt.startsWith("--", i))
                            || (c == '/' && stmt.startsWith("/*", i));
            if (!Character.isWhitespace(c) && !comment) {
                tokens.add(new int[] {i, j});
            }
            i = j;
        }
        ArrayDeque<boolean[]> stack = new ArrayDeque<>(); // {isQuery, inFrom}
        stack.push(new boolean[] {true, false});
        boolean expectTable = false;
        String prev = "";
        List<int[]> edits = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            String raw = stmt.substring(tokens.get(k)[0], tokens.get(k)[1]);
            String word = raw.toLowerCase(Locale.ROOT);
            boolean[] top = stack.peek();
            if (word.equals("(")) {
                String next =
                        k + 1 < tokens.size()
                                ? stmt.substring(tokens.get(k + 1)[0], tokens.get(k + 1)[1])
                                        .toLowerCase(Locale.ROOT)
                                : "";
                stack.push(new boolean[] {QUERY_STARTS.contains(next), false});
                expectTable = false;
            } else if (word.equals(")")) {
                if (stack.size() > 1) {
                    stack.pop();
                }
                expectTable = false;
            } else if (!top[0]) {
                // inside a function call or expression list
            } else if (word.equals("from")) {
                top[1] = !prev.equals("delete");
                expectTable = top[1];
            } else if (word.equals("join")) {
                top[1] = true;
                expectTable = true;
            } else if (word.equals(",")) {
                expectTable = top[1];
            } else if (CLAUSE_ENDS.contains(word)) {
                top[1] = false;
                expectTable = false;
            } else if (expectTable && (word.equals("only") || word.equals("lateral"))) {
                // still expecting the table
            } else if (expectTable
                    && (SqlText.isIdentStart(raw.charAt(0)) || raw.charAt(0) == '"')) {
                expectTable = false;
                int first = k;
                List<String> parts = new ArrayList<>();
                parts.add(SqlText.unquoteIdent(raw));
                while (k + 2 < tokens.size() && stmt.startsWith(".", tokens.get(k + 1)[0])) {
                    k += 2;
                    parts.add(
                            SqlText.unquoteIdent(
                                    stmt.substring(tokens.get(k)[0], tokens.get(k)[1])));
                }
                String name = parts.get(parts.size() - 1);
                List<ForeignTableCatalog.ForeignTable> candidates = known.get(name);
                if (candidates != null) {
                    String schema = parts.size() == 1 ? null : parts.get(parts.size() - 2);
                    ForeignTableCatalog.ForeignTable ft =
                            ForeignReadRewriter.pick(candidates, schema, session);
                    if (ft != null) {
                        String next =
                                k + 1 < tokens.size()
                                        ? stmt.substring(tokens.get(k + 1)[0], tokens.get(k + 1)[1])
                                                .toLowerCase(Locale.ROOT)
                                        : "";
                        boolean alias =
                                !next.isEmpty()
                                        && (next.equals("as")
                                                || next.startsWith("\"")
                                                || (SqlText.isIdentStart(next.charAt(0))
                                                        && !NOT_ALIAS.contains(next)
                                                        && !CLAUSE_ENDS.contains(next)));
                        int begin = ForeignReadRewriter.includeOnly(stmt, tokens.get(first)[0]);
                        edits.add(new int[] {begin, tokens.get(k)[1]});
                        String reference = schema == null ? SqlText.quoteIdent(name)
                                : SqlText.quoteIdent(schema) + "." + SqlText.quoteIdent(name);
                        texts.add(alias ? ft.subquery(reference)
                                : ft.subquery(reference) + " AS " + SqlText.quoteIdent(ft.name));
                    }
                }
            } else {
                expectTable = false;
            }
            prev = word;
        }
        if (edits.isEmpty()) {
            return stmt;
        }
        StringBuilder sb = new StringBuilder(stmt);
        for (int e = edits.size() - 1; e >= 0; e--) {
            sb.replace(edits.get(e)[0], edits.get(e)[1], texts.get(e));
        }
        return sb.toString();
    }

    private LexicalRewriter() {
    }
}
