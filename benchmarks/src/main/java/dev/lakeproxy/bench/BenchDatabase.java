package dev.lakeproxy.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One embedded PostgreSQL per benchmark JVM (each JMH fork is its own JVM). */
final class BenchDatabase {

    private static EmbeddedPostgres server;

    private BenchDatabase() {
    }

    static synchronized String url(boolean lakeproxy) {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String url = "postgresql://127.0.0.1:" + server.getPort() + "/postgres?user=postgres";
        return lakeproxy ? "jdbc:lakeproxy:" + url : "jdbc:" + url;
    }
}
