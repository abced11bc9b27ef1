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
package dev.lakeproxy;

import dev.lakeproxy.testing.EmbeddedPg;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * What the fidelity tests compare: a transcript of everything an application could observe of a
 * statement or API call (results, update counts, warnings, errors), on a raw or a lakeproxy
 * connection.
 */
final class FidelityTranscripts {

    private FidelityTranscripts() {
    }

    /** Runs one statement and writes down everything the application could observe. */
    interface Scenario {
        String run(Connection c) throws Exception;
    }

    interface Binder {
        void bind(PreparedStatement p) throws SQLException;
    }

    static String set(PreparedStatement p, Binder b) {
        try {
            b.bind(p);
            return "";
        } catch (SQLException e) {
            return "bind error " + e.getSQLState();
        }
    }

    interface Query {
        ResultSet get() throws SQLException;
    }

    static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return transcriptOf(() -> s.executeQuery(sql));
        }
    }

    static String transcriptOf(Query q) {
        try (ResultSet rs = q.get()) {
            return dump(rs);
        } catch (SQLException e) {
            return "error " + e.getSQLState() + " " + e.getMessage();
        }
    }

    static String run(Connection c, String sql) {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement()) {
            boolean isResult = s.execute(sql);
            while (true) {
                if (isResult) {
                    try (ResultSet rs = s.getResultSet()) {
                        out.append(dump(rs));
                    }
                } else {
                    int count = s.getUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    out.append("update ").append(count).append('\n');
                }
                isResult = s.getMoreResults();
            }
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                out.append("warning ")
                        .append(w.getSQLState())
                        .append(' ')
                        .append(w.getMessage())
                        .append('\n');
            }
        } catch (SQLException e) {
            out.append("error ").append(e.getSQLState()).append(' ').append(e.getMessage());
        }
        return out.toString();
    }

    static String dump(ResultSet rs) throws SQLException {
        StringBuilder sb = new StringBuilder();
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            sb.append(md.getColumnLabel(i)).append(':').append(md.getColumnTypeName(i)).append(' ');
        }
        sb.append('\n');
        while (rs.next()) {
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Object o = rs.getObject(i);
                sb.append(o == null ? "NULL" : o.getClass().getSimpleName() + "=" + rs.getString(i))
                        .append(" | ");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static Connection raw(String db) throws SQLException {
        return DriverManager.getConnection(EmbeddedPg.rawUrl(db));
    }

    static Connection lake(String db) throws SQLException {
        return DriverManager.getConnection(EmbeddedPg.lakeUrl(db));
    }

    static String outcome(Scenario s, Connection c) {
        try {
            return s.run(c);
        } catch (Exception e) {
            return "exception " + e;
        }
    }
}
