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
package dev.lakeproxy.holo;

import dev.lakeproxy.holosim.Encryption;
import dev.lakeproxy.holosim.HoloSimulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The seed's set-up on a simulator: three projects (none, BYOK, default key), a foreign table each,
 * an internal table.
 */
final class HoloScenarios {

    static final String PLAIN = "ft_plain";
    static final String BYOK = "ft_byok";
    static final String DEFAULT_KEY = "ft_default";

    private HoloScenarios() {
    }

    static HoloSimulator start(String version, boolean backendConfiguration) throws SQLException {
        HoloSimulator sim =
                HoloSimulator.builder()
                        .version(version)
                        .backendConfiguration(backendConfiguration)
                        .start();
        seed(sim);
        return sim;
    }

    /** The set-up on a running simulator; {@code HoloSimExtension.seed(HoloScenarios::seed)}. */
    static void seed(HoloSimulator sim) throws SQLException {
        sim.maxcompute()
                .project("p_plain")
                .table("orders", "id bigint, item text")
                .insert(1, "tea")
                .insert(2, "rice");
        sim.maxcompute()
                .project("p_byok")
                .encryption(Encryption.BYOK, "key-byok")
                .table("payments", "id bigint, paid numeric(10,2)")
                .insert(1, 9.5)
                .insert(2, 12);
        sim.maxcompute()
                .project("p_default")
                .encryption(Encryption.DEFAULT_KEY)
                .table("customers", "id bigint, name text")
                .insert(1, "Zhang San");
        try (Connection c = sim.directConnection(HoloSimulator.DEFAULT_DATABASE);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE internal_t (id int)");
            s.execute("INSERT INTO internal_t VALUES (1), (2), (3)");
            s.execute("CREATE TABLE sink (id bigint)");
        }
        try (Connection c = raw(sim); Statement s = c.createStatement()) {
            s.execute(
                    "CREATE FOREIGN TABLE "
                            + PLAIN
                            + " (id bigint, item text) SERVER odps_server OPTIONS (project_name"
                            + " 'p_plain', table_name 'orders')");
            s.execute(
                    "CREATE FOREIGN TABLE "
                            + BYOK
                            + " (id bigint, paid numeric(10,2)) SERVER odps_server OPTIONS"
                            + " (project_name 'p_byok', table_name 'payments')");
            s.execute(
                    "CREATE FOREIGN TABLE "
                            + DEFAULT_KEY
                            + " (id bigint, name text) SERVER odps_server OPTIONS (project_name"
                            + " 'p_default', table_name 'customers')");
        }
    }

    static Connection raw(HoloSimulator sim) throws SQLException {
        return DriverManager.getConnection(sim.jdbcUrl(), sim.user(), sim.password());
    }

    static Connection lake(HoloSimulator sim, String... options) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", sim.user());
        p.setProperty("password", sim.password());
        for (String o : options) {
            int eq = o.indexOf('=');
            p.setProperty(o.substring(0, eq), o.substring(eq + 1));
        }
        return DriverManager.getConnection(
                "jdbc:lakeproxy:" + sim.jdbcUrl().substring("jdbc:".length()), p);
    }

    static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
