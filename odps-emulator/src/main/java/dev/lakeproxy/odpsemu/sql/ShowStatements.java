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

import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.JobContext;
import dev.lakeproxy.odpsemu.JobResult;
import dev.lakeproxy.odpsemu.NameResolver;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.Privileges;
import dev.lakeproxy.odpsemu.TableStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SHOW TABLES / SCHEMAS / PARTITIONS and DESC, in the text shapes MaxCompute answers with. */
public final class ShowStatements {

    /** Listed by SHOW SCHEMAS next to default (seed: Paimon_DLF walkthrough, sample output). */
    public static final String SYSTEM_SCHEMA = "system";

    private final NameResolver names;
    private final Privileges privileges;
    private final TableStorage storage;

    public ShowStatements(NameResolver names, Privileges privileges, TableStorage storage) {
        this.names = names;
        this.privileges = privileges;
        this.storage = storage;
    }

    public JobResult show(JobContext ctx, SqlCursor c) {
        JobResult r = new JobResult();
        if (c.acceptWord("TABLES")) {
            Project p = ctx.project;
            String s = ctx.schema;
            if (c.acceptWord("IN") || c.acceptWord("FROM")) {
                List<String> name = c.qualifiedName();
                if (name.size() == 2) {
                    p = names.project(name.get(0));
                    s = name.get(1);
                } else if (ctx.namespace || p.threeTier && p.schemas.containsKey(name.get(0))) {
                    s = name.get(0);
                } else {
                    p = names.project(name.get(0));
                    s = "default";
                }
                if (p == null) {
                    throw new OdpsSqlException(
                            "ODPS-0420111", "Project not found - '" + name.get(0) + "'.");
                }
            }
            Schema schema = names.requireSchema(p, s);
            privileges.check(ctx, p.name, schema.name, "LIST", "DATABASE " + schema.name);
            List<String> names = new ArrayList<>(schema.tables.keySet());
            names.sort(null);
            if (c.acceptWord("LIKE")) {
                String regex =
                        c.string()
                                .toLowerCase(Locale.ROOT)
                                .replace(".", "\\.")
                                .replace("*", ".*")
                                .replace("%", ".*");
                names.removeIf(n -> !n.matches(regex));
            }
            StringBuilder sb = new StringBuilder();
            for (String n : names) {
                sb.append(schema.tables.get(n).owner).append(' ').append(n).append('\n');
            }
            r.text = sb.toString();
            return r;
        }
        if (c.acceptWord("SCHEMAS") || c.acceptWord("DATABASES")) {
            Project p = ctx.project;
            if (c.acceptWord("IN") || c.acceptWord("FROM")) {
                String pn = c.ident();
                p = names.project(pn);
                if (p == null) {
                    throw new OdpsSqlException("ODPS-0420111", "Project not found - '" + pn + "'.");
                }
            }
            if (p.isPaimonDlf()) {
                privileges.check(ctx, p.name, "default", "LIST", "CATALOG " + p.dlfCatalog);
            }
            List<String> names = new ArrayList<>(p.schemas.keySet());
            if (p.threeTier && !names.contains(SYSTEM_SCHEMA)) {
                names.add(SYSTEM_SCHEMA); // the built-in schema the seed's SHOW SCHEMAS lists
            }
            names.sort(null);
            r.text = String.join("\n", names);
            return r;
        }
        if (c.acceptWords("CREATE", "TABLE")) {
            Table t = names.requireTable(ctx, c.qualifiedName());
            privileges.check(
                    ctx, t.project, t.schema, "DESCRIBE", "TABLE " + t.schema + "." + t.name);
            r.text = CreateTableText.of(t);
            return r;
        }
        if (c.acceptWord("PARTITIONS")) {
            Table t = names.requireTable(ctx, c.qualifiedName());
            r.text = String.join("\n", storage.partitions(t));
            return r;
        }
        throw c.parseError("unsupported SHOW near '" + c.near() + "'");
    }

    public JobResult describe(JobContext ctx, SqlCursor c) {
        boolean extended = c.acceptWord("EXTENDED");
        if (c.acceptWord("SCHEMA")) {
            Schema s = names.requireSchema(ctx.project, c.ident());
            JobResult r = new JobResult();
            r.text = "Name: " + s.name + "\nProject: " + s.project + "\n";
            return r;
        }
        Table t = names.requireTable(ctx, c.qualifiedName());
        privileges.check(ctx, t.project, t.schema, "DESCRIBE", "TABLE " + t.schema + "." + t.name);
        StringBuilder sb = new StringBuilder();
        String line = "+" + "-".repeat(84) + "+\n";
        sb.append(line);
        sb.append(String.format("| Owner: %-40s | Project: %-24s |%n", t.owner, t.project));
        sb.append(String.format("| Schema: %-74s |%n", t.schema));
        sb.append(String.format("| TableComment: %-68s |%n", t.comment == null ? "" : t.comment));
        sb.append(line);
        sb.append(
                String.format(
                        "| %-82s |%n",
                        (t.external ? "External" : "Internal")
                                + "Table: YES"
                                + (t.lifecycle != null
                                        ? "      | Lifecycle: " + t.lifecycle
                                        : "")));
        sb.append(line);
        sb.append(
                "| Native Columns:                                                                 "
                        + "   |\n");
        sb.append(line);
        sb.append(String.format("| %-16s | %-16s | %-44s |%n", "Field", "Type", "Comment"));
        sb.append(line);
        appendColumns(sb, t.columns, line);
        if (!t.partitionColumns.isEmpty()) {
            sb.append(
                    "| Partition Columns:                                                          "
                            + "       |\n");
            sb.append(line);
            appendColumns(sb, t.partitionColumns, line);
        }
        if (extended) {
            sb.append(
                    "| Extended Info:                                                              "
                            + "       |\n");
            sb.append(line);
            if (t.storageHandler != null) {
                sb.append(
                        String.format("| %-22s | %-57s |%n", "StorageHandler:", t.storageHandler));
            }
            if (t.location != null) {
                sb.append(String.format("| %-22s | %-57s |%n", "Location:", t.location));
            }
            for (Map.Entry<String, String> e : t.serdeProperties.entrySet()) {
                sb.append(String.format("| %-22s | %-57s |%n", e.getKey(), e.getValue()));
            }
            for (Map.Entry<String, String> e : t.tblProperties.entrySet()) {
                sb.append(String.format("| %-22s | %-57s |%n", e.getKey(), e.getValue()));
            }
            sb.append(line);
        }
        JobResult r = new JobResult();
        r.text = sb.toString();
        return r;
    }

    /** DESC's rows for columns (field, type, comment), then the closing line. */
    private static void appendColumns(StringBuilder sb, List<Column> columns, String line) {
        for (Column col : columns) {
            sb.append(
                    String.format(
                            "| %-16s | %-16s | %-44s |%n",
                            col.name, col.typeText(), col.comment == null ? "" : col.comment));
        }
        sb.append(line);
    }
}
