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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's MaxCompute: projects (each with its encryption) holding ordinary tables. Foreign
 * tables ({@code SERVER odps_server OPTIONS (project_name 'p', table_name 't')}) read from here.
 *
 * <p>Physically, project {@code p} is schema {@code hg_sim_mc_p} in every database of the cluster
 * (template1 included, so databases created later start with the same data); every change made
 * through this API is applied to all of them. Project and table names are case-insensitive
 * (lower-cased), as in MaxCompute.
 */
public final class MaxComputeStore {
    private final HoloSimulator sim;
    private final Map<String, Project> projects = new ConcurrentHashMap<>();

    MaxComputeStore(HoloSimulator sim) {
        this.sim = sim;
    }

    /** The project with this name, created (unencrypted) if it does not exist yet. */
    public Project project(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        synchronized (this) {
            Project p = projects.get(key);
            if (p == null) {
                p = new Project(key);
                String schema = SqlText.quoteIdent(p.schemaName());
                // Readable by every role: privileges are checked on the foreign tables that read
                // the store.
                executeEverywhere(
                        "CREATE SCHEMA IF NOT EXISTS "
                                + schema
                                + "; GRANT USAGE ON SCHEMA "
                                + schema
                                + " TO PUBLIC; ALTER DEFAULT PRIVILEGES IN SCHEMA "
                                + schema
                                + " GRANT SELECT ON TABLES TO PUBLIC;"
                                + " INSERT INTO hg_sim.projects VALUES ("
                                + SqlText.quoteLiteral(key)
                                + ", 'NONE', NULL) ON CONFLICT (project_name) DO NOTHING");
                projects.put(key, p);
            }
            return p;
        }
    }

    /** The names of the projects created so far. */
    public List<String> projects() {
        List<String> names = new ArrayList<>(projects.keySet());
        Collections.sort(names);
        return names;
    }

    /**
     * Runs SQL on the store in every database (e.g. {@code UPDATE hg_sim_mc_p.t SET ...}); see
     * {@link Project#schemaName()}. The statements must be repeatable per database.
     */
    public void execute(String sql) {
        executeEverywhere(sql);
    }

    void executeEverywhere(String sql) {
        runEverywhere(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        });
    }

    interface Work {
        void run(Connection c) throws SQLException;
    }

    synchronized void runEverywhere(Work work) {
        try {
            for (String db : sim.databases()) {
                // Short-lived connections: CREATE DATABASE refuses a template1 that has other
                // sessions.
                try (Connection c = sim.direct(db)) {
                    c.setAutoCommit(false);
                    work.run(c);
                    c.commit();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("MaxCompute store: " + e.getMessage(), e);
        }
        sim.markAllCatalogsDirty();
    }

    /** A MaxCompute project. */
    public final class Project {
        private final String name;
        private volatile Encryption encryption = Encryption.NONE;
        private volatile String keyId;

        private Project(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /**
         * The schema that holds this project's tables in every database: {@code hg_sim_mc_<name>}.
         */
        public String schemaName() {
            return ForeignTableCatalog.STORE_SCHEMA_PREFIX + name;
        }

        public Encryption encryption() {
            return encryption;
        }

        /** The CMK id for {@link Encryption#BYOK}, else null. */
        public String keyId() {
            return keyId;
        }

        /** Sets {@link Encryption#NONE} or {@link Encryption#DEFAULT_KEY} (BYOK needs a key id). */
        public Project encryption(Encryption encryption) {
            if (encryption == Encryption.BYOK) {
                return encryption(encryption, "simulated-cmk");
            }
            return encryption(encryption, null);
        }

        /** Sets the encryption of the project's data; {@code keyId} is the KMS CMK id for BYOK. */
        public Project encryption(Encryption encryption, String keyId) {
            Objects.requireNonNull(encryption, "encryption");
            executeEverywhere(
                    "UPDATE hg_sim.projects SET encryption = "
                            + SqlText.quoteLiteral(encryption.name())
                            + ", key_id = "
                            + (keyId == null ? "NULL" : SqlText.quoteLiteral(keyId))
                            + " WHERE project_name = "
                            + SqlText.quoteLiteral(name));
            this.encryption = encryption;
            this.keyId = keyId;
            return this;
        }

        /**
         * Creates the table (PostgreSQL column definitions, e.g. {@code "id bigint, name text"})
         * unless it exists.
         */
        public Table table(String table, String columns) {
            String t = table.toLowerCase(Locale.ROOT);
            executeEverywhere("CREATE TABLE IF NOT EXISTS " + SqlText.quoteIdent(schemaName()) + "."
                    + SqlText.quoteIdent(t) + " (" + columns + ")");
            return new Table(this, t);
        }

        /** An existing table of the project. */
        public Table table(String table) {
            return new Table(this, table.toLowerCase(Locale.ROOT));
        }

        /** Drops a table of the project (foreign tables that point at it then fail to read). */
        public Project dropTable(String table) {
            executeEverywhere("DROP TABLE IF EXISTS " + SqlText.quoteIdent(schemaName()) + "."
                    + SqlText.quoteIdent(table.toLowerCase(Locale.ROOT)));
            return this;
        }

        @Override
        public String toString() {
            return "Project{" + name + ", " + encryption + "}";
        }
    }

    /** A table of a MaxCompute project. */
    public final class Table {
        private final Project project;
        private final String name;

        private Table(Project project, String name) {
            this.project = project;
            this.name = name;
        }

        public Project project() {
            return project;
        }

        public String name() {
            return name;
        }

        /** {@code "hg_sim_mc_<project>"."<table>"}, for {@link MaxComputeStore#execute(String)}. */
        public String qualifiedName() {
            return SqlText.quoteIdent(project.schemaName()) + "." + SqlText.quoteIdent(name);
        }

        /**
         * Inserts one row (values in column order; strings are coerced by PostgreSQL to the column
         * type).
         */
        public Table insert(Object... values) {
            return insertRows(Collections.singletonList(values));
        }

        /** Inserts many rows in one batch per database. */
        public Table insertRows(List<Object[]> rows) {
            if (rows.isEmpty()) {
                return this;
            }
            int width = rows.get(0).length;
            String[] marks = new String[width];
            Arrays.fill(marks, "?");
            String sql =
                    "INSERT INTO " + qualifiedName() + " VALUES (" + String.join(", ", marks) + ")";
            runEverywhere(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (Object[] row : rows) {
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 1, row[i]);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
            return this;
        }

        /** Deletes all rows. */
        public Table truncate() {
            executeEverywhere("TRUNCATE " + qualifiedName());
            return this;
        }

        @Override
        public String toString() {
            return project.name() + "." + name;
        }
    }
}
