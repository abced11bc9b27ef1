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
import java.util.Comparator;
import java.util.List;

/**
 * Edits the original SQL text at given offsets and leaves every other character as the user wrote
 * it: comments, hints, case and formatting survive a rewrite.
 */
public final class SqlSplice {

    private final String original;
    private final List<int[]> spans = new ArrayList<>();
    private final List<String> replacements = new ArrayList<>();

    private SqlSplice(String original) {
        this.original = original;
    }

    public static SqlSplice of(String original) {
        return new SqlSplice(original);
    }

    /** Replaces {@code [begin, end)}. */
    public SqlSplice replace(int begin, int end, String text) {
        if (begin < 0 || end < begin || end > original.length()) {
            throw new IllegalArgumentException(
                    "bad span [" + begin + ", " + end + ") in a text of " + original.length());
        }
        spans.add(new int[] {begin, end, spans.size()});
        replacements.add(text);
        return this;
    }

    public SqlSplice insert(int at, String text) {
        return replace(at, at, text);
    }

    public String apply() {
        List<int[]> sorted = new ArrayList<>(spans);
        sorted.sort(
                Comparator.<int[]>comparingInt(s -> s[0])
                        .thenComparingInt(s -> s[1])
                        .thenComparingInt(s -> s[2]));
        StringBuilder sb = new StringBuilder(original.length() + 64);
        int pos = 0;
        for (int[] s : sorted) {
            if (s[0] < pos) {
                throw new IllegalStateException("overlapping edits at " + s[0]);
            }
            sb.append(original, pos, s[0]).append(replacements.get(s[2]));
            pos = s[1];
        }
        return sb.append(original, pos, original.length()).toString();
    }
}
