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
import java.util.ArrayList;
import java.util.List;

/**
 * A small lexer for MaxCompute SQL: enough to translate and to split statements, never to judge
 * them.
 */
public final class SqlLexer {

    public enum Kind {
        WS,
        COMMENT,
        WORD,
        QUOTED_IDENT,
        STRING,
        NUMBER,
        OP
    }

    public static final class Token {
        public final Kind kind;
        public final String text; // raw text as written
        /** The decoded value of a STRING or QUOTED_IDENT, the upper-case word of a WORD. */
        public final String value;
        public final int pos;

        Token(Kind kind, String text, String value, int pos) {
            this.kind = kind;
            this.text = text;
            this.value = value;
            this.pos = pos;
        }

        public boolean isWord(String w) {
            return kind == Kind.WORD && value.equals(w);
        }

        public boolean isOp(String o) {
            return kind == Kind.OP && text.equals(o);
        }

        public boolean isIdent() {
            return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
        }

        /** Identifier name as MaxCompute sees it (case-insensitive, so lower case). */
        String ident() {
            return kind == Kind.QUOTED_IDENT ? value.toLowerCase() : text.toLowerCase();
        }

        public boolean significant() {
            return kind != Kind.WS && kind != Kind.COMMENT;
        }

        @Override
        public String toString() {
            return kind + ":" + text;
        }
    }

    private SqlLexer() {}

    public static List<Token> lex(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WS, sql.substring(start, i), null, start));
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                out.add(new Token(Kind.COMMENT, sql.substring(start, i), null, start));
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.add(new Token(Kind.COMMENT, sql.substring(start, i), null, start));
            } else if (c == '\'' || c == '"') {
                StringBuilder v = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        char e = sql.charAt(i + 1);
                        switch (e) {
                            case 'n':
                                v.append('\n');
                                break;
                            case 't':
                                v.append('\t');
                                break;
                            case 'r':
                                v.append('\r');
                                break;
                            case '0':
                                v.append('\0');
                                break;
                            case 'b':
                                v.append('\b');
                                break;
                            default:
                                v.append(e);
                        }
                        i += 2;
                    } else if (d == c) {
                        if (i + 1 < n && sql.charAt(i + 1) == c) { // doubled quote
                            v.append(c);
                            i += 2;
                        } else {
                            i++;
                            closed = true;
                            break;
                        }
                    } else {
                        v.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw new OdpsSqlException(
                            "ODPS-0130161",
                            "Parse exception - unterminated string literal at position " + start);
                }
                out.add(new Token(Kind.STRING, sql.substring(start, i), v.toString(), start));
            } else if (c == '`') {
                int end = sql.indexOf('`', i + 1);
                if (end < 0) {
                    throw new OdpsSqlException(
                            "ODPS-0130161",
                            "Parse exception - unterminated identifier at position " + start);
                }
                i = end + 1;
                out.add(
                        new Token(
                                Kind.QUOTED_IDENT,
                                sql.substring(start, i),
                                sql.substring(start + 1, end),
                                start));
            } else if (Character.isDigit(c)
                    || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                if (i < n
                        && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')
                        && i + 1 < n
                        && (Character.isDigit(sql.charAt(i + 1))
                                || ((sql.charAt(i + 1) == '-' || sql.charAt(i + 1) == '+')
                                        && i + 2 < n
                                        && Character.isDigit(sql.charAt(i + 2))))) {
                    i += 2;
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                }
                // MaxCompute literal suffixes: 10L, 1.5BD, 3Y, 4S, 3.14F, 2.5D
                int s = i;
                while (i < n && Character.isLetter(sql.charAt(i))) {
                    i++;
                }
                String suffix = sql.substring(s, i).toUpperCase();
                if (!(suffix.isEmpty()
                        || suffix.equals("L")
                        || suffix.equals("BD")
                        || suffix.equals("Y")
                        || suffix.equals("S")
                        || suffix.equals("F")
                        || suffix.equals("D"))) {
                    i = s; // not a suffix: leave the letters to the next token
                    suffix = "";
                }
                out.add(new Token(Kind.NUMBER, sql.substring(start, i), suffix, start));
            } else if (Character.isLetter(c)
                    || c == '_'
                    || c == '$'
                    || Character.isLetter(Character.codePointAt(sql, i))) {
                while (i < n) {
                    char d = sql.charAt(i);
                    if (Character.isLetterOrDigit(d)
                            || d == '_'
                            || d == '$'
                            || Character.isSurrogate(d)) {
                        i++;
                    } else {
                        break;
                    }
                }
                String w = sql.substring(start, i);
                out.add(new Token(Kind.WORD, w, w.toUpperCase(), start));
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                if (two.equals("<>")
                        || two.equals("!=")
                        || two.equals(">=")
                        || two.equals("<=")
                        || two.equals("==")
                        || two.equals("||")
                        || two.equals("::")) {
                    i += 2;
                } else {
                    i++;
                }
                out.add(new Token(Kind.OP, sql.substring(start, i), null, start));
            }
        }
        return out;
    }

    /** Splits a script into statements at top-level semicolons; empty statements are dropped. */
    public static List<String> splitStatements(String sql) {
        List<Token> toks = lex(sql);
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean hasContent = false;
        for (Token t : toks) {
            if (t.isOp(";")) {
                if (hasContent) {
                    out.add(cur.toString().trim());
                }
                cur.setLength(0);
                hasContent = false;
            } else {
                cur.append(t.text);
                if (t.significant()) {
                    hasContent = true;
                }
            }
        }
        if (hasContent) {
            out.add(cur.toString().trim());
        }
        return out;
    }

    public static List<Token> significant(List<Token> toks) {
        List<Token> out = new ArrayList<>();
        for (Token t : toks) {
            if (t.significant()) {
                out.add(t);
            }
        }
        return out;
    }
}
