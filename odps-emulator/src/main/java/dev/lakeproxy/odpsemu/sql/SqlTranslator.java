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

import dev.lakeproxy.odpsemu.Catalog;
import dev.lakeproxy.odpsemu.NanoTimestamps;
import dev.lakeproxy.odpsemu.OdpsValues;
import dev.lakeproxy.odpsemu.PgTypes;
import dev.lakeproxy.odpsemu.external.PaimonRules;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Translates the MaxCompute SQL dialect to PostgreSQL by rewriting tokens in place: identifiers in
 * backticks, string literals in either quote with backslash escapes (their case is kept), literal
 * suffixes ({@code 10L}, {@code 1.5BD}), typed literals ({@code DATETIME '...'}), MaxCompute type
 * names in casts, multi-part table names, and {@code DISTRIBUTE BY} / {@code SORT BY}.
 */
public final class SqlTranslator {

    /**
     * Maps a table reference (1 to 3 name parts) to a quoted PostgreSQL name, or null to leave it.
     */
    public interface TableResolver {
        String resolve(List<String> parts, boolean tablePosition);
    }

    public static final class Result {
        public final String sql;

        /** The first DISTRIBUTE BY expression (MaxCompute text), or null. */
        public final String distributeBy;

        Result(String sql, String distributeBy) {
            this.sql = sql;
            this.distributeBy = distributeBy;
        }
    }

    private static final Set<String> TABLE_KEYWORDS =
            new HashSet<>(
                    Arrays.asList(
                            "FROM", "JOIN", "INTO", "TABLE", "OVERWRITE", "EXISTS", "UPDATE"));

    /** Words that end a FROM list at their nesting depth. */
    private static final Set<String> FROM_END =
            new HashSet<>(
                    Arrays.asList(
                            "WHERE",
                            "GROUP",
                            "ORDER",
                            "HAVING",
                            "LIMIT",
                            "UNION",
                            "EXCEPT",
                            "INTERSECT",
                            "ON",
                            "USING",
                            "SELECT",
                            "DISTRIBUTE",
                            "SORT",
                            "CLUSTER",
                            "WINDOW",
                            "LATERAL",
                            "VALUES",
                            "SET"));

    private static final Set<String> DISTRIBUTE_END =
            new HashSet<>(
                    Arrays.asList(
                            "SORT",
                            "LIMIT",
                            "ORDER",
                            "UNION",
                            "EXCEPT",
                            "INTERSECT",
                            "CLUSTER",
                            "WINDOW"));

    private SqlTranslator() {}

