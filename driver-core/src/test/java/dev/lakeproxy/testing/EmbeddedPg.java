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
package dev.lakeproxy.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL for the whole test JVM (started on first use, stopped at exit), with
 * fresh databases on demand. Tests reach it with ordinary pgjdbc URLs, raw or through lakeproxy.
 */
public final class EmbeddedPg {

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedPg() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    public static int port() {
        return server().getPort();
    }

    /** {@code postgresql://127.0.0.1:PORT/db?user=postgres} without the {@code jdbc:} prefix. */
    public static String url(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database + "?user=postgres";
    }

    public static String rawUrl(String database) {
        return "jdbc:" + url(database);
    }

    public static String lakeUrl(String database) {
        return "jdbc:lakeproxy:" + url(database);
    }

    /** A new, empty database. */
    public static String freshDatabase() {
        String name = "t" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(rawUrl("postgres"));
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }
}
