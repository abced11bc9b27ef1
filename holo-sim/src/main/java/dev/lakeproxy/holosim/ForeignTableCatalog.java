package dev.lakeproxy.holosim;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MaxCompute foreign tables (server {@code odps_server}) of one database, read from the catalog and
 * re-read after the proxy saw DDL. Keyed by lower-case table name.
 */
final class ForeignTableCatalog {
    static final String STORE_SCHEMA_PREFIX = "hg_sim_mc_";

    private static final String QUERY = "SELECT n.nspname, c.relname,"
            + " lower((SELECT o.option_value FROM pg_options_to_table(ft.ftoptions) o WHERE o.option_name = 'project_name')),"
            + " lower((SELECT o.option_value FROM pg_options_to_table(ft.ftoptions) o WHERE o.option_name = 'table_name')),"
            + " (SELECT string_agg(format('CAST(%I AS %s) AS %I', a.attname, format_type(a.atttypid, a.atttypmod), a.attname), ', ' ORDER BY a.attnum)"
            + "    FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),"
            + " (SELECT string_agg(format('CAST(NULL AS %s) AS %I', format_type(a.atttypid, a.atttypmod), a.attname), ', ' ORDER BY a.attnum)"
            + "    FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)"
            + " FROM pg_foreign_table ft JOIN pg_class c ON c.oid = ft.ftrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE s.srvname = 'odps_server'";

    private static final String STORE_QUERY = "SELECT n.nspname, c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname LIKE 'hg\\_sim\\_mc\\_%' AND c.relkind IN ('r', 'v', 'p')";

    /** One foreign table. */
    static final class ForeignTable {
        final String schema;
        final String name;
        final String project;
        final String table;
        final String selectList;
        final String nullSelectList;
        final boolean storeExists;

        ForeignTable(String schema, String name, String project, String table, String selectList,
                     String nullSelectList, boolean storeExists) {
            this.schema = schema;
            this.name = name;
            this.project = project;
            this.table = table;
            this.selectList = selectList == null ? "" : selectList;
            this.nullSelectList = nullSelectList == null ? "" : nullSelectList;
            this.storeExists = storeExists;
        }

        /** The checked read of the store table that replaces a reference to this foreign table. */
        String subquery() {
            if (project == null || table == null || !storeExists) {
                return "(SELECT " + nullSelectList + " WHERE (SELECT hg_sim.missing_table("
                        + lit(project) + ", " + lit(table) + ")))";
            }
            return "(SELECT " + selectList + " FROM " + SqlText.quoteIdent(STORE_SCHEMA_PREFIX + project) + "."
                    + SqlText.quoteIdent(table) + " WHERE (SELECT hg_sim.read_check(" + lit(project) + ", "
                    + lit(table) + ")))";
        }

        private static String lit(String s) {
            return s == null ? "NULL" : SqlText.quoteLiteral(s);
        }
    }

    private final String database;
    private final HoloSimulator sim;
    private volatile boolean dirty = true;
    private volatile Map<String, List<ForeignTable>> byName = Collections.emptyMap();

    ForeignTableCatalog(HoloSimulator sim, String database) {
        this.sim = sim;
        this.database = database;
    }

    void markDirty() {
        dirty = true;
    }

    Map<String, List<ForeignTable>> tables() {
        if (dirty) {
            refresh();
        }
        return byName;
    }

    private synchronized void refresh() {
        if (!dirty) {
            return;
        }
        dirty = false;
        try {
            byName = sim.withAdmin(database, this::load);
        } catch (SQLException e) {
            // The database may be gone or not accept connections: no foreign tables to rewrite.
            byName = Collections.emptyMap();
        }
    }

    private Map<String, List<ForeignTable>> load(Connection c) throws SQLException {
        Map<String, List<ForeignTable>> out = new HashMap<>();
        java.util.Set<String> store = new java.util.HashSet<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(STORE_QUERY)) {
                while (rs.next()) {
                    store.add(rs.getString(1) + "\u0000" + rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery(QUERY)) {
                while (rs.next()) {
                    String project = rs.getString(3);
                    String table = rs.getString(4);
                    boolean exists = store.contains(STORE_SCHEMA_PREFIX + project + "\u0000" + table);
                    ForeignTable ft = new ForeignTable(rs.getString(1), rs.getString(2), project, table,
                            rs.getString(5), rs.getString(6), exists);
                    out.computeIfAbsent(ft.name, k -> new ArrayList<>()).add(ft);
                }
            }
        }
        return out;
    }
}
