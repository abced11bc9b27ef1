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
package dev.lakeproxy.bench;

import dev.lakeproxy.holosim.Encryption;
import dev.lakeproxy.holosim.HoloSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The servers the benchmarks run against, one of each per benchmark JVM (each JMH fork is its own
 * JVM): plain embedded PostgreSQL, and Hologres simulators of V3.2 (Common Table) and V2.2 (legacy
 * SQE path).
 */
final class BenchDatabase {

    private static EmbeddedPostgres postgres;
    private static HoloSimulator holo32;
    private static HoloSimulator holo22;

    private BenchDatabase() {
    }

    /**
     * The URL for a target ({@code postgres}, {@code holo-3.2}, {@code holo-2.2}), raw or through
     * lakeproxy.
     */
    static synchronized String url(String target, boolean lakeproxy) throws SQLException {
        String url;
        switch (target) {
            case "postgres":
                url = "postgresql://127.0.0.1:" + postgres().getPort() + "/postgres?user=postgres";
                break;
            case "holo-3.2":
                url = holo(true).jdbcUrl().substring(5) + "?user=postgres";
                break;
            case "holo-2.2":
                url =
                        holo(false).jdbcUrl().substring(5)
                                + "?user=postgres&lakeproxy.holo.encryptedProjects=p_byok";
                break;
            default:
                throw new IllegalArgumentException(target);
        }
        return lakeproxy
                ? "jdbc:lakeproxy:" + url
                : "jdbc:" + url.replaceAll("&lakeproxy\\.[^&]*", "");
    }

    private static EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    private static HoloSimulator holo(boolean v32) throws SQLException {
        HoloSimulator sim = v32 ? holo32 : holo22;
        if (sim == null) {
            sim = HoloSimulator.builder().version(v32 ? "3.2.5" : "2.2.15").start();
            sim.maxcompute()
                    .project("p_byok")
                    .encryption(Encryption.BYOK, "k")
                    .table("payments", "id bigint")
                    .insert(1);
            try (Connection c =
                            java.sql.DriverManager.getConnection(
                                    sim.jdbcUrl(), sim.user(), sim.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE FOREIGN TABLE ft_byok (id bigint) SERVER odps_server"
                        + " OPTIONS (project_name 'p_byok', table_name 'payments')");
            }
            if (v32) {
                holo32 = sim;
            } else {
                holo22 = sim;
            }
        }
        return sim;
    }
}