    public static Result translate(String sql, TableResolver resolver) {
        List<Token> toks = new ArrayList<>();
        for (Token t : SqlLexer.lex(sql)) {
            if (t.kind != Kind.COMMENT) {
                toks.add(t);
            }
        }
        StringBuilder out = new StringBuilder();
        String distributeBy = null;
        List<Integer> castDepths = new ArrayList<>();
        int depth = 0;
        Set<Integer> inFrom = new HashSet<>();
        Token prevSig = null;
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (!t.significant()) {
                out.append(t.text);
                continue;
            }
            Token next = nextSig(toks, i);
            switch (t.kind) {
                case STRING:
                    out.append(pgString(t.value));
                    if (isCastToTimestamp(toks, i)) {
                        // a bare literal would be read by the record type's input function
                        out.append("::text");
                    }
                    break;
                case QUOTED_IDENT:
                case WORD:
                {
                    // multi-part names: a.b or a.b.c
                    List<String> parts = new ArrayList<>();
                    List<Integer> idx = new ArrayList<>();
                    int j = i;
                    parts.add(t.ident());
                    idx.add(j);
                    while (true) {
                        int dot = nextSigIndex(toks, j);
                        if (dot < 0 || !toks.get(dot).isOp(".")) {
                            break;
                        }
                        int id = nextSigIndex(toks, dot);
                        if (id < 0 || !toks.get(id).isIdent()) {
                            break;
                        }
                        parts.add(toks.get(id).ident());
                        j = id;
                    }
                    boolean tablePos =
                            prevSig != null
                                    && ((prevSig.kind == Kind.WORD
                                                    && TABLE_KEYWORDS.contains(prevSig.value))
                                            || (prevSig.isOp(",") && inFrom.contains(depth)));
                    if (t.kind == Kind.WORD && t.value.equals("FROM")) {
                        inFrom.add(depth);
                    } else if (t.kind == Kind.WORD && FROM_END.contains(t.value)) {
                        inFrom.remove(depth);
                    }
                    boolean isCall =
                            nextSigIndex(toks, j) >= 0
                                    && toks.get(nextSigIndex(toks, j)).isOp("(");
                    if (t.kind == Kind.WORD
                            && parts.size() == 1
                            && isTypedLiteralKeyword(t.value)
                            && next != null
                            && next.kind == Kind.STRING
                            && !tablePos) {
                        // DATETIME '...' / TIMESTAMP "..." / DATE '...': cut, never round
                        String lit = next.value;
                        if (t.value.equals("DATETIME")) {
                            lit = PaimonRules.truncate(lit, 3);
                        } else if (!t.value.equals("DATE")) {
                            lit = PaimonRules.truncate(lit, 9);
                        }
                        String pgType = PgTypes.pgType(t.value, null);
                        out.append("CAST(")
                                .append(pgString(lit))
                                .append(pgType.equals(NanoTimestamps.PG_TYPE) ? "::text" : "")
                                .append(" AS ")
                                .append(pgType)
                                .append(")");
                        i = toks.indexOf(next);
                        prevSig = next;
                        continue;
                    }
                    if (!isCall && tablePos) {
                        String resolved = resolver.resolve(parts, tablePos);
                        if (resolved != null) {
                            out.append(resolved);
                            i = j;
                            prevSig = toks.get(j);
                            continue;
                        }
                    }
                    if (t.kind == Kind.WORD
                            && t.value.equals("DISTRIBUTE")
                            && next != null
                            && next.isWord("BY")) {
                        // strip DISTRIBUTE BY <exprs> up to the end of this (sub)query
                        int k = toks.indexOf(next) + 1;
                        int d = 0;
                        StringBuilder expr = new StringBuilder();
                        for (; k < toks.size(); k++) {
                            Token u = toks.get(k);
                            if (u.isOp("(")) {
                                d++;
                            } else if (u.isOp(")")) {
                                if (d == 0) {
                                    break;
                                }
                                d--;
                            } else if (d == 0
                                    && (u.isOp(";")
                                            || (u.kind == Kind.WORD
                                                    && DISTRIBUTE_END.contains(u.value)))) {
                                break;
                            }
                            expr.append(u.text);
                        }
                        if (distributeBy == null) {
                            distributeBy = expr.toString().trim();
                        }
                        out.append(' ');
                        i = k - 1;
                        prevSig = t;
                        continue;
                    }
                    if (t.kind == Kind.WORD
                            && t.value.equals("SORT")
                            && next != null
                            && next.isWord("BY")) {
                        out.append("ORDER");
                        break;
                    }
                    if (t.kind == Kind.WORD
                            && t.value.equals("CAST")
                            && next != null
                            && next.isOp("(")) {
                        castDepths.add(depth + 1);
                        out.append(t.text);
                        break;
                    }
                    if (t.kind == Kind.WORD
                            && prevSig != null
                            && prevSig.isWord("AS")
                            && !castDepths.isEmpty()
                            && castDepths.get(castDepths.size() - 1) == depth
                            && PgTypes.isTypeName(t.value)) {
                        // CAST(x AS type[(p[,s])])
                        String args = null;
                        int after = i;
                        if (next != null && next.isOp("(")) {
                            StringBuilder a = new StringBuilder();
                            int k = toks.indexOf(next) + 1;
                            for (; k < toks.size() && !toks.get(k).isOp(")"); k++) {
                                a.append(toks.get(k).text);
                            }
                            args = a.toString().replace(" ", "");
                            after = k;
                        }
                        out.append(PgTypes.pgType(t.value, args));
                        i = after;
                        prevSig = toks.get(after);
                        continue;
                    }
                    if (t.kind == Kind.WORD
                            && (t.value.equals("DATETIME") || t.value.equals("TIMESTAMP"))
                            && next != null
                            && next.isOp("(")
                            && (prevSig == null || !prevSig.isWord("AS"))) {
                        // DATETIME('...') / TIMESTAMP('...'): conversion functions
                        out.append("odps_").append(t.value.toLowerCase());
                        break;
                    }
                    if (t.kind == Kind.QUOTED_IDENT) {
                        out.append(Catalog.quote(t.ident()));
                    } else {
                        out.append(t.text);
                    }
                    break;
                }
                case NUMBER:
                {
                    String v = t.value;
                    String num = t.text.substring(0, t.text.length() - v.length());
                    switch (v) {
                        case "L":
                            out.append("CAST(").append(num).append(" AS bigint)");
                            break;
                        case "BD":
                            out.append("CAST(").append(num).append(" AS numeric(38,18))");
                            break;
                        case "Y":
                        case "S":
                            out.append("CAST(").append(num).append(" AS smallint)");
                            break;
                        case "F":
                            out.append("CAST(").append(num).append(" AS real)");
                            break;
                        case "D":
                            out.append("CAST(").append(num).append(" AS double precision)");
                            break;
                        default:
                            out.append(num);
                    }
                    break;
                }
                case OP:
                    if (t.isOp("(")) {
                        depth++;
                    } else if (t.isOp(")")) {
                        if (!castDepths.isEmpty()
                                && castDepths.get(castDepths.size() - 1) == depth) {
                            castDepths.remove(castDepths.size() - 1);
                        }
                        inFrom.remove(depth);
                        depth--;
                    }
                    out.append(t.isOp("==") ? "=" : t.text);
                    break;
                default:
                    out.append(t.text);
            }
            prevSig = t;
        }
        return new Result(out.toString(), distributeBy);
    }

    /** Whether the string at {@code i} is the whole operand of a CAST(... AS TIMESTAMP). */
    private static boolean isCastToTimestamp(List<Token> toks, int i) {
        int as = nextSigIndex(toks, i);
        int type = as < 0 ? -1 : nextSigIndex(toks, as);
        if (type < 0
                || !toks.get(as).isWord("AS")
                || !(toks.get(type).isWord("TIMESTAMP")
                        || toks.get(type).isWord("TIMESTAMP_NTZ"))) {
            return false;
        }
        int open = prevSigIndex(toks, i);
        int cast = open < 0 ? -1 : prevSigIndex(toks, open);
        return cast >= 0 && toks.get(open).isOp("(") && toks.get(cast).isWord("CAST");
    }

    private static boolean isTypedLiteralKeyword(String w) {
        return w.equals("DATETIME")
                || w.equals("TIMESTAMP")
                || w.equals("DATE")
                || w.equals("TIMESTAMP_NTZ");
    }

    public static String pgString(String value) {
        return "'" + OdpsValues.storableText(value).replace("'", "''") + "'";
    }

    private static Token nextSig(List<Token> toks, int i) {
        int k = nextSigIndex(toks, i);
        return k < 0 ? null : toks.get(k);
    }

    private static int prevSigIndex(List<Token> toks, int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (toks.get(k).significant()) {
                return k;
            }
        }
        return -1;
    }

    private static int nextSigIndex(List<Token> toks, int i) {
        for (int k = i + 1; k < toks.size(); k++) {
            if (toks.get(k).significant()) {
                return k;
            }
        }
        return -1;
    }
}
