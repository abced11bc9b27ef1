package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Table;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Set;
import org.postgresql.PGResultSetMetaData;

/**
 * The MaxCompute type a result column was declared with, when it reads a table column directly
 * (PostgreSQL reports the base table and column): TINYINT, VARCHAR(n), CHAR(n), DECIMAL(p,s),
 * DATETIME and the complex types come back as declared, not as their PostgreSQL storage type.
 */
final class DeclaredTypes {

    private DeclaredTypes() {}

    /** The declared type of result column {@code i}, or null for an expression. */
    static String of(ResultSetMetaData md, int i, Set<Table> tables) throws SQLException {
        PGResultSetMetaData pg = md.unwrap(PGResultSetMetaData.class);
        String table = pg.getBaseTableName(i);
        String column = pg.getBaseColumnName(i);
        if (table == null || table.isEmpty() || column == null || column.isEmpty()) {
            return null;
        }
        String schema = pg.getBaseSchemaName(i);
        for (Table t : tables) {
            if (t.name.equals(table) && t.pgSchema().equals(schema)) {
                Column c = t.column(column);
                return c == null ? null : c.type;
            }
        }
        return null;
    }
}
