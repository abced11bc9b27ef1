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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Raw pgjdbc helpers for the simulator's tests. */
final class Db {
    /** pgjdbc's default: extended query protocol. */
    static final String EXTENDED = "extended";
    static final String SIMPLE = "simple";

    private Db() {
    }

    static Connection connect(HoloSimulator sim, String db, String mode, String... props)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", sim.user());
        p.setProperty("password", sim.password());
        p.setProperty("preferQueryMode", mode);
        for (int i = 0; i + 1 < props.length; i += 2) {
            p.setProperty(props[i], props[i + 1]);
        }
        return DriverManager.getConnection(sim.jdbcUrl(db), p);
    }

    static Connection connect(HoloSimulator sim, String mode) throws SQLException {
        return connect(sim, HoloSimulator.DEFAULT_DATABASE, mode);
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static SQLException fails(String sqlState, Connection c, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> exec(c, sql), sql);
        assertEquals(sqlState, e.getSQLState(), () -> "SQLSTATE of " + sql + ": " + e.getMessage());
        return e;
    }
}
