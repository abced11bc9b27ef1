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
package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.complex.ComplexFunctions;
import dev.lakeproxy.odpsemu.external.TablestoreWriters;
import dev.lakeproxy.odpsemu.rest.RestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;

/**
 * The running parts of an emulator: the embedded PostgreSQL with MaxCompute's functions, the SQL
 * engine on it, and the HTTP server. They start in that order; {@link #close} stops what started.
 */
final class EmulatorRuntime implements AutoCloseable {

    private EmbeddedPostgres postgres;
    private Connection pg;
    private RestServer server;

    /** Starts PostgreSQL and the engine on it. */
    SqlEngine startEngine(Catalog catalog, ZoneId zone, TablestoreWriters tablestore, String owner)
            throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        pg = postgres.getPostgresDatabase().getConnection();
        MaxComputeFunctions.install(pg);
        ComplexFunctions.install(pg);
        return new SqlEngine(catalog, pg, zone, tablestore, owner);
    }

    /** Starts serving HTTP. */
    void serve(RestServer server) {
        this.server = server;
        server.start();
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
        try {
            if (pg != null) {
                pg.close();
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
