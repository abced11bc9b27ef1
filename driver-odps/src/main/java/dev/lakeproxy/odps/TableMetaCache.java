package dev.lakeproxy.odps;

import com.aliyun.odps.Column;
import com.aliyun.odps.NoSuchObjectException;
import com.aliyun.odps.Odps;
import com.aliyun.odps.Table;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Table metadata, read once per server, project, schema and table through odps-sdk's {@code Table} (one
 * {@code GET /projects/{p}/tables/{t}?extended}), in a bounded Caffeine cache with a time-to-live. Tables that do
 * not exist are cached as absent for a shorter time. DDL sent through lakeproxy invalidates the server's entries.
 */
final class TableMetaCache {

    private static final Logger LOG = Logger.getLogger(TableMetaCache.class.getName());

    /** The one cache of table metadata (keyed by server): bounded, thread-safe, expiring. */
    static final TableMetaCache SHARED = new TableMetaCache(10_000, Duration.ofDays(1));

    private static final class Entry {
        final Optional<TableMeta> meta;
        final long loadedAt = System.nanoTime();

        Entry(Optional<TableMeta> meta) {
            this.meta = meta;
        }
    }

    private final Cache<String, Entry> cache;

    TableMetaCache(long maxEntries, Duration ttl) {
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).recordStats().build();
    }

    static String key(String serverKey, String project, String schema, String table) {
        return serverKey + "|" + project.toLowerCase(Locale.ROOT) + "|" + (schema == null ? "" : schema.toLowerCase(Locale.ROOT))
                + "|" + table.toLowerCase(Locale.ROOT);
    }

    /** Cached metadata, or {@code null} when not cached. */
    Optional<TableMeta> peek(String serverKey, String project, String schema, String table) {
        Entry e = cache.getIfPresent(key(serverKey, project, schema, table));
        return e == null ? null : e.meta;
    }

    /**
     * The metadata of a table, from the cache or loaded through {@code odps}. Empty when the table does not
     * exist; {@code null} when it could not be read (no permission, network): then the caller changes nothing.
     */
    Optional<TableMeta> get(String serverKey, Odps odps, String project, String schema, String table, long ttlNanos,
                            Runnable onLoad) {
        String k = key(serverKey, project, schema, table);
        Entry hit = cache.getIfPresent(k);
        // absent tables are remembered for at most 10 s: the user may create them any moment, elsewhere
        if (hit != null && System.nanoTime() - hit.loadedAt < (hit.meta.isPresent() ? ttlNanos : Math.min(ttlNanos, 10_000_000_000L))) {
            return hit.meta;
        }
        Optional<TableMeta> loaded = load(odps, project, schema, table);
        if (loaded != null) {
            cache.put(k, new Entry(loaded));
            if (onLoad != null) {
                onLoad.run();
            }
        }
        return loaded;
    }

    void put(String serverKey, TableMeta meta) {
        cache.put(key(serverKey, meta.project, meta.schema, meta.table), new Entry(Optional.of(meta)));
    }

    /** Forgets every table of a server (after DDL through lakeproxy). */
    void invalidateServer(String serverKey) {
        String prefix = serverKey + "|";
        cache.asMap().keySet().removeIf(k -> k.startsWith(prefix));
    }

    void invalidateAll() {
        cache.invalidateAll();
    }

    long size() {
        return cache.estimatedSize();
    }

    /** {@code GET /projects/{p}/tables/{t}?extended[&curr_schema=s]}, through the SDK's own REST client and signing. */
    static Optional<TableMeta> loadJson(Odps odps, String project, String schema, String table) {
        try {
            java.util.Map<String, String> params = new java.util.HashMap<>();
            params.put("extended", null);
            if (schema != null) {
                params.put("curr_schema", schema);
            }
            com.aliyun.odps.commons.transport.Response r = odps.getRestClient().request(
                    com.aliyun.odps.rest.ResourceBuilder.buildTableResource(project, table), "GET", params, null, null);
            String xml = new String(r.getBody(), java.nio.charset.StandardCharsets.UTF_8);
            int a = xml.indexOf("<![CDATA[");
            int b = xml.indexOf("]]>", a);
            if (a < 0 || b < 0) {
                return null;
            }
            com.google.gson.JsonObject j = new com.google.gson.JsonParser().parse(xml.substring(a + 9, b)).getAsJsonObject();
            String handler = j.has("storageHandler") ? j.get("storageHandler").getAsString() : null;
            java.util.Map<String, String> serde = j.has("serDeProperties")
                    ? TableMeta.parseReserved(j.get("serDeProperties").getAsString()) : null;
            java.util.Map<String, String> reserved = j.has("Reserved")
                    ? TableMeta.parseReserved(j.get("Reserved").getAsString()) : new java.util.LinkedHashMap<>();
            boolean external = j.has("isExternal") && j.get("isExternal").getAsBoolean();
            return Optional.of(new TableMeta(project, schema, table, external ? handler : null, external ? serde : null, reserved,
                    jsonColumns(j, "columns"), jsonColumns(j, "partitionKeys")));
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
                out.add(new TableMeta.Col(c.get("name").getAsString(), c.get("type").getAsString().toUpperCase(Locale.ROOT)));
            }
        }
        return out;
    }

    static Optional<TableMeta> load(Odps odps, String project, String schema, String table) {
        try {
            Table t = schema == null ? odps.tables().get(project, table) : odps.tables().get(project, schema, table);
            t.reload();
            List<TableMeta.Col> cols = new ArrayList<>();
            for (Column c : t.getSchema().getColumns()) {
                cols.add(new TableMeta.Col(c.getName(), c.getTypeInfo().getTypeName()));
            }
            List<TableMeta.Col> parts = new ArrayList<>();
            for (Column c : t.getSchema().getPartitionColumns()) {
                parts.add(new TableMeta.Col(c.getName(), c.getTypeInfo().getTypeName()));
            }
            String handler = t.isExternalTable() ? t.getStorageHandler() : null;
            return Optional.of(new TableMeta(project, schema, table, handler,
                    t.isExternalTable() ? t.getSerDeProperties() : null, TableMeta.parseReserved(t.getReserved()), cols, parts));
        } catch (NoSuchObjectException e) {
            return Optional.empty();
        } catch (Exception e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("Parse type info failed")) {
                // odps-sdk 0.43.3 (inside odps-jdbc 3.4.2) cannot parse TIMESTAMP(p): read the metadata JSON directly
                Optional<TableMeta> direct = loadJson(odps, project, schema, table);
                if (direct != null) {
                    return direct;
                }
            }
            if (msg.contains("Table not found") || msg.contains("NoSuchObject") || msg.contains("not exist")) {
                return Optional.empty();
            }
            LOG.log(Level.FINE, "lakeproxy could not read the metadata of {0}.{1}: {2}", new Object[] {project, table, msg});
            return null;
        }
    }
}
