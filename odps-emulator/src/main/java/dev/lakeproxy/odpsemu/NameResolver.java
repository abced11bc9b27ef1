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
import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.sql.SqlTranslator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves MaxCompute table names (1 to 3 parts) against the catalog, per the project and job
 * settings.
 */
public final class NameResolver {

    private final Catalog catalog;

    NameResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The project of a name, or null. */
    public Project project(String name) {
        return catalog.project(name);
    }

    public Schema requireSchema(Project p, String schema) {
        Schema s = p.schemas.get(schema.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new OdpsSqlException(
                    "ODPS-0110061",
                    "Failed to run ddltask - Schema not found - '" + p.name + "." + schema + "'");
        }
        return s;
    }

    /** Project, schema and table name for a 1-3 part name, per the MaxCompute rules. */
    public String[] resolveName(JobContext ctx, List<String> parts) {
        if (parts.size() == 3) {
            return new String[] {parts.get(0), parts.get(1), parts.get(2)};
        }
        if (parts.size() == 2) {
            if (ctx.namespace) {
                return new String[] {ctx.project.name, parts.get(0), parts.get(1)};
            }
            return new String[] {parts.get(0), "default", parts.get(1)};
        }
        return new String[] {ctx.project.name, ctx.schema, parts.get(0)};
    }

    public Table findTable(JobContext ctx, List<String> parts) {
        String[] n = resolveName(ctx, parts);
        Project p = catalog.project(n[0]);
        if (p == null) {
            throw new OdpsSqlException(
                    "ODPS-0130131",
                    "[1,1] Table not found - project '" + n[0] + "' does not exist");
        }
        Schema s = p.schemas.get(n[1]);
        if (s == null) {
            return null;
        }
        return s.tables.get(n[2]);
    }

    public Table requireTable(JobContext ctx, List<String> parts) {
        Table t = findTable(ctx, parts);
        if (t == null) {
            String[] n = resolveName(ctx, parts);
            throw new OdpsSqlException(
                    "ODPS-0130131",
                    "[1,1] Table not found - table "
                            + n[0]
                            + "."
                            + n[1]
                            + "."
                            + n[2]
                            + " cannot be resolved");
        }
        return t;
    }

    /** The translator's table resolver; collects the tables a query references. */
    SqlTranslator.TableResolver resolver(JobContext ctx, Set<Table> seen) {
        return (parts, tablePos) -> {
            if (parts.size() > 3) {
                return null;
            }
            String[] n;
            if (parts.size() == 3) {
                n = resolveName(ctx, parts);
            } else if (parts.size() == 2) {
                Project cur = ctx.project;
                if (ctx.namespace && cur.schemas.containsKey(parts.get(0))) {
                    n = new String[] {cur.name, parts.get(0), parts.get(1)};
                } else if (catalog.project(parts.get(0)) != null) {
                    n = new String[] {parts.get(0), "default", parts.get(1)};
                } else {
                    return null;
                }
            } else {
                if (!tablePos) {
                    return null;
                }
                n = resolveName(ctx, parts);
            }
            Project p = catalog.project(n[0]);
            if (p == null) {
                return null;
            }
            Schema s = p.schemas.get(n[1]);
            if (s == null) {
                if (parts.size() == 1) {
                    return null;
                }
                throw new OdpsSqlException(
                        "ODPS-0130131",
                        "[1,1] Table not found - table "
                                + String.join(".", n)
                                + " cannot be resolved");
            }
            Table t = s.tables.get(n[2]);
            if (t == null) {
                if (parts.size() == 1) {
                    return null; // a CTE name, or missing: PostgreSQL decides
                }
                throw new OdpsSqlException(
                        "ODPS-0130131",
                        "[1,1] Table not found - table "
                                + String.join(".", n)
                                + " cannot be resolved");
            }
            seen.add(t);
            return t.pgQualified();
        };
    }
}
