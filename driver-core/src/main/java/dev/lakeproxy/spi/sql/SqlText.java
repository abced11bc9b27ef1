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

/**
 * Cheap lexical checks on SQL text, for the pre-check that decides whether a statement could
 * concern a plugin at all. They never allocate and never parse. They may say "maybe" for a word
 * inside a string or a comment; a "maybe" only costs a parse, a wrong "no" would cost correctness,
 * so they lean to "maybe".
 */
public final class SqlText {

    private SqlText() {
    }

    /** Whether {@code word} occurs in {@code sql} as a whole word, ignoring ASCII case. */
    public static boolean containsWord(String sql, String word) {
        int n = word.length();
        int last = sql.length() - n;
        if (n == 0 || last < 0) {
            return n == 0;
        }
        // Two-character prefilter before the full comparison; (c | 0x20) folds ASCII letters to
        // lower case.
        int first = Character.toLowerCase(word.charAt(0)) | 0x20;
        int second = n > 1 ? Character.toLowerCase(word.charAt(1)) | 0x20 : -1;
        for (int i = 0; i <= last; i++) {
            if ((sql.charAt(i) | 0x20) == first
                    && (second < 0 || (sql.charAt(i + 1) | 0x20) == second)
                    && sql.regionMatches(true, i, word, 0, n)
                    && !isWordChar(sql, i - 1)
                    && !isWordChar(sql, i + n)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of {@code words} occurs as a whole word. */
    public static boolean containsAnyWord(String sql, String... words) {
        for (String w : words) {
            if (containsWord(sql, w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index just after the {@code --} or {@code /* *\/} comment that starts at {@code i} (the
     * text's end when it is not closed), or -1 when no comment starts there.
     */
    static int commentEnd(String sql, int i) {
        if (i + 1 >= sql.length()) {
            return -1;
        }
        char c = sql.charAt(i);
        char next = sql.charAt(i + 1);
        if (c == '-' && next == '-') {
            int nl = sql.indexOf('\n', i);
            return nl < 0 ? sql.length() : nl + 1;
        }
        if (c == '/' && next == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return -1;
    }

    /**
     * The index of the first character of the first token, skipping blanks, {@code --} and {@code
     * /* *\/} comments.
     */
    public static int firstTokenStart(String sql) {
        int i = 0;
        int len = sql.length();
        while (i < len) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else {
                int after = commentEnd(sql, i);
                if (after < 0) {
                    return i;
                }
                i = after;
            }
        }
        return len;
    }

    /**
     * Whether the statement's first keyword is {@code keyword} (after blanks, comments and opening
     * brackets).
     */
    public static boolean startsWithKeyword(String sql, String keyword) {
        return keywordAt(sql, firstTokenStart(sql), keyword);
    }

    /**
     * Whether {@code keyword} stands as a whole word at offset {@code i}, ignoring ASCII case; for
     * callers that test several keywords at one {@link #firstTokenStart} without scanning the
     * leading comments again.
     */
    public static boolean keywordAt(String sql, int i, String keyword) {
        return sql.regionMatches(true, i, keyword, 0, keyword.length())
                && !isWordChar(sql, i + keyword.length());
    }

    private static boolean isWordChar(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
