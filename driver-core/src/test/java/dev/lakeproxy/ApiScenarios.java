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

import static dev.lakeproxy.FidelityTranscripts.query;
import static dev.lakeproxy.FidelityTranscripts.transcriptOf;

import dev.lakeproxy.FidelityTranscripts.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * API scenarios of the fidelity corpus: bound parameters, batches, savepoints, fetch sizes,
 * scrolling, COPY, generated keys, calls, timeouts, metadata.
 */
final class ApiScenarios {

    private ApiScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>(BoundParameterScenarios.all());
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
}
