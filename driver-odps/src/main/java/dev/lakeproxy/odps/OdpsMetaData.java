/*
 * Copyright The lakeproxy developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.lakeproxy.odps;

import dev.lakeproxy.odps.jdbc.MetaRows;
import dev.lakeproxy.spi.DatabaseMetaDataForwarding;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The MaxCompute plugin's metadata, in front of odps-jdbc's (itself behind MaxCompute's documented
 * answers, {@code dev.lakeproxy.odps.jdbc.DocumentedMetaData}). For three-tier projects the terms
 * and flags say project → schema → table and the listings use the real schema (odps-jdbc 3.4.2
 * takes the schema for a project). For every project: tables listed with unlistable schemas skipped
 * ({@link MetaTables}); columns and primary keys from one cached read per table ({@link
 * MetaColumns}), read ahead after a listing; the project's functions; permission errors explained.
 * Names resolve with the session's one {@link NameResolver}.
 */
final class OdpsMetaData implements DatabaseMetaDataForwarding {

    private static final Logger LOG = Logger.getLogger(OdpsMetaData.class.getName());
    private static final String[] PK_NAMES = {
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"
    };
    private static final int[] PK_TYPES = {
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.SMALLINT, Types.VARCHAR
    };

    private final DatabaseMetaData real;
    private final SessionState state;

    OdpsMetaData(DatabaseMetaData real, SessionState state) {
        this.real = real;
        this.state = state;
    }

    @Override
    public DatabaseMetaData databaseMetaDataDelegate() {
        return real;
    }

    private boolean threeTier() {
        return state.names.threeTier();
    }

    private String project(String catalog) {
        return catalog == null || catalog.isEmpty() ? state.names.currentProject() : catalog;
    }

    /**
     * Two-tier odps-jdbc reports projects as schemas: the schema argument, else the catalog, names
     * the project.
     */
    private String twoTierProject(String catalog, String schemaPattern) {
        boolean named =
                schemaPattern != null
                        && !schemaPattern.isEmpty()
                        && !MetaRows.isPattern(schemaPattern);
        return named ? MetaRows.name(schemaPattern) : project(catalog);
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
    public ResultSet getTables(
            String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        try {
            if (threeTier()) {
                MetaTables listing = new MetaTables(state, project(catalog));
                List<Object[]> rows = listing.rows(schemaPattern, tableNamePattern, types);
                return MetaRows.of(MetaTables.NAMES, MetaTables.TYPES, rows, listing.warnings);
            }
            return readAhead(real.getTables(catalog, schemaPattern, tableNamePattern, types));
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    /**
     * odps-jdbc's two-tier listing, copied so that its tables can be read ahead while the caller
     * reads it.
     */
    private ResultSet readAhead(ResultSet listed) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<TableMetaCache.Lookup> ahead = new ArrayList<>();
        try (ResultSet rs = listed) {
            while (rs.next()) {
                Object[] row = new Object[MetaTables.NAMES.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
                ahead.add(state.lookup((String) row[0], null, (String) row[2]));
            }
        }
        state.prefetch(ahead);
        return MetaRows.of(MetaTables.NAMES, MetaTables.TYPES, rows);
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
    public ResultSet getColumns(
            String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        try {
            Pattern columns = MetaRows.like(columnNamePattern);
            List<Object[]> rows = new ArrayList<>();
            String project =
                    threeTier() ? project(catalog) : twoTierProject(catalog, schemaPattern);
            MetaTables listing = new MetaTables(state, project);
            for (String schema :
                    threeTier()
                            ? listing.schemas(schemaPattern)
                            : java.util.Collections.<String>singletonList(null)) {
                for (MetaTables.Listed t : listing.tables(schema, tableNamePattern)) {
                    Optional<TableMeta> meta = state.tableMeta(project, schema, t.name);
                    if (meta != null && meta.isPresent()) {
                        MetaColumns.add(
                                rows,
                                meta.get(),
                                project,
                                schema == null ? project : schema,
                                columns);
                    } else if (meta == null) { // never a silently short listing
                        String name = project + "." + (schema == null ? "" : schema + ".") + t.name;
                        listing.warn(new SQLWarning(OdpsMessages.M.format(
                                "odps.meta.columnsSkipped", name,
                                state.unreadable(project, schema, t.name)), "01000"));
                    }
                }
            }
            state.context.counter("odps.metadataColumns").increment();
            LOG.log(Level.FINE, "lakeproxy read the columns of {0}.{1}.{2} from table metadata",
                    new Object[] {project, schemaPattern, tableNamePattern});
            return MetaRows.of(MetaColumns.NAMES, MetaColumns.TYPES, rows, listing.warnings);
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (table != null && !table.isEmpty()) { // JDBC: the table is required; none names no key
            String project = threeTier() ? project(catalog) : twoTierProject(catalog, schema);
            String inSchema =
                    threeTier()
                            ? (schema == null || schema.isEmpty()
                                    ? state.names.currentSchema()
                                    : schema)
                            : null;
            Optional<TableMeta> meta = state.tableMeta(project, inSchema, table);
            if (meta != null && meta.isPresent()) {
                TableMeta m = meta.get();
                List<String> keys = m.primaryKeyColumns();
                for (int k = 0; k < keys.size(); k++) {
                    rows.add(
                            new Object[] {
                                project,
                                inSchema == null ? project : inSchema,
                                m.table,
                                keys.get(k),
                                k + 1,
                                "PK_" + m.table
                            });
                }
            }
        }
        return MetaRows.of(PK_NAMES, PK_TYPES, rows);
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        try {
            return MetaFunctions.of(
                    state,
                    project(catalog),
                    threeTier() ? schemaPattern : null,
                    functionNamePattern);
        } catch (SQLException e) {
            throw explain(e);
        }
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
