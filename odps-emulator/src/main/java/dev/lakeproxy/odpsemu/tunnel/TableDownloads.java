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
package dev.lakeproxy.odpsemu.tunnel;

import static dev.lakeproxy.odpsemu.rest.RestText.parseSpec;

import com.google.gson.JsonObject;
import dev.lakeproxy.odpsemu.Catalog;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.OdpsValues;
import dev.lakeproxy.odpsemu.SqlEngine;
import dev.lakeproxy.odpsemu.TableStorage;
import dev.lakeproxy.odpsemu.User;
import dev.lakeproxy.odpsemu.rest.HttpError;
import dev.lakeproxy.odpsemu.rest.Reply;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table-tunnel download sessions ({@code TableTunnel.createDownloadSession}): {@code POST
 * ?downloads[&partition=]} takes a snapshot of the rows and answers the session JSON; {@code GET
 * ?downloadid} reloads it; {@code GET ?downloadid&data&rowrange=(a,b)} streams records.
 */
final class TableDownloads {

    /** One session: the rows as they were when it was created (a download reads a snapshot). */
    private static final class Session {
        final String id = UUID.randomUUID().toString().replace("-", "");
        final Table table;
        final List<String[]> columns = new ArrayList<>();
        final List<Object[]> rows = new ArrayList<>();

        Session(Table table) {
            this.table = table;
        }
    }

    private final Catalog catalog;
    private final SqlEngine engine;
    private final ZoneId zone;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** @param zone the projects' time zone, which DATETIME values read are in */
    TableDownloads(Catalog catalog, SqlEngine engine, ZoneId zone) {
        this.catalog = catalog;
        this.engine = engine;
        this.zone = zone;
    }

    Reply handle(String method, Table t, Map<String, String> q, User user) throws IOException {
        if (q.containsKey("downloads")) {
            if (!method.equals("POST")) {
                throw new HttpError(
                        405, "MethodNotAllowed", "Method " + method + " is not allowed");
            }
            return Reply.json(sessionJson(create(t, q.get("partition"), user)));
        }
        Session s = sessions.get(q.get("downloadid"));
        if (s == null || s.table != t) {
            throw new HttpError(
                    404,
                    "NoSuchDownload",
                    "The specified download id does not exist: " + q.get("downloadid"));
        }
        if (q.containsKey("data")) {
            return TunnelSchemas.records(s.columns, s.rows, q.get("rowrange"));
        }
        return Reply.json(sessionJson(s));
    }

    private Session create(Table t, String partition, User user) {
        HttpError.requireDlfData(catalog, user, t, "SELECT");
        Map<String, String> spec = new LinkedHashMap<>();
        if (partition != null && !partition.isEmpty()) {
            spec = parseSpec(partition);
            String normalized = TableStorage.normalizeSpec(t, spec);
            if (!engine.storage.partitions(t).contains(normalized)) {
                // Tunnel error codes page: "ErrorCode=NoSuchPartition, The specified partition
                // does not exist"
                throw new HttpError(
                        404, "NoSuchPartition", "The specified partition does not exist");
            }
        } else if (!t.partitionColumns.isEmpty()) {
            throw new HttpError(
                    400,
                    "MissingPartitionSpec",
                    "You need to specify a partitionspec along with the specified table");
        }
        if (t.isTablestore()) {
            engine.refreshShadow(t);
        }
        Session s = new Session(t);
        for (Catalog.Column c : t.columns) {
            s.columns.add(new String[] {c.name, c.typeText(), c.comment});
        }
        for (Object[] raw : engine.storage.read(t, spec)) {
            Object[] row = new Object[raw.length];
            for (int i = 0; i < raw.length; i++) {
                row[i] = OdpsValues.toRecordValue(raw[i], t.columns.get(i).type, zone);
            }
            s.rows.add(row);
        }
        sessions.put(s.id, s);
        return s;
    }

    private static String sessionJson(Session s) {
        List<String[]> parts = new ArrayList<>();
        for (Catalog.Column c : s.table.partitionColumns) {
            parts.add(new String[] {c.name, c.typeText(), c.comment});
        }
        JsonObject o = new JsonObject();
        o.addProperty("DownloadID", s.id);
        o.addProperty("Status", "normal");
        o.addProperty("RecordCount", s.rows.size());
        o.add("Schema", TunnelSchemas.schemaJson(s.columns, parts));
        return o.toString();
    }
}
