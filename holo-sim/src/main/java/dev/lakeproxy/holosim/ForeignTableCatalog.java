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
 * The MaxCompute foreign tables (server {@code odps_server}) of one database, read from the catalog
 * and re-read after the proxy saw DDL. Keyed by lower-case table name.
 */
final class ForeignTableCatalog {
    static final String STORE_SCHEMA_PREFIX = "hg_sim_mc_";

    private static final String QUERY = "SELECT * FROM hg_sim.foreign_tables(NULL)";

    /** One foreign table. */
    static final class ForeignTable {
        final String schema;
        final String name;
        final String project;
        final String table;
        final String selectList;
        final String nullSelectList;
        final boolean storeExists;
        final long oid;

        ForeignTable(String schema, String name, String project, String table, String selectList,
                     String nullSelectList, boolean storeExists, long oid) {
            this.schema = schema;
            this.name = name;
            this.project = project;
            this.table = table;
            this.selectList = selectList == null ? "" : selectList;
            this.nullSelectList = nullSelectList == null ? "" : nullSelectList;
            this.storeExists = storeExists;
            this.oid = oid;
        }

        /**
         * The checked read of the store table that replaces a reference to this foreign table.
         * {@code reference} is the name as the client wrote it (quoted identifiers, optional
         * schema): PostgreSQL resolves it itself ({@code 'name'::regclass}, with the session's real
         * search_path), and the check refuses a resolution that is not this table.
         */
        String subquery(String reference) {
            String check =
                    "WHERE (SELECT hg_sim.read_check("
                            + SqlText.quoteLiteral(reference)
                            + "::regclass, "
                            + oid
                            + "))";
            if (project == null || table == null || !storeExists) {
                return "(SELECT " + nullSelectList + " " + check + ")";
            }
            return "(SELECT "
                    + selectList
                    + " FROM "
                    + SqlText.quoteIdent(STORE_SCHEMA_PREFIX + project)
                    + "."
                    + SqlText.quoteIdent(table)
                    + " "
                    + check
                    + ")";
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
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            while (rs.next()) {
                ForeignTable ft =
                        new ForeignTable(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getBoolean(7),
                                rs.getLong(8));
                out.computeIfAbsent(ft.name, k -> new ArrayList<>()).add(ft);
            }
        }
        return out;
    }

    /**
     * The catalog as one session sees it: the shared list plus that session's uncommitted
     * foreign-table DDL.
     */
    static Map<String, List<ForeignTable>> overlay(
            Map<String, List<ForeignTable>> base, Map<String, ForeignTable> changes) {
        if (changes.isEmpty()) {
            return base;
        }
        Map<String, List<ForeignTable>> out = new HashMap<>();
        base.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        for (Map.Entry<String, ForeignTable> e : changes.entrySet()) {
            String[] key = e.getKey().split("\u0000", 2);
            List<ForeignTable> list = out.computeIfAbsent(key[1], k -> new ArrayList<>());
            list.removeIf(ft -> ft.schema.equals(key[0]));
            if (e.getValue() != DROPPED) {
                list.add(e.getValue());
            }
            if (list.isEmpty()) {
                out.remove(key[1]);
            }
        }
        return out;
    }

    /** Marks a foreign table dropped in the session's open transaction. */
    static final ForeignTable DROPPED = new ForeignTable("", "", null, null, null, null, false, 0);

    static String key(String schema, String name) {
        return schema + "\u0000" + name;
    }
}
