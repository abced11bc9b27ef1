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
package dev.lakeproxy.credentials.testing;

import dev.lakeproxy.LakeproxyConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JDBC client for {@link ChildJvm}: {@code url [name=value ...] [--sql S ...]} connects (the
 * pairs are Properties) and prints {@code actions=...} and {@code rows=...} per statement; with
 * {@code --threads T --seconds N} it keeps T connections busy with the statements for N seconds and
 * prints {@code statements=... failures=...}. A failure prints {@code error=<SQLState> <message>}
 * and exits 1.
 */
public final class JdbcProbe {

    private JdbcProbe() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Properties props = new Properties();
        List<String> sql = new ArrayList<>();
        int threads = 0;
        int seconds = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--sql")) {
                sql.add(args[++i]);
            } else if (args[i].equals("--threads")) {
                threads = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--seconds")) {
                seconds = Integer.parseInt(args[++i]);
            } else {
                String[] kv = args[i].split("=", 2);
                props.setProperty(kv[0], kv[1]);
            }
        }
        try {
            if (threads > 0) {
                load(url, props, sql, threads, seconds);
            } else {
                once(url, props, sql);
            }
        } catch (SQLException e) {
            System.out.println("error=" + e.getSQLState() + " " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private static void once(String url, Properties props, List<String> sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, props)) {
            System.out.println("actions=" + c.unwrap(LakeproxyConnection.class).connectActions());
            for (String s : sql) {
                System.out.println("rows=" + rows(c, s));
            }
        }
    }

    /** T connections, each used by one thread, for N seconds; every failure is counted. */
    private static void load(
            String url, Properties props, List<String> sql, int threads, int seconds)
            throws Exception {
        AtomicLong statements = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Connection c = DriverManager.getConnection(url, props);
            Thread w =
                    new Thread(
                            () -> {
                                try (c) {
                                    while (System.nanoTime() < end) {
                                        for (String s : sql) {
                                            try {
                                                rows(c, s);
                                                statements.incrementAndGet();
                                            } catch (SQLException e) {
                                                failures.incrementAndGet();
                                                System.out.println(
                                                        "failure="
                                                                + e.getSQLState()
                                                                + " "
                                                                + e.getMessage());
                                            }
                                        }
                                    }
                                } catch (SQLException closing) {
                                    failures.incrementAndGet();
                                }
                            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("statements=" + statements + " failures=" + failures);
    }

    /** The rows of a query, {@code a,b|c,d}. */
    public static String rows(Connection c, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                out.append(out.length() == 0 ? "" : "|");
                for (int i = 1; i <= n; i++) {
                    out.append(i == 1 ? "" : ",").append(rs.getString(i));
                }
            }
        }
        return out.toString();
    }
}
