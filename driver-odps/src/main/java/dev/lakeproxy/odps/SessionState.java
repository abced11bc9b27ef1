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

import com.aliyun.odps.Odps;
import com.aliyun.odps.jdbc.OdpsConnection;
import dev.lakeproxy.spi.PluginContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the rules of one MaxCompute connection share: the real connection, the one name resolver,
 * the table metadata (through the shared cache) and the recently scanned statement texts.
 */
final class SessionState {

    final PluginContext context;
    final OdpsConnection real;
    final Odps odps;
    final NameResolver names;
    final ScannedSql.Cache scanned = new ScannedSql.Cache();
    private final TableMetaCache cache;
    private final long ttlNanos;
    private final boolean prefetch;
    private final int timeoutMillis;

    SessionState(PluginContext context, OdpsConnection real, TableMetaCache cache) {
        this.context = context;
        this.real = real;
        this.odps = real.getOdps();
        this.names = new NameResolver(real);
        this.cache = cache;
        this.ttlNanos = TimeUnit.SECONDS.toNanos(context.option(OdpsOptions.METADATA_TTL));
        this.prefetch = context.option(OdpsOptions.METADATA_PREFETCH);
        this.timeoutMillis = context.option(OdpsOptions.TIMEOUT);
    }

    ScannedSql scan(String sql) {
        return scanned.of(sql);
    }

    /**
     * The metadata of a table named with 1 to 3 parts, from the cache or one metadata call; null if
     * unknown.
     */
    TableMeta table(List<String> parts) {
        Optional<TableMeta> meta = tableMeta(parts);
        return meta == null ? null : meta.orElse(null);
    }

    /**
     * As {@link #table(List)}; when the metadata could not be read, the statement is told ({@code
     * warn}) that it runs as written, without what needed it. The same text is told once per
     * statement, whichever rule asks.
     */
    TableMeta table(List<String> parts, Consumer<String> warn) {
        NameResolver.Resolved r = names.resolve(parts);
        TableMetaCache.Lookup at = lookup(r.project, r.schema, r.table);
        Optional<TableMeta> meta = cache.get(at, ttlNanos, this::loaded);
        if (meta == null) {
            String name = r.project + (r.schema == null ? "" : "." + r.schema) + "." + r.table;
            warn.accept(OdpsMessages.M.format("odps.warn.metadataUnavailable", name,
                    cache.failure(at), timeoutMillis));
            context.counter("odps.metadataUnavailable").increment();
            return null;
        }
        return meta.orElse(null);
    }

    /**
     * A table named with 1 to 3 parts: as {@link TableMetaCache#get}, null when it could not be
     * read.
     */
    Optional<TableMeta> tableMeta(List<String> parts) {
        NameResolver.Resolved r = names.resolve(parts);
        return tableMeta(r.project, r.schema, r.table);
    }

    /**
     * A table by its project, schema ({@code null} in two-tier projects) and name: as {@link
     * TableMetaCache#get}.
     */
    Optional<TableMeta> tableMeta(String project, String schema, String table) {
        return cache.get(lookup(project, schema, table), ttlNanos, this::loaded);
    }

    /** Why a table's metadata could not be read just now, or {@code null}. */
    String unreadable(String project, String schema, String table) {
        return cache.failure(lookup(project, schema, table));
    }

    TableMetaCache.Lookup lookup(String project, String schema, String table) {
        return new TableMetaCache.Lookup(context.serverKey(), odps, timeoutMillis, project, schema,
                table);
    }

    /**
     * Reads ahead the metadata of tables a navigator is about to ask for, unless the options turn
     * it off.
     */
    void prefetch(List<TableMetaCache.Lookup> tables) {
        if (prefetch && !tables.isEmpty()) {
            int queued = cache.prefetch(tables, ttlNanos, this::loaded);
            context.counter("odps.metadataPrefetched").add(queued);
        }
    }

    private void loaded() {
        context.counter("odps.metadataLoads").increment();
    }

    /**
     * Like {@link #table}, but only what is cached: for error explanations, which must not call the
     * server.
     */
    TableMeta cachedTable(List<String> parts) {
        NameResolver.Resolved r = names.resolve(parts);
        Optional<TableMeta> meta = cache.peek(context.serverKey(), r.project, r.schema, r.table);
        return meta == null ? null : meta.orElse(null);
    }

    /** After DDL through lakeproxy: this server's table metadata is read again. */
    void forgetTables() {
        cache.invalidateServer(context.serverKey());
    }
}
