package dev.lakeproxy.core.pipeline;

import java.sql.SQLException;

/** One call on the real statement with the (possibly rewritten) SQL. */
@FunctionalInterface
public interface SqlCall<T> {
    T run(String sql) throws SQLException;
}
