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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.testing.EmbeddedPg;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.postgresql.PGConnection;

/**
 * Differential fidelity: the same corpus runs through raw pgjdbc and through lakeproxy, each on its
 * own fresh database, and every result, update count, warning and error (SQLState and message) must
 * be identical.
 */
class FidelityTest {

    /** Runs one statement and writes down everything the application could observe. */
    interface Scenario {
        String run(Connection c) throws Exception;
    }

    private static Map<String, List<String>> corpusGroups() throws IOException {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        try (InputStream in = FidelityTest.class.getResourceAsStream("/fidelity/corpus.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String group : text.split("(?m)^=== ")) {
                if (group.isBlank()) {
                    continue;
                }
                int nl = group.indexOf('\n');
                List<String> stmts = new ArrayList<>();
                for (String s : group.substring(nl + 1).split("(?m)^---$")) {
                    if (!s.isBlank()) {
                        stmts.add(s.strip());
                    }
                }
                groups.put(group.substring(0, nl).strip(), stmts);
            }
        }
        groups.put("generated", generated());
        return groups;
    }

    /**
     * More varied statements, generated: every common type's NULL and text forms, and an arithmetic
     * sweep.
     */
    private static List<String> generated() {
        List<String> out = new ArrayList<>();
        for (String t :
                Arrays.asList(
                        "int2",
                        "int4",
                        "int8",
                        "numeric",
                        "float4",
                        "float8",
                        "text",
                        "varchar",
                        "bool",
                        "date",
                        "time",
                        "timestamp",
                        "timestamptz",
                        "interval",
                        "bytea",
                        "uuid",
                        "jsonb",
                        "json",
                        "inet",
                        "int4[]",
                        "text[]")) {
            out.add(
                    "SELECT NULL::"
                            + t
                            + ", pg_typeof(NULL::"
                            + t
                            + ")::text, format_type('"
                            + t
                            + "'::regtype, NULL)");
        }
        out.add("CREATE TABLE gen (i int, s text, d numeric)");
        for (int i = 0; i < 25; i++) {
            out.add(
                    "INSERT INTO gen SELECT g, md5(g::text), g / "
                            + (i + 1)
                            + ".0 FROM generate_series("
                            + (i * 10)
                            + ", "
                            + (i * 10 + 9)
                            + ") g");
        }
        for (int i = 1; i <= 20; i++) {
            out.add(
                    "SELECT i % "
                            + (i + 1)
                            + " AS k, count(*), sum(d)::numeric(20,4), max(s) FROM gen WHERE i > "
                            + (i * 7)
                            + " GROUP BY 1 ORDER BY 1 LIMIT "
                            + (i + 2));
        }
        return out;
    }

