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

import com.aliyun.odps.Column;
import com.aliyun.odps.NoSuchObjectException;
import com.aliyun.odps.Odps;
import com.aliyun.odps.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads one table's metadata from MaxCompute through odps-sdk's {@code Table} ({@code GET
 * /projects/{p}/tables/{t}}), or, for the column types SDK 0.43.3 cannot parse, from the metadata
 * JSON directly.
 */
final class TableMetaLoader {

    private static final Logger LOG = Logger.getLogger(TableMetaLoader.class.getName());

    private TableMetaLoader() {
    }

    /**
     * The metadata could not be read (network, time limit, permission): nothing is known about the
     * table.
     */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * {@code GET /projects/{p}/tables/{t}?extended[&curr_schema=s]}, through the SDK's own REST
     * client and signing.
     */
    static Optional<TableMeta> loadJson(Odps odps, String project, String schema, String table) {
        try {
            java.util.Map<String, String> params = new java.util.HashMap<>();
            params.put("extended", null);
            if (schema != null) {
                params.put("curr_schema", schema);
            }
            com.aliyun.odps.commons.transport.Response r =
                    odps.getRestClient()
                            .request(
                                    com.aliyun.odps.rest.ResourceBuilder.buildTableResource(
                                            project, table),
                                    "GET",
                                    params,
                                    null,
                                    null);
            String xml = new String(r.getBody(), java.nio.charset.StandardCharsets.UTF_8);
            int a = xml.indexOf("<![CDATA[");
            int b = xml.indexOf("]]>", a);
            if (a < 0 || b < 0) {
                return null;
            }
            com.google.gson.JsonObject j =
                    new com.google.gson.JsonParser()
                            .parse(xml.substring(a + 9, b))
                            .getAsJsonObject();
            String handler = j.has("storageHandler") ? j.get("storageHandler").getAsString() : null;
            java.util.Map<String, String> serde = j.has("serDeProperties")
                    ? TableMeta.parseReserved(j.get("serDeProperties").getAsString()) : null;
            java.util.Map<String, String> reserved =
                    j.has("Reserved")
                            ? TableMeta.parseReserved(j.get("Reserved").getAsString())
                            : new java.util.LinkedHashMap<>();
            boolean external = j.has("isExternal") && j.get("isExternal").getAsBoolean();
            return Optional.of(
                    new TableMeta(
                            project,
                            schema,
                            table,
                            external ? handler : null,
                            external ? serde : null,
                            reserved,
                            jsonColumns(j, "columns"),
                            jsonColumns(j, "partitionKeys")));
        } catch (Exception e) {
            LOG.log(Level.FINE, "lakeproxy could not read the metadata JSON of {0}.{1}: {2}",
                    new Object[] {project, table, e.getMessage()});
            return null;
        }
    }

    private static List<TableMeta.Col> jsonColumns(com.google.gson.JsonObject j, String member) {
        List<TableMeta.Col> out = new ArrayList<>();
        if (j.has(member) && j.get(member).isJsonArray()) {
            for (com.google.gson.JsonElement e : j.getAsJsonArray(member)) {
                com.google.gson.JsonObject c = e.getAsJsonObject();
                out.add(
                        new TableMeta.Col(
                                c.get("name").getAsString(),
                                c.get("type").getAsString().toUpperCase(Locale.ROOT),
                                c.has("comment") ? c.get("comment").getAsString() : null));
            }
        }
        return out;
    }

    /** The table's metadata, or empty when it does not exist. */
    static Optional<TableMeta> load(Odps odps, String project, String schema, String table)
            throws Unreadable {
        try {
            Table t =
                    schema == null
                            ? odps.tables().get(project, table)
                            : odps.tables().get(project, schema, table);
            t.reload();
            List<TableMeta.Col> cols = new ArrayList<>();
            for (Column c : t.getSchema().getColumns()) {
                cols.add(
                        new TableMeta.Col(
                                c.getName(), c.getTypeInfo().getTypeName(), c.getComment()));
            }
            List<TableMeta.Col> parts = new ArrayList<>();
            for (Column c : t.getSchema().getPartitionColumns()) {
                parts.add(
                        new TableMeta.Col(
                                c.getName(), c.getTypeInfo().getTypeName(), c.getComment()));
            }
            String handler = t.isExternalTable() ? t.getStorageHandler() : null;
            return Optional.of(
                    new TableMeta(
                            project,
                            schema,
                            table,
                            handler,
                            t.isExternalTable() ? t.getSerDeProperties() : null,
                            TableMeta.parseReserved(t.getReserved()),
                            cols,
                            parts));
        } catch (NoSuchObjectException e) {
            return Optional.empty();
        } catch (Exception e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("Parse type info failed")) {
                // odps-sdk 0.43.3 (inside odps-jdbc 3.4.2) cannot parse TIMESTAMP(p): read the
                // metadata JSON directly
                Optional<TableMeta> direct = loadJson(odps, project, schema, table);
                if (direct != null) {
                    return direct;
                }
            }
            if (msg.contains("Table not found")
                    || msg.contains("NoSuchObject")
                    || msg.contains("not exist")) {
                return Optional.empty();
            }
            LOG.log(
                    Level.FINE,
                    "lakeproxy could not read the metadata of {0}.{1}: {2}",
                    new Object[] {project, table, msg});
            throw new Unreadable(msg.length() > 300 ? msg.substring(0, 300) + "..." : msg, e);
        }
    }
}
