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
package dev.lakeproxy.spi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a multi-statement string at the semicolons that end statements: not inside '...' or "..."
 * or `...` quotes, {@code --} or {@code /* *\/} comments, or PostgreSQL dollar quotes ({@code
 * $$...$$}, {@code $tag$...$tag$}).
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /**
     * The statements, trimmed, without their semicolons; blank pieces are dropped. PostgreSQL's
     * rules: a backslash escapes a quote only in {@code E'...'} strings.
     */
    public static List<String> split(String sql) {
        return split(sql, false);
    }

    /**
     * Like {@link #split(String)}; with {@code backslashEscapes} (MaxCompute) a backslash escapes
     * in every string.
     */
    public static List<String> split(String sql, boolean backslashEscapes) {
        List<String> out = new ArrayList<>(2);
        int start = 0;
        int i = 0;
        int len = sql.length();
        while (i < len) {
            char c = sql.charAt(i);
            int comment = SqlText.commentEnd(sql, i);
            if (c == '\'' || c == '"' || c == '`') {
                boolean escapes =
                        c != '"'
                                && (backslashEscapes
                                        || (i > 0 && (sql.charAt(i - 1) | 0x20) == 'e'));
                i = closing(sql, i + 1, c, escapes);
            } else if (comment >= 0) {
                i = comment;
            } else if (c == '$' && (i == 0 || !isWordChar(sql.charAt(i - 1)))) {
                i = dollarQuoteEnd(sql, i);
            } else if (c == ';') {
                add(out, sql.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        add(out, sql.substring(start));
        return out;
    }

    private static void add(List<String> out, String piece) {
        String t = piece.trim();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    /**
     * The index after the quote that closes one opened just before {@code from} (doubled quotes
     * escape).
     */
    private static int closing(String sql, int from, char quote, boolean backslashEscapes) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (backslashEscapes && sql.charAt(i) == '\\') {
                i++; // a backslash escape (MaxCompute strings, PostgreSQL E'...')
            }
            i++;
        }
        return sql.length();
    }

    /**
     * After a {@code $tag$ ... $tag$} body, or just past the {@code $} when it does not open one.
     */
    private static int dollarQuoteEnd(String sql, int at) {
        int tagEnd = at + 1;
        while (tagEnd < sql.length()
                && isWordChar(sql.charAt(tagEnd))
                && sql.charAt(tagEnd) != '$') {
            tagEnd++;
        }
        if (tagEnd >= sql.length()
                || sql.charAt(tagEnd) != '$'
                || (tagEnd > at + 1 && Character.isDigit(sql.charAt(at + 1)))) {
            return at + 1; // $1 parameter or a lone $
        }
        String tag = sql.substring(at, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
