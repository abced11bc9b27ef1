package demo;

import java.sql.SQLException;

/** A prepared statement: its SQL-running methods take no SQL. */
public interface Prep extends Stmt {
    int executeUpdate() throws SQLException;

    void setInt(int index, int value) throws SQLException;
}
