package demo;

import java.sql.SQLException;

/** A driver interface: one method declares SQLException, one does not. */
public interface Source {
    String read(String key) throws SQLException;

    int size();
}
