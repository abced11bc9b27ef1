package demo;

import java.sql.SQLException;

/** One call on the real statement with the SQL to run. */
@FunctionalInterface
public interface Call<T> {
    T run(String sql) throws SQLException;
}
