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
package dev.lakeproxy.testing;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stand-in JDBC objects for millisecond unit tests of the pipeline and of plugin rules: a
 * connection whose statements record every SQL they are given and answer with {@code answer} (which
 * may throw an SQLException to simulate a server error); a query's result holds the value
 * {@link #queryValue} gives, if any.
 */
public final class StubJdbc {

    /** Every SQL text a statement of this connection was asked to run, in order. */
    public final List<String> sent = new ArrayList<>();
    private final Function<String, SQLException> answer;
    public boolean autoCommit = true;
    /** The one value (one row, one column) a query answers with; {@code null}: no row. */
    public Function<String, Object> queryValue = sql -> null;

    /**
     * {@code answer} returns the error the "server" raises for a SQL text, or {@code null} for
     * success.
     */
    public StubJdbc(Function<String, SQLException> answer) {
        this.answer = answer;
    }

    public Connection connection() {
        return (Connection)
                Proxy.newProxyInstance(
                        StubJdbc.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            switch (method.getName()) {
                                case "createStatement":
                                case "prepareStatement":
                                    return statement();
                                case "getAutoCommit":
                                    return autoCommit;
                                case "isClosed":
                                    return false;
                                default:
                                    return defaultValue(method.getReturnType());
                            }
                        });
    }

    private PreparedStatement statement() {
        return (PreparedStatement)
                Proxy.newProxyInstance(
                        StubJdbc.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class},
                        (proxy, method, args) -> {
                            if (method.getName().startsWith("execute")
                                    && args != null
                                    && args[0] instanceof String) {
                                String sql = (String) args[0];
                                sent.add(sql);
                                SQLException error = answer.apply(sql);
                                if (error != null) {
                                    throw error;
                                }
                                Class<?> type = method.getReturnType();
                                return type == ResultSet.class
                                        ? result(queryValue.apply(sql))
                                        : defaultValue(type);
                            }
                            return defaultValue(method.getReturnType());
                        });
    }

    /** A result of one row holding {@code value}, or of no row when it is {@code null}. */
    private static ResultSet result(Object value) {
        boolean[] unread = {value != null};
        return (ResultSet) Proxy.newProxyInstance(StubJdbc.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "next":
                            boolean row = unread[0];
                            unread[0] = false;
                            return row;
                        case "getString":
                            return value == null ? null : value.toString();
                        case "getObject":
                            return value;
                        default:
                            return defaultValue(method.getReturnType());
                    }
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
