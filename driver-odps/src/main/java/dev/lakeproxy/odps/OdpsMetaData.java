package dev.lakeproxy.odps;

import dev.lakeproxy.spi.DatabaseMetaDataForwarding;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * In front of odps-jdbc's metadata. For three-tier projects: the terms and flags say project → schema → table
 * (odps-jdbc 3.4.2 says "project" and false; its later releases say what is here), and {@code getColumns} reads
 * columns with the real schema (odps-jdbc 3.4.2 takes the schema for a project). For every project: primary keys
 * (Paimon {@code primary-key}, Tablestore {@code :} mapping entries), no RuntimeException ({@link SafeMetaData}),
 * and permission errors explained. Names resolve with the session's one {@link NameResolver}.
 */
final class OdpsMetaData implements DatabaseMetaDataForwarding {

    private static final Logger LOG = Logger.getLogger(OdpsMetaData.class.getName());
    private static final String[] PK_NAMES = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ",
        "PK_NAME"};
    private static final int[] PK_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.SMALLINT,
        Types.VARCHAR};

    private final DatabaseMetaData real;
    private final SessionState state;

    OdpsMetaData(DatabaseMetaData real, SessionState state) {
        this.real = SafeMetaData.wrap(real);
        this.state = state;
    }

    @Override
    public DatabaseMetaData databaseMetaDataDelegate() {
        return real;
    }

    private boolean threeTier() {
        return state.names.threeTier();
    }

    @Override
    public String getSchemaTerm() throws SQLException {
        return threeTier() ? "schema" : real.getSchemaTerm();
    }

    @Override
    public String getCatalogTerm() throws SQLException {
        return threeTier() ? "project" : real.getCatalogTerm();
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException {
        return threeTier() || real.supportsSchemasInDataManipulation();
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException {
        return threeTier() || real.supportsSchemasInTableDefinitions();
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        try {
            return real.getTables(catalog, schemaPattern, tableNamePattern, types);
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        try {
            return real.getSchemas(catalog, schemaPattern);
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        try {
            return real.getSchemas();
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        try {
            if (!threeTier()) {
                return real.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
            }
            String project = catalog == null || catalog.isEmpty() ? state.names.currentProject() : catalog;
            Pattern columns = MetaRows.like(columnNamePattern);
            List<Object[]> rows = new ArrayList<>();
            for (String schema : schemas(project, schemaPattern)) {
                for (String table : tables(project, schema, tableNamePattern)) {
                    MetaColumns.add(rows, state.odps, project, schema, table, columns);
                }
            }
            state.context.counter("odps.metadataColumnsFixed").increment();
            LOG.log(Level.FINE, "lakeproxy read the columns of {0}.{1}.{2} itself (odps-jdbc takes the schema for a "
                    + "project)", new Object[] {project, schemaPattern, tableNamePattern});
            return MetaRows.of(MetaColumns.NAMES, MetaColumns.TYPES, rows);
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        List<String> parts = new ArrayList<>();
        if (threeTier()) {
            parts.add(catalog == null || catalog.isEmpty() ? state.names.currentProject() : catalog);
            parts.add(schema == null || schema.isEmpty() ? state.names.currentSchema() : schema);
        } else {
            // two-tier odps-jdbc reports projects as schemas
            String project = schema != null && !schema.isEmpty() ? schema : catalog;
            parts.add(project == null || project.isEmpty() ? state.names.currentProject() : project);
        }
        parts.add(table);
        TableMeta meta = state.table(parts);
        List<Object[]> rows = new ArrayList<>();
        if (meta != null) {
            List<String> keys = meta.primaryKeyColumns();
            for (int k = 0; k < keys.size(); k++) {
                rows.add(new Object[] {meta.project, meta.schema, meta.table, keys.get(k), k + 1, "PK_" + meta.table});
            }
        }
        return MetaRows.of(PK_NAMES, PK_TYPES, rows);
    }

    /** The schemas of a project matching a pattern ({@code null}: all); a plain name is taken as it is. */
    private List<String> schemas(String project, String pattern) throws SQLException {
        if (!MetaRows.isPattern(pattern)) {
            return List.of(pattern);
        }
        Pattern p = MetaRows.like(pattern);
        List<String> out = new ArrayList<>();
        try {
            for (Iterator<com.aliyun.odps.Schema> it = state.odps.schemas().iterator(project); it.hasNext(); ) {
                String name = it.next().getName();
                if (p.matcher(name).matches()) {
                    out.add(name);
                }
            }
        } catch (RuntimeException e) {
            throw new SQLException(OdpsMessages.M.format("odps.meta.schemasFailed", project, e.getMessage()), "HY000", e);
        }
        return out;
    }

    /** The tables of a schema matching a pattern ({@code null}: all); a plain name is taken as it is. */
    private List<String> tables(String project, String schema, String pattern) throws SQLException {
        if (!MetaRows.isPattern(pattern)) {
            return List.of(pattern);
        }
        Pattern p = MetaRows.like(pattern);
        List<String> out = new ArrayList<>();
        try {
            for (com.aliyun.odps.Table t : state.odps.tables().iterable(project, schema, null, false)) {
                if (p.matcher(t.getName()).matches()) {
                    out.add(t.getName());
                }
            }
        } catch (RuntimeException e) {
            throw new SQLException(OdpsMessages.M.format("odps.meta.tablesFailed", project + "." + schema, e.getMessage()), "HY000", e);
        }
        return out;
    }

    private SQLException explain(SQLException e) {
        SQLException t = PermissionErrorRule.explain(e, PermissionErrorRule.allMessages(e));
        if (t == null) {
            return e;
        }
        state.context.counter("odps.translated.metadataPermission").increment();
        state.context.errorTranslated();
        return t;
    }
}
