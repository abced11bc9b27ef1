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

import static dev.lakeproxy.odpsemu.tunnel.TunnelSchemas.RAW;
import static dev.lakeproxy.odpsemu.tunnel.TunnelSchemas.schemaJson;
import static dev.lakeproxy.odpsemu.tunnel.TunnelSchemas.tunnelSchema;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamReader;
import com.aliyun.odps.data.Record;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lakeproxy.odpsemu.Catalog;
import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.OdpsValues;
import dev.lakeproxy.odpsemu.PublicProjects;
import dev.lakeproxy.odpsemu.SqlEngine;
import dev.lakeproxy.odpsemu.User;
import dev.lakeproxy.odpsemu.external.PaimonRules;
import dev.lakeproxy.odpsemu.rest.HttpError;
import dev.lakeproxy.odpsemu.rest.Reply;
import dev.lakeproxy.odpsemu.rest.RestText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The table tunnel: upload sessions (blocks, commit) and download sessions. */
public final class TableTunnel {

    private final Catalog catalog;
    private final SqlEngine engine;
    private final ZoneId zone;
    private final Map<String, UploadSession> uploads = new ConcurrentHashMap<>();

    private final TableDownloads downloads;

    /**
     * @param engine an upload commits as a job does: entirely or not at all
     * @param zone the projects' time zone, which DATETIME values uploaded are in
     */
    public TableTunnel(Catalog catalog, SqlEngine engine, ZoneId zone) {
        this.catalog = catalog;
        this.engine = engine;
        this.zone = zone;
        this.downloads = new TableDownloads(catalog, engine, zone);
    }

    static final class UploadSession {
        final String id;
        final Table table;
        final String partition;
        final boolean overwrite;
        final Map<Long, List<Record>> blocks = new TreeMap<>();
        String status = "normal";

        UploadSession(String id, Table table, String partition, boolean overwrite) {
            this.id = id;
            this.table = table;
            this.partition = partition;
            this.overwrite = overwrite;
        }
    }

    /** Whether a table request is a tunnel call (upload or download session). */
    public static boolean handles(Map<String, String> q) {
        return q.containsKey("uploads")
                || q.containsKey("uploadid")
                || q.containsKey("downloads")
                || q.containsKey("downloadid");
    }

    public Reply handle(String method, Table t, Map<String, String> q, byte[] body, User user)
            throws IOException {
        if (q.containsKey("downloads") || q.containsKey("downloadid")) {
            return downloads.handle(method, t, q, user);
        }
        return upload(method, t, q, body, user);
    }

    Reply upload(String method, Table t, Map<String, String> q, byte[] body, User user)
            throws IOException {
        if (q.containsKey("uploads") && method.equals("POST")) {
            PublicProjects.requireMember(catalog.project(t.project));
            HttpError.requireDlfData(catalog, user, t, "UPDATE");
            UploadSession s =
                    new UploadSession(
                            UUID.randomUUID().toString().replace("-", ""),
                            t,
                            q.get("partition"),
                            "true".equals(q.get("overwrite")));
            uploads.put(s.id, s);
            return Reply.json(uploadJson(s));
        }
        UploadSession s = uploads.get(q.get("uploadid"));
        if (s == null) {
            throw new HttpError(
                    404, "NoSuchUpload", "Upload session not found: " + q.get("uploadid"));
        }
        if (method.equals("PUT")) {
            long block = Long.parseLong(q.getOrDefault("blockid", "0"));
            List<Record> records = new ArrayList<>();
            TableSchema schema = tunnelSchema(t);
            ProtobufRecordStreamReader reader =
                    new ProtobufRecordStreamReader(schema, new ByteArrayInputStream(body), RAW);
            Record r;
            while ((r = reader.read()) != null) {
                records.add(r);
            }
            synchronized (s) {
                s.blocks.put(block, records);
            }
            Reply reply = new Reply();
            reply.contentType = "application/json";
            return reply;
        }
        if (method.equals("POST")) {
            synchronized (s) {
                if (!"closed".equals(s.status)) {
                    commit(t, s.partition, s.overwrite, s.blocks, user);
                    s.status = "closed";
                }
            }
            return Reply.json(uploadJson(s));
        }
        return Reply.json(uploadJson(s));
    }

    String uploadJson(UploadSession s) {
        JsonObject o = new JsonObject();
        o.addProperty("UploadID", s.id);
        o.addProperty("Status", s.status);
        JsonArray blocks = new JsonArray();
        synchronized (s) {
            for (Long b : s.blocks.keySet()) {
                JsonObject bo = new JsonObject();
                bo.addProperty("BlockID", b);
                blocks.add(bo);
            }
        }
        o.add("UploadedBlockList", blocks);
        List<String[]> cols = new ArrayList<>();
        for (Catalog.Column c : s.table.columns) {
            cols.add(new String[] {c.name, c.type, c.comment});
        }
        List<String[]> parts = new ArrayList<>();
        for (Catalog.Column c : s.table.partitionColumns) {
            parts.add(new String[] {c.name, c.type, c.comment});
        }
        o.add("Schema", schemaJson(cols, parts));
        o.addProperty("MaxFieldSize", 8 * 1024 * 1024);
        return o.toString();
    }

    /**
     * Commits a table-tunnel upload: the blocks' records become rows of the table (or partition).
     */
    private void commit(
            Table t,
            String partitionSpec,
            boolean overwrite,
            Map<Long, List<Record>> blocks,
            User user) {
        if (t.isTablestore()) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - tunnel upload to the "
                            + "Tablestore external table "
                            + t.fullName()
                            + " is not supported; use INSERT ... SELECT");
        }
        Project p = catalog.project(t.project);
        if (p.isPaimonDlf()) {
            PaimonRules.checkWritable(t);
        }
        Map<String, String> spec =
                partitionSpec == null || partitionSpec.isEmpty()
                        ? new LinkedHashMap<>()
                        : RestText.parseSpec(partitionSpec);
        List<Column> cols = new ArrayList<>(t.columns);
        for (String k : spec.keySet()) {
            Column c = t.column(k);
            if (c == null) {
                throw new OdpsSqlException(
                        "ODPS-0130071",
                        "[1,1] Semantic analysis exception - partition column "
                                + k
                                + " does not exist in "
                                + t.fullName());
            }
            cols.add(c);
        }
        List<Object[]> rows = new ArrayList<>();
        for (List<Record> block : blocks.values()) {
            for (Record r : block) {
                Object[] o = new Object[cols.size()];
                for (int i = 0; i < t.columns.size(); i++) {
                    o[i] = OdpsValues.fromRecordValue(r.get(i), t.columns.get(i).type, zone);
                }
                int k = t.columns.size();
                for (String v : spec.values()) {
                    o[k++] = v;
                }
                rows.add(o);
            }
        }
        PaimonRules.truncateTimestamps(cols, rows);
        List<String> primaryKey = p.isPaimonDlf() ? PaimonRules.primaryKey(t) : null;
        engine.atomically(
                () -> {
                    if (overwrite) {
                        engine.storage.deletePartition(t, spec);
                    }
                    return engine.storage.insertRows(t, cols, rows, primaryKey);
                });
    }
}
