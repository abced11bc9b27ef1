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

import static dev.lakeproxy.odpsemu.rest.RestText.cdata;
import static dev.lakeproxy.odpsemu.rest.RestText.esc;
import static dev.lakeproxy.odpsemu.rest.RestText.parseSpec;

import com.google.gson.JsonObject;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.TableStorage;
import java.util.List;
import java.util.Map;

/** A table's partitions: the list ({@code ?partitions}) and one partition ({@code ?partition=}). */
final class PartitionResources {

    private final TableStorage storage;

    PartitionResources(TableStorage storage) {
        this.storage = storage;
    }

    /**
     * {@code GET /projects/p/tables/t?partitions[&partition=prefix][&marker=n][&maxitems=n]}:
     * {@code <Partitions>} with one {@code <Partition>} of {@code <Column Name Value/>} each.
     */
    Reply list(Table t, Map<String, String> q) {
        if (t.partitionColumns.isEmpty()) {
            throw HttpError.invalidParameter("table " + t.fullName() + " is not partitioned");
        }
        List<String> all = storage.partitions(t);
        Map<String, String> prefix =
                q.get("partition") == null ? null : parseSpec(q.get("partition"));
        if (q.containsKey("reverse")) {
            java.util.Collections.reverse(all);
        }
        int from = parseInt(q.get("marker"), 0);
        int max = parseInt(q.get("maxitems"), 1000);
        StringBuilder sb = new StringBuilder("<Partitions>");
        int shown = 0;
        int i = from;
        for (; i < all.size() && shown < max; i++) {
            Map<String, String> spec = parseSpec(all.get(i));
            if (prefix != null && !matches(spec, prefix)) {
                continue;
            }
            sb.append("<Partition>").append(columnsXml(spec));
            long created = t.createdAt / 1000;
            sb.append("<CreationTime>").append(created).append("</CreationTime>");
            sb.append("<LastDDLTime>").append(created).append("</LastDDLTime>");
            sb.append("<LastModifiedTime>").append(t.lastModified / 1000);
            sb.append("</LastModifiedTime></Partition>");
            shown++;
        }
        sb.append("<Marker>").append(i < all.size() ? String.valueOf(i) : "").append("</Marker>");
        sb.append("<MaxItems>").append(max).append("</MaxItems></Partitions>");
        return Reply.xml(sb.toString());
    }

    private static boolean matches(Map<String, String> spec, Map<String, String> prefix) {
        for (Map.Entry<String, String> e : prefix.entrySet()) {
            if (!e.getValue().equals(spec.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static int parseInt(String s, int dflt) {
        return s == null || s.isEmpty() ? dflt : Integer.parseInt(s);
    }

    /**
     * {@code GET /projects/p/tables/t?partition=ds='x'}: a partition's metadata with its record
     * count, or 404 when it does not exist.
     */
    Reply one(Table t, String specText) {
        Map<String, String> spec = parseSpec(specText);
        String normalized;
        try {
            normalized = TableStorage.normalizeSpec(t, spec);
        } catch (OdpsSqlException e) {
            throw new HttpError(400, "InvalidArgument", e.getMessage());
        }
        if (!storage.partitions(t).contains(normalized)) {
            throw HttpError.notFound(
                    "ODPS-0130131:Partition not found - '"
                            + normalized
                            + "' of table "
                            + t.fullName());
        }
        JsonObject j = new JsonObject();
        j.addProperty("createTime", t.createdAt / 1000);
        j.addProperty("lastDDLTime", t.createdAt / 1000);
        j.addProperty("lastModifiedTime", t.lastModified / 1000);
        j.addProperty("lastAccessTime", 0);
        j.addProperty("partitionRecordNum", storage.count(t, spec));
        return Reply.xml(
                "<Partition>"
                        + columnsXml(spec)
                        + "<Schema>"
                        + cdata(j.toString())
                        + "</Schema></Partition>");
    }

    private static String columnsXml(Map<String, String> spec) {
        StringBuilder cols = new StringBuilder();
        for (Map.Entry<String, String> e : spec.entrySet()) {
            cols.append("<Column Name=\"")
                    .append(esc(e.getKey()))
                    .append("\" Value=\"")
                    .append(esc(e.getValue()))
                    .append("\"/>");
        }
        return cols.toString();
    }
}
