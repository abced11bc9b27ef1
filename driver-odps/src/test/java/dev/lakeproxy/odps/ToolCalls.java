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
package dev.lakeproxy.odps;

import static dev.lakeproxy.odps.ToolCall.answers;
import static dev.lakeproxy.odps.ToolCall.answersWhere;
import static dev.lakeproxy.odps.ToolCall.mayRefuse;
import static dev.lakeproxy.odps.ToolCall.onFirstRow;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;

import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The Connection, Statement, PreparedStatement and ResultSet calls that IDEs, BI tools and pools
 * make beyond the metadata, each with the answer JDBC expects. They read table {@link #TABLE}
 * (one row) and write {@code calls_log}.
 */
final class ToolCalls {

    static final String TABLE = "calls";
    static final List<String> SETUP = List.of(
            "CREATE TABLE calls (id BIGINT, name STRING, d DATE, dt DATETIME, ts TIMESTAMP,"
                    + " amount DECIMAL(10,2))",
            "INSERT INTO calls VALUES (1, 'a', DATE '2024-01-02', DATETIME '2024-01-02 03:04:05',"
                    + " TIMESTAMP '2024-01-02 03:04:05.123456789', 12.34BD)",
            "CREATE TABLE calls_log (id BIGINT, name STRING)");
    private static final String INSERT = "INSERT INTO calls_log VALUES (7, 'x')";
    private static final String QUERY = "SELECT id, name, d, dt, ts, amount FROM calls";
    private static final int HOLD = ResultSet.CLOSE_CURSORS_AT_COMMIT;

    private ToolCalls() {
    }

    static List<ToolCall> connection() {
        return List.of(
                answers("Connection.getHoldability", HOLD, (c, url) -> c.getHoldability()),
                answers("Connection.setHoldability(CLOSE_CURSORS_AT_COMMIT)", HOLD, (c, url) -> {
                    c.setHoldability(HOLD);
                    return c.getHoldability();
                }),
                answers("Connection.getTypeMap", Map.of(), (c, url) -> c.getTypeMap()),
                answers("Connection.nativeSQL", QUERY, (c, url) -> c.nativeSQL(QUERY)),
                answers("Connection.isValid(5)", true, (c, url) -> c.isValid(5)),
                answers("Connection.setReadOnly(true), then false", false, (c, url) -> {
                    c.setReadOnly(true); // a hint, as JDBC allows
                    c.setReadOnly(false);
                    return c.isReadOnly();
                }),
                answersWhere("Connection.getClientInfo() shows no access key",
                        v -> !String.valueOf(v).contains(MaxComputeEmulator.DEFAULT_ACCESS_KEY),
                        (c, url) -> c.getClientInfo()),
                answers("Connection.getClientInfo(ApplicationName)", null,
                        (c, url) -> c.getClientInfo("ApplicationName")),
                answers("Connection.getTransactionIsolation", Connection.TRANSACTION_NONE,
                        (c, url) -> c.getTransactionIsolation()),
                answers("Connection.setAutoCommit(true)", true, (c, url) -> {
                    c.setAutoCommit(true);
                    return c.getAutoCommit();
                }),
                answersWhere("Connection.getNetworkTimeout",
                        v -> v instanceof Integer && (Integer) v >= 0,
                        (c, url) -> c.getNetworkTimeout()),
                answers("Connection.abort closes it", true, (c, url) -> {
                    Connection other = connect(url);
                    other.abort(Runnable::run);
                    return other.isClosed();
                }),
                answers("Connection.isValid after close", false, (c, url) -> {
                    Connection other = connect(url);
                    other.close();
                    return other.isValid(1);
                }),
                mayRefuse("Connection.createStatement(forward, read only, holdability)", true,
                        (c, url) -> {
                            try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY,
                                    ResultSet.CONCUR_READ_ONLY, HOLD)) {
                                return st.execute(QUERY);
                            }
                        }));
    }

    static List<ToolCall> statement() {
        return List.of(
                answers("Statement.setQueryTimeout(0)", 0, (c, url) -> onStatement(c, st -> {
                    st.setQueryTimeout(0); // JDBC: no limit
                    return st.getQueryTimeout();
                })),
                answers("Statement.getQueryTimeout", 0, (c, url) -> onStatement(c,
                        Statement::getQueryTimeout)),
                answers("Statement.closeOnCompletion", true, (c, url) -> {
                    Statement st = c.createStatement();
                    st.closeOnCompletion();
                    st.executeQuery(QUERY).close();
                    return st.isClosed();
                }),
                answers("Statement.getResultSetConcurrency", ResultSet.CONCUR_READ_ONLY,
                        (c, url) -> onStatement(c, Statement::getResultSetConcurrency)),
                answers("Statement.getResultSetHoldability", HOLD,
                        (c, url) -> onStatement(c, Statement::getResultSetHoldability)),
                mayRefuse("Statement.getGeneratedKeys after an INSERT: none", false,
                        (c, url) -> onStatement(c, st -> {
                            st.executeUpdate(INSERT);
                            return st.getGeneratedKeys().next();
                        })),
                mayRefuse("Statement.execute(INSERT, RETURN_GENERATED_KEYS)", false,
                        (c, url) -> onStatement(c, st ->
                                st.execute(INSERT, Statement.RETURN_GENERATED_KEYS))),
                answers("Statement.executeLargeUpdate", 1L, (c, url) -> onStatement(c,
                        st -> st.executeLargeUpdate(INSERT))),
                answers("Statement.getLargeUpdateCount after executeUpdate", 1L,
                        (c, url) -> onStatement(c, st -> {
                            st.executeUpdate(INSERT);
                            return st.getLargeUpdateCount();
                        })),
                answers("Statement.setFetchSize(100)", 100, (c, url) -> onStatement(c, st -> {
                    st.setFetchSize(100);
                    return st.getFetchSize();
                })),
                answers("Statement.setLargeMaxRows(10)", 10L, (c, url) -> onStatement(c, st -> {
                    st.setLargeMaxRows(10);
                    return st.getLargeMaxRows();
                })),
                answers("Statement.getMaxFieldSize", 0, (c, url) -> onStatement(c,
                        Statement::getMaxFieldSize)),
                answers("Statement.setPoolable(false)", false, (c, url) -> onStatement(c, st -> {
                    st.setPoolable(false);
                    return st.isPoolable();
                })),
                answers("Statement.getMoreResults after a query", false,
                        (c, url) -> onStatement(c, st -> {
                            st.executeQuery(QUERY);
                            return st.getMoreResults();
                        })),
                mayRefuse("Statement.cancel when idle", false, (c, url) -> onStatement(c, st -> {
                    st.cancel();
                    return st.isClosed();
                })));
    }

    static List<ToolCall> prepared(MaxComputeEmulator emu) {
        return List.of(
                answers("PreparedStatement.getParameterMetaData", 2, (c, url) -> {
                    try (PreparedStatement ps = c.prepareStatement(QUERY
                            + " WHERE id = ? AND name = ?")) {
                        return ps.getParameterMetaData().getParameterCount();
                    }
                }),
                answers("PreparedStatement.getMetaData of an INSERT: jobs submitted", 0,
                        (c, url) -> jobsSubmitted(emu, c, "INSERT INTO calls_log VALUES (?, ?)")),
                answers("PreparedStatement.getMetaData of a SELECT: jobs submitted", 0,
                        (c, url) -> jobsSubmitted(emu, c, QUERY + " WHERE id = ? AND name = ?")),
                answers("PreparedStatement.setObject(1, 1L, BIGINT)", 1L, (c, url) -> {
                    try (PreparedStatement ps = c.prepareStatement(QUERY + " WHERE id = ?")) {
                        ps.setObject(1, 1L, Types.BIGINT);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getLong(1) : null;
                        }
                    }
                }),
                answers("PreparedStatement.executeLargeUpdate", 1L, (c, url) -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO calls_log VALUES (?, ?)")) {
                        ps.setLong(1, 8);
                        ps.setString(2, "y");
                        return ps.executeLargeUpdate();
                    }
                }));
    }

    static List<ToolCall> resultSet() {
        return List.of(
                answers("ResultSet.getObject(i, Long.class)", 1L, (c, url) -> onFirstRow(c, QUERY,
                        rs -> rs.getObject(1, Long.class))),
                answers("ResultSet.getObject(i, Integer.class)", 1, (c, url) -> onFirstRow(c,
                        QUERY, rs -> rs.getObject(1, Integer.class))),
                answers("ResultSet.getObject(i, String.class)", "a", (c, url) -> onFirstRow(c,
                        QUERY, rs -> rs.getObject(2, String.class))),
                answers("ResultSet.getObject(DATE, LocalDate.class)", LocalDate.of(2024, 1, 2),
                        (c, url) -> onFirstRow(c, QUERY, rs -> rs.getObject(3, LocalDate.class))),
                answers("ResultSet.getObject(DATETIME, LocalDateTime.class) = getTimestamp", true,
                        (c, url) -> onFirstRow(c, QUERY, rs -> rs.getObject(4, LocalDateTime.class)
                                .equals(rs.getTimestamp(4).toLocalDateTime()))),
                answers("ResultSet.getObject(DATETIME, Timestamp.class) = getTimestamp", true,
                        (c, url) -> onFirstRow(c, QUERY, rs -> rs.getObject(4, Timestamp.class)
                                .equals(rs.getTimestamp(4)))),
                answers("ResultSet.getObject(TIMESTAMP, Instant.class) nanos", 123456789,
                        (c, url) -> onFirstRow(c, QUERY, rs -> rs.getObject(5, Instant.class)
                                .getNano())),
                answers("ResultSet.getObject(DECIMAL, BigDecimal.class)", new BigDecimal("12.34"),
                        (c, url) -> onFirstRow(c, QUERY, rs -> rs.getObject(6, BigDecimal.class)
                                .setScale(2))),
                answers("ResultSet.getType", ResultSet.TYPE_FORWARD_ONLY, (c, url) -> onFirstRow(c,
                        QUERY, ResultSet::getType)),
                answers("ResultSet.getConcurrency", ResultSet.CONCUR_READ_ONLY, (c, url) ->
                        onFirstRow(c, QUERY, ResultSet::getConcurrency)),
                answers("ResultSet.getHoldability", HOLD, (c, url) -> onFirstRow(c, QUERY,
                        ResultSet::getHoldability)),
                answers("ResultSet.setFetchSize(100)", 100, (c, url) -> onFirstRow(c, QUERY, rs -> {
                    rs.setFetchSize(100);
                    return rs.getFetchSize();
                })),
                answers("ResultSet.getFetchDirection", ResultSet.FETCH_FORWARD, (c, url) ->
                        onFirstRow(c, QUERY, ResultSet::getFetchDirection)),
                answers("ResultSet.isClosed while open", false, (c, url) -> onFirstRow(c, QUERY,
                        ResultSet::isClosed)),
                answers("ResultSet.getStatement", true, (c, url) -> onFirstRow(c, QUERY,
                        rs -> rs.getStatement() != null)),
                mayRefuse("ResultSet.getRow", 1, (c, url) -> onFirstRow(c, QUERY,
                        ResultSet::getRow)),
                mayRefuse("ResultSet.getCursorName", null, (c, url) -> onFirstRow(c, QUERY,
                        ResultSet::getCursorName)));
    }

    private static Object onStatement(Connection c, ToolCall.StatementAction action)
            throws Exception {
        try (Statement st = c.createStatement()) {
            return action.run(st);
        }
    }

    /** How many jobs asking a prepared statement for its result's metadata submitted. */
    private static int jobsSubmitted(MaxComputeEmulator emu, Connection c, String sql)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, 9);
            ps.setString(2, "z");
            int before = emu.jobs().size();
            ps.getMetaData();
            return emu.jobs().size() - before;
        }
    }
}
