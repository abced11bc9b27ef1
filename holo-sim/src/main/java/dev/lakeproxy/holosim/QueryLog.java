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
package dev.lakeproxy.holosim;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The foreign-table reads seen by the simulator: in memory (bounded, oldest dropped first) and in
 * each database's {@code hologres.hg_query_log}, both written outside the reading transaction. The
 * SQL rows are written in order by one background thread, a batch per database and round trip, so
 * that a read does not wait for them; {@link #flush()} waits until they are in (the proxy calls it
 * before any statement that mentions {@code hg_query_log}).
 */
final class QueryLog {
    private static final Logger LOG = Logger.getLogger(QueryLog.class.getName());
    private static final int MAX_ENTRIES = 100_000;
    private static final String INSERT =
            "INSERT INTO hologres.hg_query_log (query_start, datname, usename, query, engine_type,"
                + " status, project_name, table_name, encryption) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)";

    private final EmbeddedCluster cluster;
    private final ArrayDeque<QueryLogEntry> entries = new ArrayDeque<>();
    /** Guarded by itself: rows not yet written, and how many rows were queued / written so far. */
    private final ArrayDeque<QueryLogEntry> pending = new ArrayDeque<>();
    private long queued;
    private long written;
    private boolean closed;
    private final Thread writer = new Thread(this::writeLoop, "holo-sim-query-log");

    QueryLog(EmbeddedCluster cluster) {
        this.cluster = cluster;
        writer.setDaemon(true);
        writer.start();
    }

    List<QueryLogEntry> entries() {
        synchronized (entries) {
            return Collections.unmodifiableList(new ArrayList<>(entries));
        }
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    List<QueryLogEntry> drain() {
        synchronized (entries) {
            List<QueryLogEntry> out = new ArrayList<>(entries);
            entries.clear();
            return out;
        }
    }

    void record(QueryLogEntry e) {
        synchronized (entries) {
            entries.addLast(e);
            if (entries.size() > MAX_ENTRIES) {
                entries.removeFirst();
            }
        }
        if (e.database().startsWith("template")) {
            return;
        }
        synchronized (pending) {
            if (!closed) {
                pending.addLast(e);
                queued++;
                pending.notifyAll();
            }
        }
    }

    /**
     * Waits (at most 10 s) until every read recorded so far is in {@code hologres.hg_query_log}.
     */
    void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (pending) {
            long target = queued;
            try {
                while (written < target && !closed) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return;
                    }
                    pending.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes what is pending, then stops the writer. */
    void close() {
        flush();
        synchronized (pending) {
            closed = true;
            pending.notifyAll();
        }
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        while (true) {
            List<QueryLogEntry> batch;
            synchronized (pending) {
                while (pending.isEmpty() && !closed) {
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(pending);
                pending.clear();
            }
            Map<String, List<QueryLogEntry>> byDatabase = new LinkedHashMap<>();
            for (QueryLogEntry e : batch) {
                byDatabase.computeIfAbsent(e.database(), d -> new ArrayList<>()).add(e);
            }
            byDatabase.forEach(this::insert);
            synchronized (pending) {
                written += batch.size();
                pending.notifyAll();
            }
        }
    }

    private void insert(String database, List<QueryLogEntry> rows) {
        try {
            cluster.withAdmin(database, c -> {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (QueryLogEntry e : rows) {
                        ps.setObject(1, OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC));
                        ps.setString(2, e.database());
                        ps.setString(3, e.user());
                        ps.setString(4, e.query());
                        ps.setArray(5, c.createArrayOf("text", new Object[] {e.engine().name()}));
                        ps.setString(6, e.success() ? "SUCCESS" : "FAILED");
                        ps.setString(7, e.project());
                        ps.setString(8, e.table());
                        ps.setString(9, e.encryption().name());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (SQLException ex) {
            LOG.log(Level.FINE, "holo-sim: could not write hologres.hg_query_log", ex);
        }
    }
}
