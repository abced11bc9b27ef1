package dev.lakeproxy.holosim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A local Hologres stand-in: a PostgreSQL wire-protocol endpoint on 127.0.0.1 in front of its own embedded
 * PostgreSQL 14 cluster. Connect with an ordinary {@code jdbc:postgresql://127.0.0.1:PORT/db} URL.
 *
 * <pre>{@code
 * try (HoloSimulator sim = HoloSimulator.builder().version("3.2.5").start()) {
 *     sim.maxcompute().project("p").encryption(Encryption.BYOK, "key-id")
 *        .table("orders", "id bigint, name text").insert(1, "a");
 *     try (Connection c = DriverManager.getConnection(sim.jdbcUrl(), sim.user(), sim.password())) { ... }
 * }
 * }</pre>
 *
 * Thread-safe. Several instances (with different versions) can run at once; {@link #close()} stops the
 * endpoint, its connections and the embedded PostgreSQL.
 */
public final class HoloSimulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HoloSimulator.class.getName());
    static final String SUPERUSER = "postgres";
    /** The database clients get by default. */
    public static final String DEFAULT_DATABASE = "postgres";

    private final HoloVersion version;
    private volatile boolean backendConfiguration;
    private final EmbeddedPostgres pg;
    private final ServerSocket serverSocket;
    private final SqlProcessor processor;
    private final MaxComputeStore store;
    private final Map<String, ForeignTableCatalog> catalogs = new ConcurrentHashMap<>();
    private final DefaultSearchPaths defaultSearchPaths = new DefaultSearchPaths(this);
    private final Map<String, Connection> adminConnections = new HashMap<>();
    /** Bounded: the oldest entries go first. */
    private static final int MAX_LOG = 100_000;
    private static final int MAX_CLOSED_SESSIONS = 10_000;
    private final java.util.ArrayDeque<QueryLogEntry> queryLog = new java.util.ArrayDeque<>();
    private final Map<Long, ProxySession> sessions = new ConcurrentHashMap<>();
    private final java.util.Deque<ProxySession> allSessions = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final AtomicLong sessionIds = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong hgVersionCalls = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    private HoloSimulator(Builder b) throws IOException {
        this.version = b.version;
        this.backendConfiguration = b.backendConfiguration;
        EmbeddedPostgres.Builder pgb = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("lc_messages", "C")
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", String.valueOf(b.maxConnections))
                // Hologres' legacy default: foreign tables are read by HQE.
                .setServerConfig(Settings.serverName(Settings.ORC_VIA_HOLO), "true");
        if (version.hasCatalogRouting()) {
            // Present from V3.2, empty by default (Common Table is opt-in).
            pgb.setServerConfig(Settings.serverName(Settings.ROUTING), "''");
        }
        this.pg = pgb.start();
        try {
            this.processor = new SqlProcessor(this);
            this.store = new MaxComputeStore(this);
            bootstrap();
            this.serverSocket = new ServerSocket(b.port, 128, InetAddress.getLoopbackAddress());
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        this.acceptor = new Thread(this::acceptLoop, "holo-sim-" + serverSocket.getLocalPort() + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A builder with version 3.2.5, no backend configuration, an ephemeral port. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ public API

    /** The simulated Hologres version. */
    public HoloVersion version() {
        return version;
    }

    /** Whether the "backend configuration" for encrypted MaxCompute data (V1.1 to V1.3.30) is set. */
    public boolean backendConfiguration() {
        return backendConfiguration;
    }

    /**
     * Adds or removes the backend configuration on the running instance (what Hologres support does for
     * V1.1 to V1.3.30); it applies to the next foreign-table read.
     */
    public HoloSimulator backendConfiguration(boolean on) {
        store.executeEverywhere("UPDATE hg_sim.instance SET backend_configuration = " + on);
        this.backendConfiguration = on;
        return this;
    }

    /** The full {@code SELECT hg_version()} answer. */
    public String versionString() {
        return versionString(version);
    }

    /** The port of the wire-protocol endpoint on 127.0.0.1. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres}. */
    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The user to connect as (a superuser of the embedded cluster). */
    public String user() {
        return SUPERUSER;
    }

    /** Any password is accepted (the embedded cluster trusts loopback connections); this one is as good as any. */
    public String password() {
        return "";
    }

    /** The simulated MaxCompute store that backs the foreign tables. */
    public MaxComputeStore maxcompute() {
        return store;
    }

    /** Creates a database (with {@code hg_version()}, {@code odps_server} and the store) unless it exists. */
    public HoloSimulator createDatabase(String name) {
        try (Connection c = direct(DEFAULT_DATABASE); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = "
                    + SqlText.quoteLiteral(name))) {
                if (rs.next()) {
                    return this;
                }
            }
            synchronized (store) {
                st.execute("CREATE DATABASE " + SqlText.quoteIdent(name) + " TEMPLATE template1");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The foreign-table reads seen so far (oldest first); it survives ROLLBACK of the reading transaction. */
    public List<QueryLogEntry> queryLog() {
        synchronized (queryLog) {
            return Collections.unmodifiableList(new ArrayList<>(queryLog));
        }
    }

    /** The engine of the latest foreign-table read, or null if none. */
    public Engine lastEngine() {
        List<QueryLogEntry> log = queryLog();
        return log.isEmpty() ? null : log.get(log.size() - 1).engine();
    }

    /** Empties {@link #queryLog()} (the SQL table {@code hologres.hg_query_log} is left alone). */
    public void clearQueryLog() {
        synchronized (queryLog) {
            queryLog.clear();
        }
    }

    /** Wire-level counters: connections, hg_version() calls, round trips per connection. */
    public SimStats stats() {
        List<SimStats.ConnectionStats> per = new ArrayList<>();
        for (ProxySession s : allSessions) {
            per.add(s.snapshot());
        }
        return new SimStats(connections.get(), hgVersionCalls.get(), per);
    }

    /** Resets {@link #stats()} (open connections keep counting from zero). */
    public void resetStats() {
        connections.set(0);
        hgVersionCalls.set(0);
        allSessions.clear();
        allSessions.addAll(sessions.values());
        for (ProxySession s : sessions.values()) {
            s.resetCounters();
        }
    }

    /** A connection straight to the embedded PostgreSQL (no simulator rules); for test set-up and checks. */
    public Connection directConnection(String database) throws SQLException {
        return direct(database);
    }

    /** Stops the endpoint, closes all client connections and stops the embedded PostgreSQL. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing
        }
        for (ProxySession s : sessions.values()) {
            s.close();
        }
        closeAdminConnections();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            pg.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "holo-sim: embedded PostgreSQL did not stop cleanly", e);
        }
    }

    @Override
    public String toString() {
        return "HoloSimulator{version=" + version + ", backendConfiguration=" + backendConfiguration + ", url="
                + jdbcUrl() + "}";
    }

    /** The {@code hg_version()} answer for a version. */
    public static String versionString(HoloVersion v) {
        return "Hologres " + v + " (tag: " + v + " build: Release,hologres-simulator,lakeproxy), compatible with"
                + " PostgreSQL 11.3 (Release-build@hologres-simulator) on x86_64-pc-linux-gnu,"
                + " compiled by gcc (GCC) 7.3.1 20180303 (Red Hat 7.3.1-5), 64-bit";
    }

    // ------------------------------------------------------------------ internals

    SqlProcessor processor() {
        return processor;
    }

    DefaultSearchPaths defaultSearchPaths() {
        return defaultSearchPaths;
    }

    int pgPort() {
        return pg.getPort();
    }

    ForeignTableCatalog catalog(String database) {
        return catalogs.computeIfAbsent(database, d -> new ForeignTableCatalog(this, d));
    }

    void markAllCatalogsDirty() {
        for (ForeignTableCatalog c : catalogs.values()) {
            c.markDirty();
        }
    }

    void hgVersionCalled() {
        hgVersionCalls.incrementAndGet();
    }

    void sessionStarted(ProxySession s) {
        connections.incrementAndGet();
    }

    void sessionEnded(ProxySession s) {
        sessions.remove(s.id);
    }

    void recordRead(QueryLogEntry e) {
        synchronized (queryLog) {
            queryLog.addLast(e);
            if (queryLog.size() > MAX_LOG) {
                queryLog.removeFirst();
            }
        }
        if (e.database().startsWith("template")) {
            return;
        }
        try {
            withAdmin(e.database(), c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO hologres.hg_query_log (query_start,"
                        + " datname, usename, query, engine_type, status, project_name, table_name, encryption)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setObject(1, java.time.OffsetDateTime.ofInstant(e.time(), java.time.ZoneOffset.UTC));
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

    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work on this simulator's cached autocommit admin connection to a database (serialised per database). */
    <T> T withAdmin(String database, SqlWork<T> work) throws SQLException {
        Connection c;
        synchronized (adminConnections) {
            if (closed) {
                throw new SQLException("simulator closed");
            }
            c = adminConnections.get(database);
            if (c == null || c.isClosed()) {
                c = direct(database);
                try (Statement st = c.createStatement()) {
                    st.execute("SET lock_timeout = '2s'");
                }
                adminConnections.put(database, c);
            }
        }
        synchronized (c) {
            return work.run(c);
        }
    }

    /** Closes the admin connections (before DROP DATABASE, which refuses databases with other sessions). */
    void closeAdminConnections() {
        synchronized (adminConnections) {
            for (Connection c : adminConnections.values()) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing
                }
            }
            adminConnections.clear();
        }
    }

    Connection direct(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", SUPERUSER);
        p.setProperty("stringtype", "unspecified");
        p.setProperty("ApplicationName", "holo-sim-internal");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + database, p);
    }

    /** Databases that accept connections, template1 first (new databases copy it). */
    List<String> databases() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = direct(DEFAULT_DATABASE); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datallowconn"
                     + " ORDER BY datname <> 'template1', datname")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private void bootstrap() throws IOException {
        String script;
        try (InputStream in = HoloSimulator.class.getResourceAsStream("bootstrap.sql")) {
            if (in == null) {
                throw new IOException("bootstrap.sql missing from the simulator jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            parts.append(i == 0 ? "" : ",").append(i == 0 ? version.major() : i == 1 ? version.minor() : version.patch());
        }
        String instance = "INSERT INTO hg_sim.instance VALUES (" + SqlText.quoteLiteral(version.toString())
                + ", ARRAY[" + parts + "], " + backendConfiguration + ");\n"
                + "CREATE FUNCTION pg_catalog.hg_version() RETURNS text LANGUAGE sql STABLE AS $hg$SELECT "
                + SqlText.quoteLiteral(versionString()) + "::text$hg$;\n";
        for (String db : new String[] {"template1", DEFAULT_DATABASE}) {
            try (Connection c = direct(db); Statement st = c.createStatement()) {
                st.execute(script);
                st.execute(instance);
            } catch (SQLException e) {
                throw new IOException("holo-sim bootstrap failed in " + db + ": " + e.getMessage(), e);
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, "holo-sim: accept failed", e);
                continue;
            }
            ProxySession session = new ProxySession(this, s, sessionIds.incrementAndGet());
            sessions.put(session.id, session);
            allSessions.addLast(session);
            int excess = allSessions.size() - MAX_CLOSED_SESSIONS - sessions.size();
            for (java.util.Iterator<ProxySession> it = allSessions.iterator(); excess > 0 && it.hasNext(); ) {
                if (!it.next().isOpen()) {
                    it.remove();
                    excess--;
                }
            }
            Thread t = new Thread(session, "holo-sim-" + port() + "-c2s-" + session.id);
            t.setDaemon(true);
            t.start();
        }
    }

    /** Configures and starts a {@link HoloSimulator}. */
    public static final class Builder {
        private HoloVersion version = HoloVersion.parse("3.2.5");
        private boolean backendConfiguration;
        private int port;
        private int maxConnections = 200;

        private Builder() {
        }

        /** The Hologres version to simulate, e.g. {@code "1.3.31"} (default 3.2.5). */
        public Builder version(String version) {
            this.version = HoloVersion.parse(version);
            return this;
        }

        public Builder version(HoloVersion version) {
            this.version = java.util.Objects.requireNonNull(version);
            return this;
        }

        /**
         * Whether the backend configuration for encrypted MaxCompute data has been added (matters for
         * V1.1 to V1.3.30 only). Default false.
         */
        public Builder backendConfiguration(boolean on) {
            this.backendConfiguration = on;
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** max_connections of the embedded PostgreSQL (default 200). */
        public Builder maxConnections(int n) {
            this.maxConnections = n;
            return this;
        }

        /** Starts the embedded PostgreSQL and the endpoint. */
        public HoloSimulator start() {
            try {
                return new HoloSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Hologres simulator: " + e.getMessage(), e);
            }
        }
    }
}
