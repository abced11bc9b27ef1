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

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamWriter;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.tunnel.io.CompressOption;
import com.aliyun.odps.type.TypeInfoParser;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lakeproxy.odpsemu.Catalog;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.rest.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Table schemas as the tunnels exchange them: SDK {@code TableSchema} and the JSON form. */
public final class TunnelSchemas {

    static final CompressOption RAW =
            new CompressOption(CompressOption.CompressAlgorithm.ODPS_RAW, 0, 0);

    private TunnelSchemas() {}

    /**
     * A protobuf record stream of {@code rows} (SDK record values) in {@code
     * rowrange=(start,count)} (all rows when null), with the headers the SDK reads: record count
     * and schema.
     */
    static Reply records(List<String[]> columns, List<Object[]> rows, String rowrange)
            throws IOException {
        long start = 0;
        long count = rows.size();
        if (rowrange != null) {
            String[] ab = rowrange.replace("(", "").replace(")", "").split(",");
            start = Long.parseLong(ab[0].trim());
            count = Long.parseLong(ab[1].trim());
        }
        TableSchema schema = new TableSchema();
        for (String[] c : columns) {
            schema.addColumn(new Column(c[0], TypeInfoParser.getTypeInfoFromTypeString(c[1])));
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ProtobufRecordStreamWriter w = new ProtobufRecordStreamWriter(schema, bos, RAW);
        // the SDK asks for (start, Long.MAX_VALUE) when it wants everything from start
        long end = count >= rows.size() - start ? rows.size() : start + count;
        Column[] cols = schema.getColumns().toArray(new Column[0]);
        for (long i = start; i < end; i++) {
            ArrayRecord r = new ArrayRecord(cols);
            Object[] row = rows.get((int) i);
            for (int k = 0; k < row.length; k++) {
                r.set(k, row[k]);
            }
            w.write(r);
        }
        w.close();
        Reply r = new Reply();
        r.contentType = "application/octet-stream";
        r.body = bos.toByteArray();
        r.headers.put("odps-tunnel-record-count", String.valueOf(Math.max(0, end - start)));
        // direct (long-polling) download sessions read the schema from this header
        r.headers.put(
                "odps-tunnel-schema", schemaJson(columns, Collections.emptyList()).toString());
        return r;
    }

    static JsonObject schemaJson(List<String[]> columns, List<String[]> partitions) {
        JsonObject schema = new JsonObject();
        schema.add("columns", columnsJson(columns));
        schema.add("partitionKeys", columnsJson(partitions));
        return schema;
    }

    public static JsonArray columnsJson(List<String[]> columns) {
        JsonArray a = new JsonArray();
        for (String[] c : columns) {
            JsonObject o = new JsonObject();
            o.addProperty("name", c[0]);
            o.addProperty("type", c[1].toLowerCase(Locale.ROOT));
            o.addProperty("comment", c.length > 2 && c[2] != null ? c[2] : "");
            o.addProperty("nullable", "true");
            a.add(o);
        }
        return a;
    }

    static TableSchema tunnelSchema(Table t) {
        TableSchema s = new TableSchema();
        for (Catalog.Column c : t.columns) {
            s.addColumn(new Column(c.name, TypeInfoParser.getTypeInfoFromTypeString(c.type)));
        }
        return s;
    }
}
