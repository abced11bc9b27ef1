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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lexical helpers over PostgreSQL SQL text: statement splitting, comments, identifiers. */
final class SqlText {
    private SqlText() {
    }

    /**
     * Spans {start, end} of the statements in {@code sql}, split at top-level semicolons
     * (excluded).
     */
    static List<int[]> split(String sql) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == ';') {
                spans.add(new int[] {start, i});
                start = i + 1;
                i++;
            } else {
                i = skipToken(sql, i);
            }
        }
        spans.add(new int[] {start, n});
        return spans;
    }

    /**
     * Skips one lexical unit that starts at {@code i}: a string, quoted identifier, comment or one
     * char.
     */
    static int skipToken(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '\'') {
            boolean backslash = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
            int j = i + 1;
            while (j < n) {
                char d = sql.charAt(j);
                if (backslash && d == '\\') {
                    j += 2;
                    continue;
                }
                if (d == '\'') {
                    if (j + 1 < n && sql.charAt(j + 1) == '\'') {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return n;
        }
        if (c == '"') {
            int j = sql.indexOf('"', i + 1);
            while (j >= 0 && j + 1 < n && sql.charAt(j + 1) == '"') {
                j = sql.indexOf('"', j + 2);
            }
            return j < 0 ? n : j + 1;
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            int j = sql.indexOf('\n', i);
            return j < 0 ? n : j + 1;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int depth = 1;
            int j = i + 2;
            while (j < n && depth > 0) {
                if (sql.startsWith("/*", j)) {
                    depth++;
                    j += 2;
                } else if (sql.startsWith("*/", j)) {
                    depth--;
                    j += 2;
                } else {
                    j++;
                }
            }
            return j;
        }
        if (c == '$' && (i == 0 || !isIdentPart(sql.charAt(i - 1)))) {
            int j = i + 1;
            while (j < n && isIdentPart(sql.charAt(j)) && sql.charAt(j) != '$') {
                j++;
            }
            if (j < n
                    && sql.charAt(j) == '$'
                    && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
                String tag = sql.substring(i, j + 1);
                int end = sql.indexOf(tag, j + 1);
                return end < 0 ? n : end + tag.length();
            }
            return i + 1;
        }
        if (isIdentStart(c)) {
            int j = i + 1;
            while (j < n && isIdentPart(sql.charAt(j))) {
                j++;
            }
            return j;
        }
        return i + 1;
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The statement without leading whitespace and comments. */
    static String stripLeading(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ((c == '-' && sql.startsWith("--", i))
                    || (c == '/' && sql.startsWith("/*", i))) {
                i = skipToken(sql, i);
            } else {
                break;
            }
        }
        return sql.substring(i);
    }

    /**
     * Identifier words of the text (outside strings and comments), lower-cased; quoted identifiers
     * unquoted.
     */
    static List<String> words(String sql) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            int j = skipToken(sql, i);
            char c = sql.charAt(i);
            if (isIdentStart(c)) {
                out.add(sql.substring(i, j).toLowerCase(Locale.ROOT));
            } else if (c == '"') {
                out.add(unquoteIdent(sql.substring(i, j)));
            }
            i = j;
        }
        return out;
    }

    /** {@code "Ab""c"} becomes {@code Ab"c}; unquoted identifiers are lower-cased. */
    static String unquoteIdent(String ident) {
        String s = ident.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    static String quoteIdent(String ident) {
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }

    static String quoteLiteral(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A value in SET syntax: 'x', "x" or a bare word/number. */
    static String unquoteValue(String v) {
        String s = v.trim();
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }
}
