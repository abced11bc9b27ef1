package dev.lakeproxy.holosim;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The foreign-table reads seen by the simulator: in memory (bounded, oldest dropped first) and in each database's
 * {@code hologres.hg_query_log}, both written outside the reading transaction.
 */
final class QueryLog {
    private static final Logger LOG = Logger.getLogger(QueryLog.class.getName());
    private static final int MAX_ENTRIES = 100_000;
    private static final String INSERT = "INSERT INTO hologres.hg_query_log (query_start, datname, usename, query,"
            + " engine_type, status, project_name, table_name, encryption) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EmbeddedCluster cluster;
    private final ArrayDeque<QueryLogEntry> entries = new ArrayDeque<>();

    QueryLog(EmbeddedCluster cluster) {
        this.cluster = cluster;
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
        try {
            cluster.withAdmin(e.database(), c -> {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    ps.setObject(1, OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC));
                    ps.setString(2, e.database());
                    ps.setString(3, e.user());
                    ps.setString(4, e.query());
                    Array engines = c.createArrayOf("text", new Object[] {e.engine().name()});
                    ps.setArray(5, engines);
                    ps.setString(6, e.success() ? "SUCCESS" : "FAILED");
                    ps.setString(7, e.project());
                    ps.setString(8, e.table());
                    ps.setString(9, e.encryption().name());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SQLException ex) {
            LOG.log(Level.FINE, "holo-sim: could not write hologres.hg_query_log", ex);
        }
    }
}
