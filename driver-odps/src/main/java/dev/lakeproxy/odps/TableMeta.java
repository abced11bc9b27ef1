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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the plugin needs to know about one MaxCompute table, read once from the table metadata
 * ({@code GET /projects/{p}/tables/{t}?extended}, through odps-sdk's {@code Table}) and cached.
 */
final class TableMeta {

    static final String TABLESTORE_HANDLER = "com.aliyun.odps.TableStoreStorageHandler";

    /**
     * A column: name, type text as the metadata gives it ({@code TIMESTAMP(3)}, {@code BIGINT},
     * ...), comment.
     */
    static final class Col {
        final String name;
        final String type;
        final String comment;

        Col(String name, String type, String comment) {
            this.name = name;
            this.type = type;
            this.comment = comment == null || comment.isEmpty() ? null : comment;
        }

        Col(String name, String type) {
            this(name, type, null);
        }
    }

    final String project;
    final String schema;
    final String table;
    final String storageHandler;
    final Map<String, String> serDeProperties;
    final Map<String, String> tableProperties;
    final List<Col> columns;
    final List<Col> partitionColumns;

    TableMeta(
            String project,
            String schema,
            String table,
            String storageHandler,
            Map<String, String> serDeProperties,
            Map<String, String> tableProperties,
            List<Col> columns,
            List<Col> partitionColumns) {
        this.project = project;
        this.schema = schema;
        this.table = table;
        this.storageHandler = storageHandler;
        this.serDeProperties =
                serDeProperties == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(serDeProperties));
        this.tableProperties =
                tableProperties == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(tableProperties));
        this.columns = List.copyOf(columns);
        this.partitionColumns = List.copyOf(partitionColumns);
    }

    boolean isTablestore() {
        return storageHandler != null && storageHandler.trim().equalsIgnoreCase(TABLESTORE_HANDLER);
    }

    String qualifiedName() {
        return project + "." + (schema == null ? "" : schema + ".") + table;
    }

    /** Paimon primary key columns (lower case), empty when none. */
    List<String> primaryKey() {
        String pk = tableProperties.get("primary-key");
        List<String> out = new ArrayList<>();
        if (pk != null) {
            for (String c : pk.split(",")) {
                if (!c.isBlank()) {
                    out.add(c.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /**
     * The primary-key columns as the table names them: Paimon's {@code primary-key}, or a
     * Tablestore external table's mapping entries that start with a colon; empty when none.
     */
    List<String> primaryKeyColumns() {
        List<String> out = new ArrayList<>();
        String mapping = serDeProperties.get("tablestore.columns.mapping");
        if (isTablestore() && mapping != null) {
            String[] entries = mapping.split(",");
            for (int k = 0; k < entries.length && k < columns.size(); k++) {
                if (entries[k].trim().startsWith(":")) {
                    out.add(columns.get(k).name);
                }
            }
            return out;
        }
        for (String key : primaryKey()) {
            String name = key;
            for (Col c : columns) {
                name = c.name.equalsIgnoreCase(key) ? c.name : name;
            }
            for (Col c : partitionColumns) {
                name = c.name.equalsIgnoreCase(key) ? c.name : name;
            }
            out.add(name);
        }
        return out;
    }

    /** The Paimon {@code bucket} option, or {@code null} when unset. */
    String bucket() {
        String b = tableProperties.get("bucket");
        return b == null || b.isBlank() ? null : b.trim();
    }

    boolean isPaimon() {
        return "paimon".equalsIgnoreCase(tableProperties.get("type"))
                || tableProperties.containsKey("primary-key")
                || tableProperties.containsKey("bucket");
    }

    /**
     * Why writing to this Paimon table is refused (seed: Dynamic Bucket / Cross Partition), or
     * {@code null}.
     */
    String paimonWriteProblem() {
        if (!isPaimon()) {
            return null;
        }
        List<String> pk = primaryKey();
        String bucket = bucket();
        if ("-1".equals(bucket) || (bucket == null && !pk.isEmpty())) {
            return "dynamicBucket";
        }
        if (!pk.isEmpty() && !partitionColumns.isEmpty()) {
            for (Col p : partitionColumns) {
                if (!pk.contains(p.name.toLowerCase(Locale.ROOT))) {
                    return "crossPartition:" + p.name;
                }
            }
        }
        return null;
    }

    private static final Pattern TS =
            Pattern.compile("(?i)\\s*TIMESTAMP(?:\\s*\\(\\s*(\\d+)\\s*\\))?\\s*");

    /**
     * The decimal places a TIMESTAMP column keeps (seed: precision 0–3 → 3, 4–6 → 6, 7–9 → 9), or
     * -1 when the type is not TIMESTAMP. TIMESTAMP without precision is MaxCompute's nanosecond
     * TIMESTAMP (9).
     */
    static int timestampPlaces(String type) {
        if (type == null) {
            return -1;
        }
        Matcher m = TS.matcher(type);
        if (!m.matches()) {
            return -1;
        }
        int p = m.group(1) == null ? 9 : Integer.parseInt(m.group(1));
        return p <= 3 ? 3 : p <= 6 ? 6 : 9;
    }

    /** Parses the Reserved JSON's flat string members ({@code "k":"v"}). */
    static Map<String, String> parseReserved(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        Matcher m =
                Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                        .matcher(json);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return out;
    }
}
