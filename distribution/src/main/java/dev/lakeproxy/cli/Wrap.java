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
package dev.lakeproxy.cli;

/**
 * Word-wraps the CLI's long lines (driver errors run to 400 characters) at about 100 columns, in
 * full.
 */
final class Wrap {

    static final int WIDTH = 100;

    private Wrap() {
    }

    /**
     * The text wrapped at {@link #WIDTH} columns; lines after the first start with the indent. The
     * first line is counted as if it were indented too, since callers print it after a label of
     * about that width.
     */
    static String lines(String text, String indent) {
        StringBuilder out = new StringBuilder();
        int column = indent.length();
        boolean first = true;
        for (String word : text.replace('\n', ' ').split(" +")) {
            if (!first && column + 1 + word.length() > WIDTH) {
                out.append('\n').append(indent);
                column = indent.length();
            } else if (!first) {
                out.append(' ');
                column++;
            }
            first = false;
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }

    /** "1 row", "2 rows". */
    static String rows(int n) {
        return n + (n == 1 ? " row" : " rows");
    }
}
