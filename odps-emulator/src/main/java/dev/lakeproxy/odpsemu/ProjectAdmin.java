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
package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.ProjectType;
import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates and drops projects' schemas (catalog entries and their PostgreSQL schemas), creates
 * projects; finds them.
 */
public final class ProjectAdmin {

    private final Catalog catalog;
    private final JobTransaction tx;
    private final Object lock;
    private final String owner;

    /**
     * @param tx the job's transaction: a failing job's schema changes are undone
     * @param lock the engine's monitor: a project is made between jobs
     * @param owner the principal that owns the projects
     */
    ProjectAdmin(Catalog catalog, JobTransaction tx, Object lock, String owner) {
        this.catalog = catalog;
        this.tx = tx;
        this.lock = lock;
        this.owner = owner;
    }

    void add(String name, ProjectType type, boolean threeTier, String dlfCatalog) {
        String key = name.toLowerCase(Locale.ROOT);
        if (catalog.projects.containsKey(key)) {
            throw new IllegalArgumentException("project already exists: " + name);
        }
        Map<String, Schema> schemas =
                type == ProjectType.EXTERNAL
                        ? catalog.dlfCatalogs.computeIfAbsent(
                                dlfCatalog.toLowerCase(Locale.ROOT), k -> new ConcurrentHashMap<>())
                        : new ConcurrentHashMap<>();
        Project p = new Project(key, type, threeTier, dlfCatalog, owner, schemas);
        synchronized (lock) {
            if (!p.schemas.containsKey("default")) {
                createSchema(p, "default");
            }
        }
        catalog.projects.put(key, p);
    }

    /**
     * A Paimon_DLF external project made by a user: the RAM control-plane layer applies, and a RAM
     * user without it gets "You are not authorized to perform this action" (seed:
     * Troubleshooting).
     */
    void addPaimonDlf(String name, String dlfCatalog, User asUser) {
        if (!asUser.hasRamExternalProjectPermission()) {
            throw OdpsSqlException.verbatim(
                    "Forbidden",
                    "You are not authorized to perform this action. User "
                            + asUser.principal()
                            + " lacks the RAM permission to create an external project (RAM"
                            + " console).");
        }
        add(name, ProjectType.EXTERNAL, true, dlfCatalog);
    }

    /** A schema of a three-tier project, made outside any job. */
    void addSchema(String project, String schema) {
        Project p = require(project);
        if (!p.threeTier) {
            throw new IllegalArgumentException("project " + project + " is not three-tier");
        }
        synchronized (lock) {
            createSchema(p, schema.toLowerCase(Locale.ROOT));
        }
    }

    /** Creates a schema's catalog entry and PostgreSQL schema (caller holds the engine lock). */
    public void createSchema(Project p, String schema) {
        Schema s =
                new Schema(
                        p.name,
                        schema,
                        p.isPaimonDlf()
                                ? Catalog.dlfPgSchemaName(p.dlfCatalog, schema)
                                : Catalog.pgSchemaName(p.name, schema));
        try {
            tx.exec("CREATE SCHEMA IF NOT EXISTS " + Catalog.quote(s.pgSchema()));
        } catch (SQLException e) {
            throw PgErrors.translate(e);
        }
        p.schemas.put(schema, s);
        tx.onRollback(() -> p.schemas.remove(schema));
    }

    /** Drops a schema with its tables (undone if the job fails). */
    public void dropSchema(Project p, Schema schema) throws SQLException {
        tx.exec("DROP SCHEMA " + Catalog.quote(schema.pgSchema()) + " CASCADE");
        p.schemas.remove(schema.name);
        tx.onRollback(() -> p.schemas.put(schema.name, schema));
    }

    Project require(String name) {
        Project p = catalog.project(name);
        if (p == null) {
            throw new IllegalArgumentException("no such project: " + name);
        }
        return p;
    }

    Project requirePaimonDlf(String project) {
        Project p = require(project);
        if (!p.isPaimonDlf()) {
            throw new IllegalArgumentException(
                    "project " + project + " is not a Paimon_DLF external project");
        }
        return p;
    }

    /** The names of a project's schemas, sorted. */
    List<String> schemaNames(String project) {
        List<String> out = new ArrayList<>(require(project).schemas.keySet());
        Collections.sort(out);
        return out;
    }

    Table requireTable(String project, String schema, String table) {
        Schema s = require(project).schemas.get(schema.toLowerCase(Locale.ROOT));
        Table t = s == null ? null : s.tables.get(table.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new IllegalArgumentException(
                    "no such table: " + project + "." + schema + "." + table);
        }
        return t;
    }
}
