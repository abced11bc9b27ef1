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
package dev.lakeproxy.odpsemu.rest;

import static dev.lakeproxy.odpsemu.rest.RestText.GSON;
import static dev.lakeproxy.odpsemu.rest.RestText.cdata;
import static dev.lakeproxy.odpsemu.rest.RestText.esc;
import static dev.lakeproxy.odpsemu.rest.RestText.rfc822;
import static dev.lakeproxy.odpsemu.tunnel.TunnelSchemas.columnsJson;

import com.google.gson.JsonObject;
import dev.lakeproxy.odpsemu.Catalog;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.TableStorage;
import dev.lakeproxy.odpsemu.User;
import dev.lakeproxy.odpsemu.sql.ShowStatements;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Tables: listing, metadata XML and partition metadata. */
final class TableResources {

    private final TableStorage storage;

    private final PartitionResources partitions;

    TableResources(TableStorage storage) {
        this.storage = storage;
        this.partitions = new PartitionResources(storage);
    }

    /** Parameters that only qualify a table request (paging, schema), never select an action. */
    private static final Set<String> QUALIFIERS =
            new HashSet<>(
                    Arrays.asList(
                            "curr_schema",
                            "curr_project",
                            "expectmarker",
                            "marker",
                            "maxitems",
                            "reverse"));

