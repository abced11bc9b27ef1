package dev.lakeproxy.cli;

import dev.lakeproxy.LakeproxyConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo: an embedded PostgreSQL, the same statements through raw pgjdbc and through lakeproxy, and what
 * lakeproxy did. (The Hologres and MaxCompute scenarios join it when their simulators and plugins land.)
 */
final class Demo {

    private final PrintStream out;

    Demo(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) throws Exception {
        step("Starting an embedded PostgreSQL (no network, no install)");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = "postgresql://127.0.0.1:" + pg.getPort() + "/postgres?user=postgres";
            step("Raw pgjdbc:  jdbc:" + url);
            step("lakeproxy:   jdbc:lakeproxy:" + url);
            try (Connection raw = DriverManager.getConnection("jdbc:" + url);
                 Connection lake = DriverManager.getConnection("jdbc:lakeproxy:" + url)) {
                String[] statements = {
                    "CREATE TABLE IF NOT EXISTS demo_orders (id int PRIMARY KEY, customer text, amount numeric(10,2))",
                    "INSERT INTO demo_orders VALUES (1, 'Zhang San', 12.50), (2, 'Li Si', 99.00) ON CONFLICT DO NOTHING",
                    "SELECT customer, amount FROM demo_orders ORDER BY id",
                };
                for (String sql : statements) {
                    step("SQL: " + sql);
                    String a = runAndShow(raw, sql);
                    String b = runAndShow(lake, sql);
                    out.println("  raw pgjdbc  -> " + a);
                    out.println("  lakeproxy   -> " + b);
                    out.println("  what lakeproxy did: " + lake.unwrap(LakeproxyConnection.class).explain(sql));
                }
                LakeproxyConnection lp = lake.unwrap(LakeproxyConnection.class);
                step("Driver: " + lake.getMetaData().getDriverName());
                step("Active plugins: " + (lp.activePlugins().isEmpty() ? "none (plain PostgreSQL: pure pass-through)" : lp.activePlugins()));
                step("Counters: " + lp.metrics().snapshot());
            }
        }
        step("Done");
        return 0;
    }

    private void step(String text) {
        out.println("==> " + text);
    }

    private static String runAndShow(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return "update count " + s.getUpdateCount();
            }
            try (ResultSet rs = s.getResultSet()) {
                return table(rs);
            }
        } catch (SQLException e) {
            return "ERROR " + e.getSQLState() + ": " + e.getMessage();
        }
    }

    /** Rows as an aligned text table. */
    static String table(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[n];
        for (int i = 0; i < n; i++) {
            head[i] = md.getColumnLabel(i + 1);
        }
        rows.add(head);
        while (rs.next()) {
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                row[i] = String.valueOf(rs.getString(i + 1));
            }
            rows.add(row);
        }
        int[] width = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            sb.append("\n      ");
            for (int i = 0; i < n; i++) {
                sb.append(String.format("%-" + width[i] + "s", rows.get(r)[i])).append(i < n - 1 ? " | " : "");
            }
            if (r == 0) {
                sb.append("\n      ");
                for (int i = 0; i < n; i++) {
                    sb.append("-".repeat(width[i])).append(i < n - 1 ? "-+-" : "");
                }
            }
        }
        return sb.toString();
    }
}
