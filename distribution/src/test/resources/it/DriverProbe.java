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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by DriverJarsIT as a single-file program with one driver jar alone on the class path, as a
 * JDBC tool would load it: DriverManager only. Arguments: URL, user, password, then statements.
 * Prints one line per statement.
 */
public class DriverProbe {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        System.out.println("driver=" + DriverManager.getDriver(url).getClass().getName());
        try (Connection c = DriverManager.getConnection(url, args[1], args[2]);
                Statement s = c.createStatement()) {
            System.out.println(
                    "connect="
                            + c.unwrap(dev.lakeproxy.LakeproxyConnection.class).connectActions());
            for (int i = 3; i < args.length; i++) {
                System.out.println(run(s, args[i]));
            }
        }
    }

    private static String run(Statement s, String sql) {
        try {
            if (!s.execute(sql)) {
                return "count=" + s.getUpdateCount() + warnings(s.getWarnings());
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.getResultSet()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int col = 1; col <= columns; col++) {
                        row.append(col > 1 ? "," : "").append(rs.getString(col));
                    }
                    rows.add(row.toString());
                }
            }
            return "rows=" + String.join("|", rows) + warnings(s.getWarnings());
        } catch (SQLException | RuntimeException | LinkageError e) {
            return "error="
                    + e.getClass().getName()
                    + ": "
                    + String.valueOf(e.getMessage()).replace('\n', ' ');
        }
    }

    private static String warnings(SQLWarning w) {
        StringBuilder sb = new StringBuilder();
        for (; w != null; w = w.getNextWarning()) {
            sb.append(" warning=").append(w.getMessage().replace('\n', ' '));
        }
        return sb.toString();
    }
}
