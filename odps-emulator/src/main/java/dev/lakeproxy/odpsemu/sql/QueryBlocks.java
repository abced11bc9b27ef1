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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The query structure MaxCompute's select-list rules need, found on the significant tokens of a
 * statement: parenthesis frames (query, window or call), and every SELECT list with its items and
 * their output names.
 */
final class QueryBlocks {

    /** One SELECT list. */
    static final class SelectList {
        /** Index of the SELECT token. */
        final int select;

        /** Frame (index of the opening parenthesis, -1 at top level) the SELECT belongs to. */
        final int frame;

        /** Items as token ranges [start, end). */
        final List<int[]> items = new ArrayList<>();

        /** Output name per item: alias, column name, {@code _cN}; null for {@code *}. */
        final List<String> names = new ArrayList<>();

        /** Whether the item needs a generated alias ({@code _cN}). */
        final List<Boolean> unnamed = new ArrayList<>();

        /** Token indexes of aliases written without AS. */
        final List<Integer> bareAliases = new ArrayList<>();

        SelectList(int select, int frame) {
            this.select = select;
            this.frame = frame;
        }
    }

    /** Words that end a select list at its own depth. */
    private static final Set<String> LIST_END =
            new HashSet<>(
                    Arrays.asList(
                            "FROM",
                            "WHERE",
                            "GROUP",
                            "HAVING",
                            "ORDER",
                            "LIMIT",
                            "UNION",
                            "EXCEPT",
                            "INTERSECT",
                            "MINUS",
                            "DISTRIBUTE",
                            "SORT",
                            "CLUSTER",
                            "WINDOW",
                            "INTO",
                            "LATERAL"));

    /** Words after which a trailing identifier is an operand, not an alias. */
    private static final Set<String> OPERATOR_WORDS =
            new HashSet<>(
                    Arrays.asList(
                            "AND",
                            "OR",
                            "NOT",
                            "IS",
                            "IN",
                            "LIKE",
                            "RLIKE",
                            "REGEXP",
                            "BETWEEN",
                            "THEN",
                            "ELSE",
                            "WHEN",
                            "CASE",
                            "DISTINCT",
                            "ALL",
                            "AS",
                            "SELECT",
                            "INTERVAL"));

    /** Words that end an expression and are never aliases. */
    private static final Set<String> NON_ALIAS =
            new HashSet<>(Arrays.asList("END", "NULL", "TRUE", "FALSE"));

    final List<Token> toks;

    /** Frame of each token (index of the innermost enclosing open parenthesis, or -1). */
    final int[] frameOf;

    /** Per open parenthesis index: whether it opens a subquery. */
    final boolean[] queryFrame;

    final List<SelectList> selects = new ArrayList<>();

    QueryBlocks(String sql) {
        this.toks = SqlLexer.significant(SqlLexer.lex(sql));
        this.frameOf = new int[toks.size()];
        this.queryFrame = new boolean[toks.size()];
        List<Integer> stack = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            frameOf[i] = stack.isEmpty() ? -1 : stack.get(stack.size() - 1);
            if (t.isOp("(")) {
                Token next = i + 1 < toks.size() ? toks.get(i + 1) : null;
                queryFrame[i] =
                        next != null && (next.isWord("SELECT") || next.isWord("WITH"))
                                || next != null && next.isOp("(") && !isCall(i);
                stack.add(i);
            } else if (t.isOp(")") && !stack.isEmpty()) {
                stack.remove(stack.size() - 1);
            } else if (t.isWord("SELECT")) {
                selects.add(selectList(i));
            }
        }
    }

    private boolean isCall(int open) {
        return open > 0 && toks.get(open - 1).isIdent() && !toks.get(open - 1).isWord("FROM");
    }

    /** Whether a frame is a subquery or the top level (not a call, window or expression). */
    boolean isQueryFrame(int frame) {
        return frame < 0 || queryFrame[frame];
    }

    private SelectList selectList(int select) {
        SelectList list = new SelectList(select, frameOf[select]);
        int i = select + 1;
        if (i < toks.size() && (toks.get(i).isWord("DISTINCT") || toks.get(i).isWord("ALL"))) {
            i++;
        }
        int depth = 0;
        int start = i;
        for (; i <= toks.size(); i++) {
            Token t = i < toks.size() ? toks.get(i) : null;
            boolean end =
                    t == null
                            || depth == 0
                                    && (t.isOp(";")
                                            || t.isOp(")")
                                            || t.kind == Kind.WORD && LIST_END.contains(t.value));
            if (end || depth == 0 && t.isOp(",")) {
                if (i > start) {
                    addItem(list, start, i);
                }
                if (end) {
                    break;
                }
                start = i + 1;
            } else if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")")) {
                depth--;
            }
        }
        return list;
    }

    private void addItem(SelectList list, int start, int end) {
        int index = list.items.size();
        list.items.add(new int[] {start, end});
        Token last = toks.get(end - 1);
        if (last.isOp("*")) {
            list.names.add(null);
            list.unnamed.add(false);
            return;
        }
        bareAlias = -1;
        String alias = alias(start, end);
        if (bareAlias >= 0) {
            list.bareAliases.add(bareAlias);
        }
        if (alias != null) {
            list.names.add(alias);
            list.unnamed.add(false);
        } else if (isColumnRef(start, end)) {
            list.names.add(last.ident());
            list.unnamed.add(false);
        } else {
            list.names.add("_c" + index);
            list.unnamed.add(true);
        }
    }

    /** Set by {@link #alias} when the alias it found has no AS. */
    private int bareAlias = -1;

    /** The alias of an item ({@code expr AS a} or {@code expr a}), or null. */
    private String alias(int start, int end) {
        Token last = toks.get(end - 1);
        if (end - start < 2
                || !last.isIdent()
                || last.kind == Kind.WORD && NON_ALIAS.contains(last.value)) {
            return null;
        }
        Token prev = toks.get(end - 2);
        if (prev.isWord("AS")) {
            return last.ident();
        }
        if (prev.isOp(".") || prev.kind == Kind.OP && !prev.isOp(")")) {
            return null;
        }
        if (prev.kind == Kind.WORD && OPERATOR_WORDS.contains(prev.value)) {
            return null;
        }
        bareAlias = end - 1;
        return last.ident();
    }

    private boolean isColumnRef(int start, int end) {
        for (int k = start; k < end; k++) {
            boolean identSlot = (k - start) % 2 == 0;
            Token t = toks.get(k);
            if (identSlot ? !t.isIdent() : !t.isOp(".")) {
                return false;
            }
        }
        return (end - start) % 2 == 1;
    }

    /** The first SELECT list of a frame (the one that names a union's columns), or null. */
    SelectList firstSelect(int frame) {
        for (SelectList s : selects) {
            if (s.frame == frame) {
                return s;
            }
        }
        return null;
    }

    /** {@code [line,col]} of a token, as MaxCompute's error texts show positions. */
    static String position(String sql, int pos) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < pos && k < sql.length(); k++) {
            if (sql.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return "[" + line + "," + (pos - lineStart + 1) + "]";
    }
}
