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
package dev.lakeproxy.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a database navigator (DBeaver's) asks when a project is opened: the catalogs, the schemas,
 * the tables of one schema, then each table's columns and primary key, named as getTables
 * reported the table.
 */
final class NavigatorWalk {

    /** How a walk went: tables listed, and per-table calls that failed (with the first reason). */
    record Result(int tables, int failures, String firstFailure) {
    }

    private NavigatorWalk() {
    }

    static Result walk(Connection c, String catalog, String schema) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        drain(md.getCatalogs());
        drain(md.getSchemas());
        List<String[]> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", null)) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"),
                    rs.getString("TABLE_NAME")});
            }
        }
        int failures = 0;
        String first = null;
        for (String[] t : tables) {
            try {
                drain(md.getColumns(t[0], t[1], t[2], null));
                drain(md.getPrimaryKeys(t[0], t[1], t[2]));
            } catch (SQLException e) { // a navigator shows the error on that table and goes on
                failures++;
                first = first == null ? e.getMessage() : first;
            }
        }
        return new Result(tables.size(), failures, first);
    }

    private static void drain(ResultSet rs) throws SQLException {
        try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
            }
        }
    }
}
