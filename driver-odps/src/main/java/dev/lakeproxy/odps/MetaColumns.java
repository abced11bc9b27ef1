package dev.lakeproxy.odps;

import com.aliyun.odps.Column;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Table;
import com.aliyun.odps.jdbc.utils.JdbcColumn;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code getColumns} rows of one table of a three-tier project, read with {@code tables().get(project, schema,
 * table)} (odps-jdbc 3.4.2 takes the schema for a project), TABLE_CAT and TABLE_SCHEM the table's own.
 */
final class MetaColumns {

    static final String[] NAMES = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE",
        "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS",
        "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE",
        "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN"};
    static final int[] TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
        Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.VARCHAR,
        Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.SMALLINT, Types.VARCHAR, Types.VARCHAR};

    private MetaColumns() {
    }

    /** Adds the rows of the columns of {@code project.schema.table} matching {@code columns}; none without a table. */
    static void add(List<Object[]> rows, Odps odps, String project, String schema, String table, Pattern columns)
            throws SQLException {
        try {
            Table t = odps.tables().get(project, schema, table);
            t.reload();
            List<Column> cols = new ArrayList<>(t.getSchema().getColumns());
            cols.addAll(t.getSchema().getPartitionColumns());
            for (int i = 0; i < cols.size(); i++) {
                Column c = cols.get(i);
                if (columns.matcher(c.getName()).matches()) {
                    JdbcColumn j = new JdbcColumn(c.getName(), t.getName(), project, c.getTypeInfo().getOdpsType(),
                            c.getTypeInfo(), c.getComment(), i + 1);
                    rows.add(new Object[] {project, schema, t.getName(), j.getColumnName(), j.getType(),
                        j.getTypeName(), null, null, j.getDecimalDigits(), j.getNumPercRaidx(), j.getIsNullable(),
                        j.getComment(), null, null, null, null, j.getOrdinalPos(), j.getIsNullableString(), null, null,
                        null, null, "NO", "NO"});
                }
            }
        } catch (OdpsException e) {
            String m = String.valueOf(e.getMessage());
            if (!(m.contains("not found") || m.contains("NoSuchObject"))) {
                throw columnsFailed(project + "." + schema + "." + table, m, e);
            }
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("Parse type info failed")) {
                throw columnsFailed(project + "." + schema + "." + table, e.getMessage(), e);
            }
            // odps-sdk 0.43.3 cannot parse TIMESTAMP(p): build the rows from the metadata JSON
            addFromJson(rows, odps, project, schema, table, columns);
        }
    }

    private static void addFromJson(List<Object[]> rows, Odps odps, String project, String schema, String table,
                                    Pattern columns) {
        Optional<TableMeta> meta = TableMetaCache.loadJson(odps, project, schema, table);
        if (meta == null || meta.isEmpty()) {
            return;
        }
        List<TableMeta.Col> cols = new ArrayList<>(meta.get().columns);
        cols.addAll(meta.get().partitionColumns);
        for (int i = 0; i < cols.size(); i++) {
            TableMeta.Col c = cols.get(i);
            if (columns.matcher(c.name).matches()) {
                rows.add(new Object[] {project, schema, table, c.name, sqlType(c.type), c.type, null, null, null, 10,
                    DatabaseMetaData.columnNullable, null, null, null, null, null, i + 1, "YES", null, null, null, null,
                    "NO", "NO"});
            }
        }
    }

    static int sqlType(String type) {
        switch (TablestoreDdl.baseType(type)) {
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

    private static SQLException columnsFailed(String table, String why, Exception cause) {
        return new SQLException(OdpsMessages.M.format("odps.meta.columnsFailed", table, why), "HY000", cause);
    }
}
