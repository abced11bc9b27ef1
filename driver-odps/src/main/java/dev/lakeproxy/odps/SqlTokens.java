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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small lexical scanner for MaxCompute SQL, for the statements JSqlParser cannot parse
 * (MaxCompute's {@code INSERT OVERWRITE TABLE t PARTITION (...)}, {@code DISTRIBUTE BY}, {@code
 * STORED BY}, backticks). It knows strings ({@code '...'} and {@code "..."} with backslash
 * escapes), backtick identifiers, {@code --} and {@code /* *}{@code /} comments, and bracket depth;
 * every token keeps its offsets in the original text, so a rewrite splices the original and leaves
 * everything else as the user wrote it.
 */
final class SqlTokens {

    enum Kind { WORD, QUOTED_ID, STRING, NUMBER, SYMBOL }

    static final class Token {
        final Kind kind;
        final int begin;
        final int end;
        final String text;
        /** Bracket depth before the token (an opening bracket has the outer depth). */
        final int depth;

        Token(Kind kind, int begin, int end, String text, int depth) {
            this.kind = kind;
            this.begin = begin;
            this.end = end;
            this.text = text;
            this.depth = depth;
        }

        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
        }

        /** The identifier's name: backticks removed, words as written. */
        String name() {
            if (kind == Kind.QUOTED_ID) {
                return text.substring(1, text.length() - 1).replace("``", "`");
            }
            return text;
        }

        boolean isIdentifier() {
            return kind == Kind.WORD || kind == Kind.QUOTED_ID;
        }

        /** The value of a string literal, unquoted and unescaped. */
        String stringValue() {
            String body = text.substring(1, Math.max(1, text.length() - 1));
            StringBuilder sb = new StringBuilder(body.length());
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '\\' && i + 1 < body.length()) {
                    char n = body.charAt(++i);
                    sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private SqlTokens() {
    }

    /**
     * The tokens of {@code sql}; {@code null} when the text is not well formed (unclosed string or
     * bracket).
     */
    static List<Token> scan(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int len = sql.length();
        int depth = 0;
        while (i < len) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < len && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? len : nl + 1;
            } else if (c == '/' && i + 1 < len && sql.charAt(i + 1) == '*') {
                int e = sql.indexOf("*/", i + 2);
                if (e < 0) {
                    return null;
                }
                i = e + 2;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < len && sql.charAt(j) != c) {
                    j += sql.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= len) {
                    return null;
                }
                out.add(new Token(Kind.STRING, i, j + 1, sql.substring(i, j + 1), depth));
                i = j + 1;
            } else if (c == '`') {
                int j = i + 1;
                while (true) {
                    j = sql.indexOf('`', j);
                    if (j < 0) {
                        return null;
                    }
                    if (j + 1 < len && sql.charAt(j + 1) == '`') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                out.add(new Token(Kind.QUOTED_ID, i, j + 1, sql.substring(i, j + 1), depth));
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int j = i + 1;
                while (j < len
                        && (Character.isLetterOrDigit(sql.charAt(j))
                                || sql.charAt(j) == '_'
                                || sql.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Token(Kind.WORD, i, j, sql.substring(i, j), depth));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < len
                        && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Kind.NUMBER, i, j, sql.substring(i, j), depth));
                i = j;
            } else {
                if (c == '(') {
                    out.add(new Token(Kind.SYMBOL, i, i + 1, "(", depth));
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth < 0) {
                        return null;
                    }
                    out.add(new Token(Kind.SYMBOL, i, i + 1, ")", depth));
                } else {
                    out.add(new Token(Kind.SYMBOL, i, i + 1, String.valueOf(c), depth));
                }
                i++;
            }
        }
        return depth == 0 ? out : null;
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    static int closing(List<Token> tokens, int open) {
        int d = tokens.get(open).depth;
        for (int i = open + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol(')') && t.depth == d) {
                return i;
            }
        }
        return -1;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
