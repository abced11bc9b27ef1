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
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Table metadata, read once per server, project, schema and table ({@link TableMetaLoader}), in a
 * bounded Caffeine cache with a time-to-live. A table that is being read (by a prefetch or another
 * connection) is waited for, never read twice at once. Tables that do not exist are remembered as
 * absent for a shorter time. DDL sent through lakeproxy invalidates the server's entries. After
 * {@code getTables}, the listed tables can be read ahead, at most {@value #PREFETCH_THREADS} at
 * once across the JVM, so that a navigator's per-table calls answer from memory.
 */
final class TableMetaCache {

    /** The one cache of table metadata (keyed by server): bounded, thread-safe, expiring. */
    static final TableMetaCache SHARED = new TableMetaCache(10_000, Duration.ofDays(1));

    static final int PREFETCH_THREADS = 16;

    /**
     * Absent tables are remembered for at most 10 s: the user may create them any moment,
     * elsewhere.
     */
    private static final long ABSENT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * A table whose metadata could not be read is not asked again for 5 s, so that one statement
     * (its write guard, its scatter) and a burst of them wait lakeproxy's timeout once, not each
     * time.
     */
    private static final long UNREADABLE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final ThreadPoolExecutor PREFETCH = prefetchPool();

    /** What one table lookup needs; the same for a read and a read ahead. */
    static final class Lookup {
        final String serverKey;
        final Odps odps;
        final int timeoutMillis;
        final String project;
        final String schema;
        final String table;

        Lookup(String serverKey, Odps odps, int timeoutMillis, String project, String schema,
               String table) {
            this.serverKey = serverKey;
            this.odps = odps;
            this.timeoutMillis = timeoutMillis;
            this.project = project;
            this.schema = schema;
            this.table = table;
        }

        String key() {
            return TableMetaCache.key(serverKey, project, schema, table);
        }
    }

    /**
     * Metadata read (present or absent), or a failure to read it ({@code meta} null, {@code
     * failure} why).
     */
    private static final class Entry {
        final Optional<TableMeta> meta;
        final String failure;
        final long loadedAt = System.nanoTime();

        Entry(Optional<TableMeta> meta, String failure) {
            this.meta = meta;
            this.failure = failure;
        }

        boolean fresh(long ttlNanos) {
            long age = System.nanoTime() - loadedAt;
            if (meta == null) {
                return age < UNREADABLE_NANOS;
            }
            return age < (meta.isPresent() ? ttlNanos : Math.min(ttlNanos, ABSENT_NANOS));
        }
    }

    private final Cache<String, Entry> cache;
    private final ConcurrentHashMap<String, CompletableFuture<Optional<TableMeta>>> loading =
            new ConcurrentHashMap<>();

    TableMetaCache(long maxEntries, Duration ttl) {
        this.cache =
                Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .expireAfterWrite(ttl)
                        .recordStats()
                        .build();
    }

    private static ThreadPoolExecutor prefetchPool() {
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(
                        PREFETCH_THREADS,
                        PREFETCH_THREADS,
                        30,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(10_000),
                        r -> {
                            Thread t = new Thread(r, "lakeproxy-odps-metadata");
                            t.setDaemon(true);
                            return t;
                        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    static String key(String serverKey, String project, String schema, String table) {
        return serverKey
                + "|"
                + project.toLowerCase(Locale.ROOT)
                + "|"
                + (schema == null ? "" : schema.toLowerCase(Locale.ROOT))
                + "|"
                + table.toLowerCase(Locale.ROOT);
    }

    /** Cached metadata, or {@code null} when not cached. */
    Optional<TableMeta> peek(String serverKey, String project, String schema, String table) {
        Entry e = cache.getIfPresent(key(serverKey, project, schema, table));
        return e == null ? null : e.meta;
    }

    /**
     * The metadata of a table: cached, being read (then waited for), or read now. Empty when the
     * table does not exist; {@code null} when it could not be read (no permission, network,
     * lakeproxy's time limit), now or in the last 5 s: then the caller changes nothing ({@link
     * #failure} says why).
     */
    Optional<TableMeta> get(Lookup at, long ttlNanos, Runnable onLoad) {
        String k = at.key();
        Entry hit = cache.getIfPresent(k);
        if (hit != null && hit.fresh(ttlNanos)) {
            return hit.meta;
        }
        CompletableFuture<Optional<TableMeta>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<TableMeta>> running = loading.putIfAbsent(k, mine);
        if (running != null) {
            return running.join();
        }
        return load(at, k, mine, onLoad);
    }

    private Optional<TableMeta> load(
            Lookup at, String k, CompletableFuture<Optional<TableMeta>> mine, Runnable onLoad) {
        Optional<TableMeta> loaded = null;
        try {
            Odps own = OwnRequests.bounded(at.odps, at.timeoutMillis);
            loaded = TableMetaLoader.load(own, at.project, at.schema, at.table);
            cache.put(k, new Entry(loaded, null));
            if (onLoad != null) {
                onLoad.run();
            }
            return loaded;
        } catch (TableMetaLoader.Unreadable e) {
            cache.put(k, new Entry(null, e.getMessage()));
            return null;
        } finally {
            loading.remove(k, mine);
            mine.complete(loaded);
        }
    }

    /** Reads ahead the tables not cached fresh nor being read; returns how many were queued. */
    int prefetch(List<Lookup> tables, long ttlNanos, Runnable onLoad) {
        int queued = 0;
        for (Lookup at : tables) {
            String k = at.key();
            Entry hit = cache.getIfPresent(k);
            if (hit != null && hit.fresh(ttlNanos) || loading.containsKey(k)) {
                continue;
            }
            CompletableFuture<Optional<TableMeta>> mine = new CompletableFuture<>();
            if (loading.putIfAbsent(k, mine) != null) {
                continue;
            }
            try {
                PREFETCH.execute(() -> load(at, k, mine, onLoad));
                queued++;
            } catch (RejectedExecutionException full) {
                loading.remove(k, mine);
                mine.complete(null);
            }
        }
        return queued;
    }

    /** Why a table's metadata could not be read just now, or {@code null} when it could. */
    String failure(Lookup at) {
        Entry e = cache.getIfPresent(at.key());
        return e != null && e.meta == null && e.fresh(0) ? e.failure : null;
    }

    void put(String serverKey, TableMeta meta) {
        cache.put(key(serverKey, meta.project, meta.schema, meta.table),
                new Entry(Optional.of(meta), null));
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
}