    /**
     * {@code GET /projects/p/tables/t} with one of: nothing or {@code extended} (metadata), {@code
     * partition=spec} (one partition), {@code partitions} (the partition list). Anything else is
     * MaxCompute's invalid-parameter error, never the table's XML.
     */
    Reply tableResource(String method, Table t, Map<String, String> q) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new HttpError(405, "MethodNotAllowed", "Method " + method + " is not allowed");
        }
        for (String k : q.keySet()) {
            if (!QUALIFIERS.contains(k)
                    && !k.equals("extended")
                    && !k.equals("partition")
                    && !k.equals("partitions")) {
                throw HttpError.invalidParameter("'" + k + "' is not served for tables");
            }
        }
        if (q.containsKey("partitions")) {
            return partitions.list(t, q);
        }
        if (q.get("partition") != null) {
            return partitions.one(t, q.get("partition"));
        }
        return Reply.xml(tableXml(t, true));
    }

    /**
     * The schema a request means: {@code curr_schema} in three-tier projects, else {@code default}.
     */
    static String schemaParam(Project p, String schemaName) {
        if (!p.threeTier || schemaName == null || schemaName.isEmpty()) {
            return "default"; // two-tier projects ignore curr_schema (odps-jdbc sends the project
            // name there)
        }
        return schemaName.toLowerCase(Locale.ROOT);
    }

    Table table(Project p, String schemaName, String name) {
        String s = schemaParam(p, schemaName);
        Schema schema = p.schemas.get(s);
        Table t = schema == null ? null : schema.tables.get(name.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new HttpError(
                    404,
                    "NoSuchObject",
                    "ODPS-0130131:Table not found - '" + p.name + "." + s + "." + name + "'");
        }
        return t;
    }

    Reply listTables(Project p, Map<String, String> q, User user) {
        String s = schemaParam(p, q.get("curr_schema"));
        Schema schema = p.schemas.get(s.toLowerCase(Locale.ROOT));
        if (schema == null && p.threeTier && s.equalsIgnoreCase(ShowStatements.SYSTEM_SCHEMA)) {
            // the built-in schema SHOW SCHEMAS lists answers its listing (no user tables), as
            // MaxCompute's does
            return Reply.xml("<Tables><Marker></Marker><MaxItems>100</MaxItems></Tables>");
        }
        if (schema == null) {
            throw new HttpError(
                    404,
                    "NoSuchObject",
                    "ODPS-0110061: Schema not found - '" + p.name + "." + s + "'");
        }
        if (p.isPaimonDlf() && !user.hasDlfDataPermission()) {
            throw new HttpError(
                    403,
                    "NoPermission",
                    "ODPS-0130013:Authorization exception - Forbidden: User "
                            + user.principal()
                            + " doesn't have privilege LIST on DATABASE "
                            + schema.name);
        }
        List<String> names = new ArrayList<>(schema.tables.keySet());
        Collections.sort(names);
        String prefix = q.get("name");
        int maxItems = q.containsKey("maxitems") ? Integer.parseInt(q.get("maxitems")) : 100;
        String marker = q.get("marker");
        int from = 0;
        if (marker != null && !marker.isEmpty()) {
            from = Integer.parseInt(marker);
        }
        List<String> filtered = new ArrayList<>();
        for (String n : names) {
            if (prefix == null || n.startsWith(prefix.toLowerCase(Locale.ROOT))) {
                filtered.add(n);
            }
        }
        int to = Math.min(filtered.size(), from + maxItems);
        boolean extended = q.containsKey("extended");
        StringBuilder sb = new StringBuilder("<Tables>");
        for (int i = from; i < to; i++) {
            sb.append(tableXml(schema.tables.get(filtered.get(i)), extended));
        }
        sb.append("<Marker>")
                .append(to < filtered.size() ? String.valueOf(to) : "")
                .append("</Marker>");
        sb.append("<MaxItems>").append(maxItems).append("</MaxItems></Tables>");
        return Reply.xml(sb.toString());
    }

    String tableXml(Table t, boolean extended) {
        JsonObject j = new JsonObject();
        j.addProperty("tableName", t.name);
        j.addProperty("comment", t.comment == null ? "" : t.comment);
        j.addProperty("owner", t.owner);
        j.addProperty("createTime", t.createdAt / 1000);
        j.addProperty("lastModifiedTime", t.lastModified / 1000);
        j.addProperty("lastDDLTime", t.createdAt / 1000);
        j.addProperty("lastAccessTime", t.lastModified / 1000);
        j.addProperty("isVirtualView", false);
        j.addProperty("isExternal", t.external);
        j.addProperty("lifecycle", t.lifecycle == null ? -1 : t.lifecycle);
        j.addProperty("size", 0);
        if (extended) {
            // what the table holds; external tables keep their rows elsewhere (-1, unknown)
            j.addProperty(
                    "recordNum",
                    t.external ? -1 : storage.count(t, Collections.emptyMap()));
        }
        List<String[]> cols = new ArrayList<>();
        for (Catalog.Column c : t.columns) {
            cols.add(new String[] {c.name, c.typeText(), c.comment});
        }
        List<String[]> parts = new ArrayList<>();
        for (Catalog.Column c : t.partitionColumns) {
            parts.add(new String[] {c.name, c.typeText(), c.comment});
        }
        j.add("columns", columnsJson(cols));
        j.add("partitionKeys", columnsJson(parts));
        if (extended) {
            if (t.storageHandler != null) {
                j.addProperty("storageHandler", t.storageHandler);
            }
            if (t.location != null) {
                j.addProperty("location", t.location);
            }
            if (!t.serdeProperties.isEmpty()) {
                j.addProperty("serDeProperties", GSON.toJson(t.serdeProperties));
            }
            JsonObject reserved = new JsonObject();
            reserved.addProperty("Transactional", "false");
            for (Map.Entry<String, String> e : t.tblProperties.entrySet()) {
                reserved.addProperty(e.getKey(), e.getValue());
            }
            j.addProperty("Reserved", reserved.toString());
        }
        return "<Table><Name>"
                + esc(t.name)
                + "</Name><TableId>"
                + esc(t.fullName())
                + "</TableId>"
                + "<Schema format=\"json\">"
                + cdata(j.toString())
                + "</Schema>"
                + "<Comment>"
                + esc(t.comment == null ? "" : t.comment)
                + "</Comment>"
                + "<Owner>"
                + esc(t.owner)
                + "</Owner><Project>"
                + esc(t.project)
                + "</Project>"
                + "<SchemaName>"
                + esc(t.schema)
                + "</SchemaName>"
                + "<CreationTime>"
                + rfc822(new Date(t.createdAt))
                + "</CreationTime>"
                + "<LastModifiedTime>"
                + rfc822(new Date(t.lastModified))
                + "</LastModifiedTime>"
                + "<Type>"
                + (t.external ? "EXTERNAL_TABLE" : "MANAGED_TABLE")
                + "</Type></Table>";
    }
}
