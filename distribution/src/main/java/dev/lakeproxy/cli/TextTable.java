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

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Rows as an aligned text table, for people. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    static TextTable of(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        String[] head = new String[md.getColumnCount()];
        for (int i = 0; i < head.length; i++) {
            head[i] = md.getColumnLabel(i + 1);
        }
        TextTable t = new TextTable(head);
        while (rs.next()) {
            Object[] row = new Object[head.length];
            for (int i = 0; i < head.length; i++) {
                row[i] = rs.getString(i + 1);
            }
            t.row(row);
        }
        return t;
    }

    int size() {
        return rows.size() - 1;
    }

    String render(String indent) {
        int n = rows.get(0).length;
        int[] width = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n && i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            sb.append(indent);
            for (int i = 0; i < n; i++) {
                String cell = i < rows.get(r).length ? rows.get(r)[i] : "";
                sb.append(i == n - 1 ? cell : String.format("%-" + width[i] + "s | ", cell));
            }
            sb.append('\n');
            if (r == 0) {
                sb.append(indent);
                for (int i = 0; i < n; i++) {
                    sb.append("-".repeat(width[i])).append(i == n - 1 ? "" : "-+-");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
