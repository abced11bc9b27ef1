package dev.lakeproxy.odps;

import com.aliyun.odps.Column;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Table;
import com.aliyun.odps.jdbc.utils.JdbcColumn;
import dev.lakeproxy.spi.DatabaseMetaDataForwarding;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * In front of odps-jdbc's metadata for three-tier projects: odps-jdbc 3.4.2's {@code getColumns(catalog,
 * schemaPattern, table, ...)} takes the schema for a project ({@code tables().get(schema, table)}), so DBeaver's
 * navigator (catalog = project, schema = schema, table, columns) finds no columns. Here the columns are read
 * with {@code tables().get(project, schema, table)}, and TABLE_CAT / TABLE_SCHEM say project and schema.
 * Everything else (getCatalogs, getSchemas, getTables) is odps-jdbc's own, which is right in three-tier mode.
 */
final class OdpsMetaData implements DatabaseMetaDataForwarding {

    private static final Logger LOG = Logger.getLogger(OdpsMetaData.class.getName());
    private static final String[] COLUMNS = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE",
        "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS",
        "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE",
        "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN"};
    private static final int[] TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
        Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.VARCHAR,
        Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.SMALLINT, Types.VARCHAR, Types.VARCHAR};

    private final DatabaseMetaData real;
    private final Odps odps;
    private final Runnable onFixed;
    private final java.util.function.UnaryOperator<SQLException> explain;

    OdpsMetaData(DatabaseMetaData real, Odps odps, Runnable onFixed, java.util.function.UnaryOperator<SQLException> explain) {
        this.real = real;
        this.odps = odps;
        this.onFixed = onFixed;
        this.explain = explain;
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
        try {
            return real.getTables(catalog, schemaPattern, tableNamePattern, types);
        } catch (SQLException e) {
            throw explain.apply(e);
        }
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        try {
            return real.getSchemas(catalog, schemaPattern);
        } catch (SQLException e) {
            throw explain.apply(e);
        }
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        try {
            return real.getSchemas();
        } catch (SQLException e) {
            throw explain.apply(e);
        }
    }

    @Override
    public DatabaseMetaData databaseMetaDataDelegate() {
        return real;
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        try {
            return columns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
        } catch (SQLException e) {
            throw explain.apply(e);
        }
    }

    private ResultSet columns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        if (schemaPattern == null || schemaPattern.isEmpty() || isPattern(schemaPattern) || tableNamePattern == null
                || isPattern(tableNamePattern)) {
            return real.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
        }
        String project = catalog == null || catalog.isEmpty() ? odps.getDefaultProject() : catalog;
        List<Object[]> rows = new ArrayList<>();
        try {
            Table t = odps.tables().get(project, schemaPattern, tableNamePattern);
            t.reload();
            List<Column> cols = new ArrayList<>(t.getSchema().getColumns());
            cols.addAll(t.getSchema().getPartitionColumns());
            Pattern colPattern = columnNamePattern == null ? null : likePattern(columnNamePattern);
            for (int i = 0; i < cols.size(); i++) {
                Column c = cols.get(i);
                if (colPattern != null && !colPattern.matcher(c.getName()).matches()) {
                    continue;
                }
                JdbcColumn j = new JdbcColumn(c.getName(), t.getName(), project, c.getTypeInfo().getOdpsType(),
                        c.getTypeInfo(), c.getComment(), i + 1);
                rows.add(new Object[] {project, schemaPattern, t.getName(), j.getColumnName(), j.getType(), j.getTypeName(),
                    null, null, j.getDecimalDigits(), j.getNumPercRaidx(), j.getIsNullable(), j.getComment(), null, null,
                    null, null, j.getOrdinalPos(), j.getIsNullableString(), null, null, null, null, "NO", "NO"});
            }
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("Parse type info failed")) {
                throw e;
            }
            // odps-sdk 0.43.3 cannot parse TIMESTAMP(p): build the rows from the metadata JSON
            rows.clear();
            java.util.Optional<TableMeta> meta = TableMetaCache.loadJson(odps, project, schemaPattern, tableNamePattern);
            if (meta != null && meta.isPresent()) {
                List<TableMeta.Col> cols = new ArrayList<>(meta.get().columns);
                cols.addAll(meta.get().partitionColumns);
                Pattern colPattern = columnNamePattern == null ? null : likePattern(columnNamePattern);
                for (int i = 0; i < cols.size(); i++) {
                    TableMeta.Col c = cols.get(i);
                    if (colPattern == null || colPattern.matcher(c.name).matches()) {
                        rows.add(new Object[] {project, schemaPattern, tableNamePattern, c.name, sqlType(c.type), c.type, null,
                            null, null, 10, java.sql.DatabaseMetaData.columnNullable, null, null, null, null, null, i + 1,
                            "YES", null, null, null, null, "NO", "NO"});
                    }
                }
            }
        } catch (OdpsException e) {
            String m = String.valueOf(e.getMessage());
            if (!(m.contains("not found") || m.contains("NoSuchObject"))) {
                throw new SQLException("catalog=" + catalog + ",schemaPattern=" + schemaPattern + ",tableNamePattern="
                        + tableNamePattern + ": " + m, e);
            }
        }
        onFixed.run();
        LOG.log(Level.FINE, "lakeproxy read the columns of {0}.{1}.{2} itself (odps-jdbc takes the schema for a project)",
                new Object[] {project, schemaPattern, tableNamePattern});
        return rows(COLUMNS, TYPES, rows);
    }

    static int sqlType(String type) {
        String t = TablestoreDdl.baseType(type);
        switch (t) {
            case "BIGINT": return Types.BIGINT;
            case "INT": return Types.INTEGER;
            case "SMALLINT": return Types.SMALLINT;
            case "TINYINT": return Types.TINYINT;
            case "DOUBLE": return Types.DOUBLE;
            case "FLOAT": return Types.FLOAT;
            case "DECIMAL": return Types.DECIMAL;
            case "BOOLEAN": return Types.BOOLEAN;
            case "DATETIME": case "TIMESTAMP": case "TIMESTAMP_NTZ": return Types.TIMESTAMP;
            case "DATE": return Types.DATE;
            case "BINARY": return Types.BINARY;
            case "CHAR": return Types.CHAR;
            default: return Types.VARCHAR;
        }
    }

    private static boolean isPattern(String s) {
        return s.indexOf('%') >= 0 || s.indexOf('*') >= 0;
    }

    private static Pattern likePattern(String like) {
        StringBuilder sb = new StringBuilder("(?i)");
        for (char c : like.toCharArray()) {
            sb.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(sb.toString());
    }

    /** A detached, in-memory result set. */
    static ResultSet rows(String[] names, int[] types, List<Object[]> rows) throws SQLException {
        CachedRowSet rs = RowSetProvider.newFactory().createCachedRowSet();
        RowSetMetaDataImpl md = new RowSetMetaDataImpl();
        md.setColumnCount(names.length);
        for (int i = 0; i < names.length; i++) {
            md.setColumnName(i + 1, names[i]);
            md.setColumnLabel(i + 1, names[i]);
            md.setColumnType(i + 1, types[i]);
            md.setNullable(i + 1, ResultSetNullable());
        }
        rs.setMetaData(md);
        // CachedRowSet inserts each row before the previous one (the cursor stays before the first row): go backwards
        for (int r = rows.size() - 1; r >= 0; r--) {
            Object[] row = rows.get(r);
            rs.moveToInsertRow();
            for (int i = 0; i < names.length; i++) {
                Object v = row[i];
                if (v == null) {
                    rs.updateNull(i + 1);
                } else if (types[i] == Types.VARCHAR) {
                    rs.updateString(i + 1, v.toString());
                } else {
                    rs.updateInt(i + 1, ((Number) v).intValue());
                }
            }
            rs.insertRow();
            rs.moveToCurrentRow();
        }
        rs.beforeFirst();
        return rs;
    }

    private static int ResultSetNullable() {
        return java.sql.ResultSetMetaData.columnNullable;
    }
}
