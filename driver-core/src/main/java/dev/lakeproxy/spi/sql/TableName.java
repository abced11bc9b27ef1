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
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A table name as a statement wrote it: one to three parts ({@code t}, {@code s.t}, {@code
 * db.s.t}), each kept as written (with its quotes) so that a plugin can apply its server's folding
 * rules: PostgreSQL folds unquoted names to lower case and keeps quoted ones; MaxCompute ignores
 * case and accepts backticks.
 */
public final class TableName {

    private final List<String> written;
    private final int start;
    private final int end;

    private TableName(List<String> written, int start, int end) {
        this.written = Collections.unmodifiableList(new ArrayList<>(written));
        this.start = start;
        this.end = end;
    }

    /** A name from its parts as written, outermost first; null or empty parts are dropped. */
    public static TableName of(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                kept.add(p);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("a table name needs at least one part");
        }
        return new TableName(kept, -1, -1);
    }

    /** The same name, found at {@code [start, end)} of the statement's text (for splicing). */
    public TableName at(int start, int end) {
        return new TableName(written, start, end);
    }

    /** Where the whole name starts in the statement's text, or -1 when not known. */
    public int start() {
        return start;
    }

    /** Where the whole name ends (exclusive), or -1 when not known. */
    public int end() {
        return end;
    }

    /** How many parts were written (1 to 3). */
    public int size() {
        return written.size();
    }

    /** Part {@code i} as written, quotes included. */
    public String written(int i) {
        return written.get(i);
    }

    /** Whether part {@code i} was quoted ({@code "..."}, {@code `...`} or {@code [...]}). */
    public boolean isQuoted(int i) {
        String p = written.get(i);
        return p.length() >= 2 && (p.charAt(0) == '"' || p.charAt(0) == '`' || p.charAt(0) == '[');
    }

    /** Part {@code i} without its quotes (doubled quotes inside made single), case as written. */
    public String unquoted(int i) {
        String p = written.get(i);
        if (!isQuoted(i)) {
            return p;
        }
        char q = p.charAt(0) == '[' ? ']' : p.charAt(0);
        return p.substring(1, p.length() - 1).replace("" + q + q, "" + q);
    }

    /**
     * Part {@code i} as PostgreSQL resolves it: quoted parts exactly, unquoted ones in lower case.
     */
    public String folded(int i) {
        return isQuoted(i) ? unquoted(i) : written.get(i).toLowerCase(Locale.ROOT);
    }

    /** The table's own part (the last one), folded. */
    public String table() {
        return folded(written.size() - 1);
    }

    /**
     * The part before the table's (schema, or project in a two-part MaxCompute name), folded;
     * {@code null} if none.
     */
    public String qualifier() {
        return written.size() < 2 ? null : folded(written.size() - 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableName && ((TableName) o).written.equals(written);
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }

    @Override
    public String toString() {
        return String.join(".", written);
    }
}
