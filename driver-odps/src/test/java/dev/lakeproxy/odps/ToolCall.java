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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One JDBC call that IDEs, BI tools or pools make, the answer JDBC expects from it, and whether
 * its javadoc lets a driver refuse it ({@code SQLFeatureNotSupportedException} "if the JDBC
 * driver does not support this method" or this argument). A refusal is an SQLException with a
 * message; an unchecked exception is never acceptable.
 */
final class ToolCall {

    /**
     * The call, on a connection of one driver ({@code url} opens another); returns what the caller
     * would look at.
     */
    interface Action {
        Object run(Connection c, String url) throws Exception;
    }

    /** What a statement answers. */
    interface StatementAction {
        Object run(Statement st) throws Exception;
    }

    /** What a result set answers, read on its first row. */
    interface RowAction {
        Object run(ResultSet rs) throws Exception;
    }

    final String name;
    final Action action;
    final Predicate<Object> expected;
    final boolean mayRefuse;

    private ToolCall(String name, Action action, Predicate<Object> expected, boolean mayRefuse) {
        this.name = name;
        this.action = action;
        this.expected = expected;
        this.mayRefuse = mayRefuse;
    }

    /** A call JDBC requires an answer to: {@code expected} is the answer. */
    static ToolCall answers(String name, Object expected, Action action) {
        return new ToolCall(name, action, v -> Objects.equals(expected, v), false);
    }

    /** A call JDBC requires an answer to, which {@code expected} judges. */
    static ToolCall answersWhere(String name, Predicate<Object> expected, Action action) {
        return new ToolCall(name, action, expected, false);
    }

    /** A call JDBC lets a driver refuse; when answered, {@code expected} is the answer. */
    static ToolCall mayRefuse(String name, Object expected, Action action) {
        return new ToolCall(name, action, v -> Objects.equals(expected, v), true);
    }

    /** The outcome of running the call: its answer, or what it threw. */
    Object outcome(Connection c, String url) {
        try {
            return action.run(c, url);
        } catch (Throwable e) {
            return e;
        }
    }

    /** Whether an outcome is what JDBC allows lakeproxy to answer. */
    boolean acceptable(Object outcome) {
        if (outcome instanceof SQLException) {
            return mayRefuse && ((Throwable) outcome).getMessage() != null;
        }
        return !(outcome instanceof Throwable) && expected.test(outcome);
    }

    /** Runs {@code action} on the first row of {@code sql}'s result, then closes everything. */
    static Object onFirstRow(Connection c, String sql, RowAction action) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("no row: " + sql);
            }
            return action.run(rs);
        }
    }
}
