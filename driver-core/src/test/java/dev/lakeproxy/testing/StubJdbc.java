package dev.lakeproxy.testing;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stand-in JDBC objects for millisecond unit tests of the pipeline: a connection whose statements record every SQL
 * they are given and answer with {@code answer} (which may throw an SQLException to simulate a server error).
 */
public final class StubJdbc {

    /** Every SQL text a statement of this connection was asked to run, in order. */
    public final List<String> sent = new ArrayList<>();
    private final Function<String, SQLException> answer;
    public boolean autoCommit = true;

    /** {@code answer} returns the error the "server" raises for a SQL text, or {@code null} for success. */
    public StubJdbc(Function<String, SQLException> answer) {
        this.answer = answer;
    }

    public Connection connection() {
        return (Connection) Proxy.newProxyInstance(StubJdbc.class.getClassLoader(), new Class<?>[] {Connection.class},
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
        ResultSet empty = (ResultSet) Proxy.newProxyInstance(StubJdbc.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, (p, m, a) -> defaultValue(m.getReturnType()));
        return (PreparedStatement) Proxy.newProxyInstance(StubJdbc.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args[0] instanceof String) {
                        String sql = (String) args[0];
                        sent.add(sql);
                        SQLException error = answer.apply(sql);
                        if (error != null) {
                            throw error;
                        }
                        return method.getReturnType() == ResultSet.class ? empty : defaultValue(method.getReturnType());
                    }
                    return defaultValue(method.getReturnType());
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
