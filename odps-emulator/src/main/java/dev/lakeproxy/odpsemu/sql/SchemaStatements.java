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
package dev.lakeproxy.odpsemu.sql;

import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.JobContext;
import dev.lakeproxy.odpsemu.JobResult;
import dev.lakeproxy.odpsemu.NameResolver;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.Privileges;
import dev.lakeproxy.odpsemu.ProjectAdmin;
import java.sql.SQLException;
import java.util.List;

/** CREATE and DROP SCHEMA (or DATABASE), in three-tier projects. */
public final class SchemaStatements {

    private final NameResolver names;
    private final Privileges privileges;
    private final ProjectAdmin projects;

    public SchemaStatements(NameResolver names, Privileges privileges, ProjectAdmin projects) {
        this.names = names;
        this.privileges = privileges;
        this.projects = projects;
    }

    /** {@code CREATE SCHEMA [IF NOT EXISTS] [project.]schema}, after {@code CREATE SCHEMA}. */
    JobResult create(JobContext ctx, SqlCursor c) {
        boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
        List<String> name = c.qualifiedName();
        Project p = name.size() == 2 ? names.project(name.get(0)) : ctx.project;
        String s = name.get(name.size() - 1);
        if (p == null) {
            throw new OdpsSqlException(
                    "ODPS-0420111", "Project not found - '" + name.get(0) + "'.");
        }
        if (!p.threeTier) {
            throw new OdpsSqlException(
                    "ODPS-0110061",
                    "Failed to run ddltask - project '"
                            + p.name
                            + "' is not enabled with schema (three-tier model); CREATE SCHEMA"
                            + " is not allowed");
        }
        privileges.check(
                ctx,
                p.name,
                s,
                "CREATE",
                "CATALOG " + (p.dlfCatalog == null ? p.name : p.dlfCatalog));
        if (p.schemas.containsKey(s)) {
            if (ifNotExists) {
                return new JobResult();
            }
            throw new OdpsSqlException(
                    "ODPS-0110061",
                    "Failed to run ddltask - Schema '" + p.name + "." + s + "' already exists");
        }
        projects.createSchema(p, s);
        return new JobResult();
    }

    /** {@code DROP SCHEMA [IF EXISTS] schema}, after {@code DROP SCHEMA}. */
    JobResult drop(JobContext ctx, SqlCursor c) throws SQLException {
        boolean ifExists = c.acceptWords("IF", "EXISTS");
        String s = c.ident();
        Schema schema = ctx.project.schemas.get(s);
        if (schema == null) {
            if (ifExists) {
                return new JobResult();
            }
            names.requireSchema(ctx.project, s);
        }
        privileges.check(ctx, ctx.project.name, s, "DROP", "DATABASE " + s);
        projects.dropSchema(ctx.project, schema);
        return new JobResult();
    }
}
