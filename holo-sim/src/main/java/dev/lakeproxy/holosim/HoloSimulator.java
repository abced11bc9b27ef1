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

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local Hologres stand-in: a PostgreSQL wire-protocol endpoint on 127.0.0.1 in front of its own
 * embedded PostgreSQL 14 cluster. Connect with an ordinary {@code
 * jdbc:postgresql://127.0.0.1:PORT/db} URL.
 *
 * <pre>{@code
 * try (HoloSimulator sim = HoloSimulator.builder().version("3.2.5").start()) {
 *     sim.maxcompute().project("p").encryption(Encryption.BYOK, "key-id")
 *        .table("orders", "id bigint, name text").insert(1, "a");
 *     try (Connection c =
 *             DriverManager.getConnection(sim.jdbcUrl(), sim.user(), sim.password())) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * Thread-safe. Several instances (with different versions) can run at once; {@link #close()} stops
 * the endpoint, its connections and the embedded PostgreSQL.
 */
public final class HoloSimulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HoloSimulator.class.getName());
    static final String SUPERUSER = "postgres";
    /** The database clients get by default. */
    public static final String DEFAULT_DATABASE = "postgres";

    private volatile SimulatedVersion version;
    private volatile boolean backendConfiguration;
    private volatile SqlProcessor processor;
    private final EmbeddedCluster cluster;
    private final SessionRegistry sessions;
    private final MaxComputeStore store;
    private final QueryLog queryLog;
    private final Map<String, ForeignTableCatalog> catalogs = new ConcurrentHashMap<>();
    private final DefaultSearchPaths defaultSearchPaths = new DefaultSearchPaths(this);
    private final SimFaults faults = new SimFaults();
    private final AccessKeyLogins accessKeyLogins = new AccessKeyLogins();
    private volatile boolean closed;

    HoloSimulator(HoloSimulatorBuilder b) throws IOException {
        this.version = b.version;
        this.backendConfiguration = b.backendConfiguration;
        this.cluster = new EmbeddedCluster(b.maxConnections);
        try {
            this.processor = new SqlProcessor(this);
            this.store = new MaxComputeStore(this);
            this.queryLog = new QueryLog(cluster);
            cluster.bootstrap(version, backendConfiguration);
            this.sessions = new SessionRegistry(this, b.port);
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        sessions.start();
    }

    /** A builder with version 3.2.5, no backend configuration, an ephemeral port. */
    public static HoloSimulatorBuilder builder() {
        return new HoloSimulatorBuilder();
    }

    // ------------------------------------------------------------------ public API

    /** The simulated Hologres version. */
    public SimulatedVersion version() {
        return version;
    }

    /**
     * Upgrades or rolls back the running instance in place, like a Hologres instance upgrade: same
     * host and port, same databases, foreign tables, settings stored with {@code ALTER
     * DATABASE/ROLE ... SET}, and MaxCompute store. Open client connections are dropped (as by the
     * restart of an upgrade); new connections see the new version: {@code hg_version()}, which
     * settings exist (below V3.2 {@code hg_experimental_external_catalog_routing} is an
     * unrecognized parameter again) and the read rules.
     */
    public synchronized HoloSimulator changeVersion(SimulatedVersion newVersion) {
        Objects.requireNonNull(newVersion, "version");
        if (closed) {
            throw new IllegalStateException("simulator closed");
        }
        this.version = newVersion;
        this.processor = new SqlProcessor(this);
        sessions.closeSessions();
        store.executeEverywhere(EmbeddedCluster.versionSql(newVersion));
        return this;
    }

    /** {@link #changeVersion(SimulatedVersion)} with a version such as {@code "3.1.0"}. */
    public HoloSimulator changeVersion(String newVersion) {
        return changeVersion(SimulatedVersion.parse(newVersion));
    }

    /**
     * Whether the "backend configuration" for encrypted MaxCompute data (V1.1 to V1.3.30) is set.
     */
    public boolean backendConfiguration() {
        return backendConfiguration;
    }

    /**
     * Adds or removes the backend configuration on the running instance (what Hologres support does
     * for V1.1 to V1.3.30); it applies to the next foreign-table read.
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
        return sessions.port();
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

    /**
     * Any password is accepted (the embedded cluster trusts loopback connections); this one is as
     * good as any.
     */
    public String password() {
        return "";
    }

    /**
     * Lets an AccessKey pair log in as Hologres documents it (user = AccessKey ID, password =
     * AccessKey secret): a wrong secret is refused with 28P01. Registering the id again replaces
     * the secret (a reset key).
     */
    public HoloSimulator accessKey(String accessKeyId, String secret) {
        return accessKey(accessKeyId, secret, null);
    }

    /** Like {@link #accessKey(String, String)}, refused (28P01) from {@code expiresAt} on. */
    public HoloSimulator accessKey(String accessKeyId, String secret, java.time.Instant expiresAt) {
        return stsCredential(accessKeyId, secret, null, expiresAt);
    }

    /**
     * Lets a temporary (STS) credential log in as "RAM role authorization mode" documents it: user
     * = its AccessKey ID, password = its secret, startup {@code options} = {@code
     * sts_token=<token>}, from V2.0 on; refused (28P01) without the token, with another, or from
     * {@code expiresAt} on. A {@code null} token registers a plain AccessKey pair.
     */
    public HoloSimulator stsCredential(String accessKeyId, String secret, String token,
            java.time.Instant expiresAt) {
        try (Connection c = direct(DEFAULT_DATABASE)) {
            accessKeyLogins.register(c, accessKeyId, secret, token, expiresAt);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create role " + accessKeyId + ": " + e.getMessage(), e);
        }
        return this;
    }

    AccessKeyLogins accessKeyLogins() {
        return accessKeyLogins;
    }

    /** The simulated MaxCompute store that backs the foreign tables. */
    public MaxComputeStore maxcompute() {
        return store;
    }

    /**
     * Creates a database (with {@code hg_version()}, {@code odps_server} and the store) unless it
     * exists.
     */
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
            throw new IllegalStateException(
                    "cannot create database " + name + ": " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * The foreign-table reads seen so far (oldest first); it survives ROLLBACK of the reading
     * transaction.
     */
    public List<QueryLogEntry> queryLog() {
        return queryLog.entries();
    }

    /** The engine of the latest foreign-table read, or null if none. */
    public Engine lastEngine() {
        List<QueryLogEntry> log = queryLog();
        return log.isEmpty() ? null : log.get(log.size() - 1).engine();
    }

    /**
     * The foreign-table reads seen since the last drain (or the start), oldest first, removed from
     * {@link #queryLog()} in one step: for long runs that count reads as they go without losing one
     * recorded meanwhile.
     */
    public List<QueryLogEntry> drainQueryLog() {
        return queryLog.drain();
    }

    /** Empties {@link #queryLog()} (the SQL table {@code hologres.hg_query_log} is left alone). */
    public void clearQueryLog() {
        queryLog.clear();
    }

    /**
     * Test hooks: a dropped connection, a blackhole or a failure at an exact statement of a
     * session.
     */
    public SimFaults faults() {
        return faults;
    }

    /** Wire-level counters: connections, hg_version() calls, round trips per connection. */
    public SimStats stats() {
        return sessions.stats();
    }

    /** Resets {@link #stats()} (open connections keep counting from zero). */
    public void resetStats() {
        sessions.resetStats();
    }

    /**
     * A connection straight to the embedded PostgreSQL (no simulator rules); for test set-up and
     * checks.
     */
    public Connection directConnection(String database) throws SQLException {
        queryLog.flush(); // hologres.hg_query_log is complete for what the caller reads through it
        return direct(database);
    }

    /**
     * Stops the endpoint, closes all client connections and stops the embedded PostgreSQL.
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        sessions.close();
        queryLog.close();
        try {
            cluster.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "holo-sim: embedded PostgreSQL did not stop cleanly", e);
        }
    }

    @Override
    public String toString() {
        return "HoloSimulator{version="
                + version
                + ", backendConfiguration="
                + backendConfiguration
                + ", url="
                + jdbcUrl()
                + "}";
    }

    /** The {@code hg_version()} answer for a version. */
    public static String versionString(SimulatedVersion v) {
        return "Hologres "
                + v
                + " (tag: "
                + v
                + " build: Release,hologres-simulator,lakeproxy), compatible with"
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
        return cluster.port();
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
        sessions.hgVersionCalled();
    }

    void sessionStarted(ProxySession s) {
        sessions.started(s);
    }

    void sessionEnded(ProxySession s) {
        sessions.ended(s);
    }

    void recordRead(QueryLogEntry e) {
        queryLog.record(e);
    }

    void flushQueryLog() {
        queryLog.flush();
    }

    <T> T withAdmin(String database, EmbeddedCluster.SqlWork<T> work) throws SQLException {
        return cluster.withAdmin(database, work);
    }

    void closeAdminConnections() {
        cluster.closeAdminConnections();
    }

    Connection direct(String database) throws SQLException {
        return cluster.direct(database);
    }

    List<String> databases() throws SQLException {
        return cluster.databases();
    }
}
