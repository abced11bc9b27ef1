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
package dev.lakeproxy.odpsemu.complex;

import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.sql.SqlLexer;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Token;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MaxCompute's {@code a[i]} and {@code m[k]} (the INDEX page: 0-based, NULL outside the array or
 * for a missing key) as {@code odps_at(a, i)}: PostgreSQL picks the {@code mc.odps_at} overload of
 * the value's carrier, which returns the element's type.
 */
final class Subscripts {

    /** Words that may stand before a parenthesis without naming a function. */
    private static final Set<String> KEYWORDS =
            new HashSet<>(
                    Arrays.asList(
                            "SELECT", "WHERE", "AND", "OR", "NOT", "ON", "WHEN", "THEN", "ELSE",
                            "CASE", "IN", "BY", "AS", "FROM", "HAVING", "EXISTS", "JOIN", "IS",
                            "LIKE", "BETWEEN", "DISTINCT", "ALL", "UNION", "VALUES", "RLIKE"));

    private Subscripts() {}

    /** The text with every subscript rewritten (the same string when there is none). */
    static String rewrite(String sql) {
        String out = sql;
        while (true) {
            List<Token> toks = SqlLexer.lex(out);
            int open = -1;
            for (int i = 0; i < toks.size() && open < 0; i++) {
                open = toks.get(i).isOp("[") ? i : -1;
            }
            if (open < 0) {
                return out;
            }
            int close = matching(toks, open);
            int base = baseStart(toks, open);
            if (close < 0 || base < 0) {
                throw new OdpsSqlException(
                        "ODPS-0130161", "[1,1] Parse exception - invalid token '['");
            }
            StringBuilder b = new StringBuilder(out.substring(0, toks.get(base).pos));
            b.append("odps_at(").append(text(toks, base, open)).append(", ");
            b.append(text(toks, open + 1, close)).append(')');
            Token last = toks.get(close);
            b.append(out.substring(last.pos + last.text.length()));
            out = b.toString();
        }
    }

    /** Where the value before {@code [} starts: a (qualified) name, or a call or parentheses. */
    private static int baseStart(List<Token> toks, int open) {
        int k = previous(toks, open);
        if (k < 0) {
            return -1;
        }
        if (toks.get(k).isOp(")")) {
            int depth = 0;
            for (; k >= 0; k--) {
                depth += toks.get(k).isOp(")") ? 1 : toks.get(k).isOp("(") ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            int name = previous(toks, k);
            if (name < 0 || !toks.get(name).isIdent() || KEYWORDS.contains(toks.get(name).value)) {
                return k;
            }
            k = name;
        } else if (!toks.get(k).isIdent()) {
            return -1;
        }
        // a.b.c: take the dotted prefix too
        while (true) {
            int dot = previous(toks, k);
            if (dot < 0 || !toks.get(dot).isOp(".")) {
                return k;
            }
            int id = previous(toks, dot);
            if (id < 0 || !toks.get(id).isIdent()) {
                return k;
            }
            k = id;
        }
    }

    private static int matching(List<Token> toks, int open) {
        int depth = 0;
        for (int i = open; i < toks.size(); i++) {
            depth += toks.get(i).isOp("[") ? 1 : toks.get(i).isOp("]") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int previous(List<Token> toks, int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (toks.get(k).kind != Kind.WS && toks.get(k).kind != Kind.COMMENT) {
                return k;
            }
        }
        return -1;
    }

    private static String text(List<Token> toks, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(toks.get(i).text);
        }
        return b.toString();
    }
}
