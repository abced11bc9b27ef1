package demo;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A statement interface: some methods run SQL, some look like it but do not. */
public interface Stmt {
    boolean execute(String sql) throws SQLException;

    long executeLarge(String sql, int keys) throws SQLException;

    ResultSet executeQuery(String sql) throws SQLException;

    int[] executeBatch() throws SQLException;

    int executeTimes(int times) throws SQLException;

    void addBatch(String sql) throws SQLException;

    void close() throws SQLException;
}
