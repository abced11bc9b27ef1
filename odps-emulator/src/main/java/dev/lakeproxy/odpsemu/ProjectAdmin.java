package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.ProjectType;
import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Creates projects and schemas (catalog entries and their PostgreSQL schemas); finds them. */
final class ProjectAdmin {

    private final Catalog catalog;
    private final SqlEngine engine;
    private final String owner;

    ProjectAdmin(Catalog catalog, SqlEngine engine, String owner) {
        this.catalog = catalog;
        this.engine = engine;
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
        synchronized (engine) {
            if (!p.schemas.containsKey("default")) {
                createSchema(p, "default");
            }
        }
        catalog.projects.put(key, p);
    }

    void createSchema(Project p, String schema) {
        Schema s =
                new Schema(
                        p.name,
                        schema,
                        p.isPaimonDlf()
                                ? Catalog.dlfPgSchemaName(p.dlfCatalog, schema)
                                : Catalog.pgSchemaName(p.name, schema));
        try {
            engine.exec("CREATE SCHEMA IF NOT EXISTS " + Catalog.quote(s.pgSchema()));
        } catch (SQLException e) {
            throw SqlEngine.translate(e);
        }
        p.schemas.put(schema, s);
        engine.tx.onRollback(() -> p.schemas.remove(schema));
    }

    Project require(String name) {
        Project p = catalog.project(name);
        if (p == null) {
            throw new IllegalArgumentException("no such project: " + name);
        }
        return p;
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