    private static List<Scenario> apiScenarios() {
        List<Scenario> out = new ArrayList<>();
        Object[][] params = {
            {"int4", (Function<PreparedStatement, String>) p -> set(p, x -> x.setInt(1, -42))},
            {
                "int8",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setLong(1, Long.MAX_VALUE))
            },
            {
                "int2",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setShort(1, (short) 7))
            },
            {
                "int2",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setByte(1, (byte) 3))
            },
            {"bool", (Function<PreparedStatement, String>) p -> set(p, x -> x.setBoolean(1, true))},
            {
                "text",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setString(1, "it's ünïcødé ✓"))
            },
            {
                "numeric",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setBigDecimal(1, new BigDecimal("12345.678900")))
            },
            {
                "float8",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setDouble(1, 1.0 / 3))
            },
            {"float4", (Function<PreparedStatement, String>) p -> set(p, x -> x.setFloat(1, 2.5f))},
            {
                "date",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setDate(1, Date.valueOf("2024-02-29")))
            },
            {
                "time",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setTime(1, Time.valueOf("13:14:15")))
            },
            {
                "timestamp",
                (Function<PreparedStatement, String>)
                        p ->
                                set(
                                        p,
                                        x ->
                                                x.setTimestamp(
                                                        1,
                                                        Timestamp.valueOf(
                                                                "2024-02-29 13:14:15.123456")))
            },
            {
                "bytea",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setBytes(1, new byte[] {0, 1, (byte) 255}))
            },
            {
                "text",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setNull(1, Types.VARCHAR))
            },
            {
                "int4",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setNull(1, Types.INTEGER))
            },
            {
                "date",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setObject(1, LocalDate.of(2020, 1, 2)))
            },
            {
                "timestamp",
                (Function<PreparedStatement, String>)
                        p ->
                                set(
                                        p,
                                        x ->
                                                x.setObject(
                                                        1,
                                                        LocalDateTime.of(
                                                                2020, 1, 2, 3, 4, 5, 6000)))
            },
            {
                "timestamptz",
                (Function<PreparedStatement, String>)
                        p ->
                                set(
                                        p,
                                        x ->
                                                x.setObject(
                                                        1,
                                                        OffsetDateTime.of(
                                                                2020,
                                                                1,
                                                                2,
                                                                3,
                                                                4,
                                                                5,
                                                                0,
                                                                ZoneOffset.UTC)))
            },
            {
                "uuid",
                (Function<PreparedStatement, String>)
                        p ->
                                set(
                                        p,
                                        x ->
                                                x.setObject(
                                                        1,
                                                        UUID.fromString(
                                                                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")))
            },
            {
                "int4[]",
                (Function<PreparedStatement, String>)
                        p ->
                                set(
                                        p,
                                        x ->
                                                x.setArray(
                                                        1,
                                                        x.getConnection()
                                                                .createArrayOf(
                                                                        "int4",
                                                                        new Integer[] {
                                                                            1, null, 3
                                                                        })))
            },
            {
                "numeric",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setObject(1, "3.14", Types.NUMERIC))
            },
            {
                "int4",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setString(1, "not a number"))
            },
        };
        for (Object[] row : params) {
            String type = (String) row[0];
            @SuppressWarnings("unchecked")
            Function<PreparedStatement, String> binder =
                    (Function<PreparedStatement, String>) row[1];
            out.add(c -> {
                try (PreparedStatement p = c.prepareStatement("SELECT ?::" + type + " AS v")) {
                    String bound = binder.apply(p);
                    return bound + transcriptOf(p::executeQuery);
                }
            });
        }
        out.add(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE b (id int PRIMARY KEY, v text)");
                s.addBatch("INSERT INTO b VALUES (1, 'a')");
                s.addBatch("INSERT INTO b VALUES (2, 'b')");
                s.addBatch("UPDATE b SET v = 'c'");
                return Arrays.toString(s.executeBatch());
            }
        });
        out.add(
                c -> {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO b VALUES (?, ?)")) {
                        for (int i = 10; i < 110; i++) {
                            p.setInt(1, i);
                            p.setString(2, "row" + i);
                            p.addBatch();
                        }
                        return Arrays.toString(p.executeBatch())
                                + query(c, "SELECT count(*), min(v), max(v) FROM b");
                    }
                });
        out.add(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement("INSERT INTO b VALUES (?, 'dup')")) {
                        p.setInt(1, 500);
                        p.addBatch();
                        p.setInt(1, 1);
                        p.addBatch();
                        p.executeBatch();
                        return "no error";
                    } catch (BatchUpdateException e) {
                        return "batch "
                                + e.getSQLState()
                                + " "
                                + Arrays.toString(e.getUpdateCounts())
                                + " "
                                + e.getNextException().getSQLState();
                    }
                });
        out.add(c -> {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO b VALUES (900, 'tx')");
                Savepoint sp = c.setSavepoint("sp");
                s.executeUpdate("INSERT INTO b VALUES (901, 'tx')");
                c.rollback(sp);
                Savepoint sp2 = c.setSavepoint();
                s.executeUpdate("INSERT INTO b VALUES (902, 'tx')");
                c.releaseSavepoint(sp2);
                c.commit();
                s.executeUpdate("INSERT INTO b VALUES (903, 'tx')");
                c.rollback();
                return query(c, "SELECT id FROM b WHERE v = 'tx' ORDER BY id");
            } finally {
                c.setAutoCommit(true);
            }
        });
        out.add(
                c -> {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        s.setFetchSize(7);
                        StringBuilder sb = new StringBuilder();
                        try (ResultSet rs =
                                s.executeQuery("SELECT g, g * g FROM generate_series(1, 100) g")) {
                            long sum = 0;
                            int rows = 0;
                            while (rs.next()) {
                                sum += rs.getLong(2);
                                rows++;
                            }
                            sb.append(rows).append(' ').append(sum);
                        }
                        c.commit();
                        return sb.toString();
                    } finally {
                        c.setAutoCommit(true);
                    }
                });
        out.add(
                c -> {
                    try (Statement s =
                                    c.createStatement(
                                            ResultSet.TYPE_SCROLL_INSENSITIVE,
                                            ResultSet.CONCUR_READ_ONLY);
                            ResultSet rs =
                                    s.executeQuery("SELECT g FROM generate_series(1, 10) g")) {
                        rs.absolute(5);
                        int a = rs.getInt(1);
                        rs.relative(-2);
                        int b = rs.getInt(1);
                        rs.last();
                        return a + " " + b + " " + rs.getInt(1) + " " + rs.getRow();
                    }
                });
        out.add(
                c -> {
                    PGConnection pg = c.unwrap(PGConnection.class);
                    long in =
                            pg.getCopyAPI()
                                    .copyIn(
                                            "COPY b FROM STDIN",
                                            new ByteArrayInputStream(
                                                    "2000\tcopied\n2001\t\\N\n"
                                                            .getBytes(StandardCharsets.UTF_8)));
                    ByteArrayOutputStream out2 = new ByteArrayOutputStream();
                    long outRows =
                            pg.getCopyAPI()
                                    .copyOut(
                                            "COPY (SELECT * FROM b WHERE id >= 2000 ORDER BY id) TO"
                                                + " STDOUT WITH CSV HEADER",
                                            out2);
                    return in + " " + outRows + " " + out2.toString(StandardCharsets.UTF_8);
                });
        out.add(
                c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE TABLE g (id serial PRIMARY KEY, v text)");
                        int n =
                                s.executeUpdate(
                                        "INSERT INTO g (v) VALUES ('x'), ('y')",
                                        Statement.RETURN_GENERATED_KEYS);
                        return n + transcriptOf(s::getGeneratedKeys);
                    }
                });
        out.add(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "INSERT INTO g (v) VALUES (?)", new String[] {"id", "v"})) {
                        p.setString(1, "z");
                        return p.executeUpdate() + transcriptOf(p::getGeneratedKeys);
                    }
                });
        out.add(c -> {
            try (CallableStatement cs = c.prepareCall("{ ? = call lower(?) }")) {
                cs.registerOutParameter(1, Types.VARCHAR);
                cs.setString(2, "MiXeD");
                cs.execute();
                return cs.getString(1);
            }
        });
        out.add(c -> {
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(1);
                s.execute("SELECT pg_sleep(3)");
                return "no timeout";
            } catch (SQLException e) {
                return "error " + e.getSQLState();
            }
        });
        out.add(c -> {
            try (Statement s = c.createStatement()) {
                s.setMaxRows(3);
                return transcriptOf(() -> s.executeQuery("SELECT g FROM generate_series(1, 10) g"));
            }
        });
        out.add(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT ? * 2")) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 10; i++) { // crosses pgjdbc's server-prepare threshold
                    p.setInt(1, i);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        sb.append(rs.getInt(1)).append(',');
                    }
                }
                return sb.toString();
            }
        });
        out.add(
                c -> {
                    try (Statement s = c.createStatement()) {
                        boolean first =
                                s.execute(
                                        "SELECT 1 AS a; UPDATE b SET v = v WHERE id < 3; SELECT 2"
                                            + " AS b");
                        StringBuilder sb = new StringBuilder().append(first);
                        do {
                            sb.append('|').append(s.getUpdateCount());
                        } while (s.getMoreResults() || s.getUpdateCount() != -1);
                        return sb.toString();
                    }
                });
        out.add(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement("SELECT * FROM b WHERE id = ? AND v = ?")) {
                        p.setInt(1, 1);
                        return transcriptOf(p::executeQuery);
                    }
                });
        out.add(
                c ->
                        c.getMetaData().getDatabaseProductName()
                                + " "
                                + c.getMetaData().getDatabaseMajorVersion()
                                + transcriptOf(
                                        () ->
                                                c.getMetaData()
                                                        .getColumns(null, "public", "b", null)));
        out.add(
                c ->
                        transcriptOf(
                                () ->
                                        c.getMetaData()
                                                .getTables(
                                                        null,
                                                        "public",
                                                        "%",
                                                        new String[] {"TABLE"})));
        out.add(
                c -> {
                    c.setReadOnly(true);
                    try {
                        return String.valueOf(c.isReadOnly())
                                + c.getTransactionIsolation()
                                + c.getHoldability();
                    } finally {
                        c.setReadOnly(false);
                    }
                });
        return out;
    }

    interface Binder {
        void bind(PreparedStatement p) throws SQLException;
    }

    private static String set(PreparedStatement p, Binder b) {
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

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return transcriptOf(() -> s.executeQuery(sql));
        }
    }

    private static String transcriptOf(Query q) {
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

    private static String dump(ResultSet rs) throws SQLException {
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

    private static Connection raw(String db) throws SQLException {
        return DriverManager.getConnection(EmbeddedPg.rawUrl(db));
    }

    private static Connection lake(String db) throws SQLException {
        return DriverManager.getConnection(EmbeddedPg.lakeUrl(db));
    }

    @TestFactory
    List<DynamicTest> scriptedCorpusBehavesIdentically() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : corpusGroups().entrySet()) {
            tests.add(
                    DynamicTest.dynamicTest(
                            group.getKey() + " (" + group.getValue().size() + " statements)",
                            () -> {
                                try (Connection r = raw(EmbeddedPg.freshDatabase());
                                        Connection l = lake(EmbeddedPg.freshDatabase())) {
                                    assertTrue(l.isWrapperFor(LakeproxyConnection.class));
                                    for (String sql : group.getValue()) {
                                        assertEquals(
                                                run(r, sql), run(l, sql), () -> "differs: " + sql);
                                    }
                                }
                            }));
        }
        return tests;
    }

    @Test
    void apiScenariosBehaveIdentically() throws Exception {
        try (Connection r = raw(EmbeddedPg.freshDatabase());
                Connection l = lake(EmbeddedPg.freshDatabase())) {
            List<Scenario> scenarios = apiScenarios();
            for (int i = 0; i < scenarios.size(); i++) {
                String expected = outcome(scenarios.get(i), r);
                assertEquals(expected, outcome(scenarios.get(i), l), "scenario " + i);
            }
        }
    }

    private static String outcome(Scenario s, Connection c) {
        try {
            return s.run(c);
        } catch (Exception e) {
            return "exception " + e;
        }
    }

    @Test
    void corpusHasAtLeastThreeHundredStatements() throws IOException {
        int scripted = corpusGroups().values().stream().mapToInt(List::size).sum();
        int total = scripted + apiScenarios().size();
        assertTrue(total >= 300, "corpus size " + total);
    }
}
