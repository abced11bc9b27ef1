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

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The simulator's own embedded PostgreSQL cluster: its configuration, the bootstrap of the Hologres
 * objects, the per-instance version objects, and the simulator's internal connections to it.
 */
final class EmbeddedCluster implements AutoCloseable {
    private final EmbeddedPostgres pg;
    private final Map<String, Connection> adminConnections = new HashMap<>();
    private volatile boolean closed;

    EmbeddedCluster(int maxConnections) throws IOException {
        this.pg =
                EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(30))
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("lc_messages", "C")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", String.valueOf(maxConnections))
                        // Hologres' legacy default: foreign tables are read by HQE.
                        .setServerConfig(Settings.serverName(Settings.ORC_VIA_HOLO), "true")
                        // Empty by default (Common Table is opt-in). Defined in every version:
                        // below V3.2 clients
                        // cannot reach it, because the proxy swaps the client-side name only from
                        // V3.2 on.
                        .setServerConfig(Settings.serverName(Settings.ROUTING), "''")
                        .start();
    }

    int port() {
        return pg.getPort();
    }

    /** Runs the bootstrap script and the version objects in template1 and the default database. */
    void bootstrap(SimulatedVersion version, boolean backendConfiguration) throws IOException {
        String script;
        try (InputStream in = HoloSimulator.class.getResourceAsStream("bootstrap.sql")) {
            if (in == null) {
                throw new IOException("bootstrap.sql missing from the simulator jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String instance =
                "INSERT INTO hg_sim.instance VALUES ('', '{}', "
                        + backendConfiguration
                        + ");\n"
                        + versionSql(version);
        for (String db : new String[] {"template1", HoloSimulator.DEFAULT_DATABASE}) {
            try (Connection c = direct(db); Statement st = c.createStatement()) {
                st.execute(script);
                st.execute(instance);
            } catch (SQLException e) {
                throw new IOException(
                        "holo-sim bootstrap failed in " + db + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The SQL that makes a database answer for {@code version}: hg_sim.instance and hg_version().
     */
    static String versionSql(SimulatedVersion v) {
        return "UPDATE hg_sim.instance SET version = "
                + SqlText.quoteLiteral(v.toString())
                + ", version_parts = ARRAY["
                + v.major()
                + ", "
                + v.minor()
                + ", "
                + v.patch()
                + "];\n"
                + "CREATE OR REPLACE FUNCTION pg_catalog.hg_version() RETURNS text LANGUAGE sql"
                + " STABLE AS $hg$SELECT "
                + SqlText.quoteLiteral(HoloSimulator.versionString(v))
                + "::text$hg$;\n";
    }

    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs work on a cached autocommit admin connection to a database (serialised per database).
     */
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

    /**
     * Closes the admin connections (before DROP DATABASE, which refuses databases with other
     * sessions).
     */
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
        p.setProperty("user", HoloSimulator.SUPERUSER);
        p.setProperty("stringtype", "unspecified");
        p.setProperty("ApplicationName", "holo-sim-internal");
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + database, p);
    }

    /** Databases that accept connections, template1 first (new databases copy it). */
    List<String> databases() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = direct(HoloSimulator.DEFAULT_DATABASE);
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT datname FROM pg_database WHERE datallowconn"
                                        + " ORDER BY datname <> 'template1', datname")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        synchronized (adminConnections) {
            closed = true;
        }
        closeAdminConnections();
        pg.close();
    }
}
