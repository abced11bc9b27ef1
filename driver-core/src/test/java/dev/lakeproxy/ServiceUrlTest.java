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
package dev.lakeproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lakeproxy.testing.EmbeddedPg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pgjdbc's {@code service=} URLs ({@code .pg_service.conf}) work through lakeproxy as with raw
 * pgjdbc, including the precedence pgjdbc's own DriverTest#connectService checks: URL, then
 * Properties, then the service file.
 */
class ServiceUrlTest {

    private static final String FILE_PROPERTY = "org.postgresql.pgservicefile";
    private static String previous;

    @BeforeAll
    static void serviceFile() throws Exception {
        Path file = Files.createTempFile("pg_service", ".conf");
        String common = "host=127.0.0.1%ndbname=postgres%nuser=postgres%npassword=postgres%n";
        Files.writeString(file, String.format("[good]%nport=" + EmbeddedPg.port() + "%n" + common
                + "[wrongport]%nport=65536%n" + common));
        previous = System.getProperty(FILE_PROPERTY);
        System.setProperty(FILE_PROPERTY, file.toString());
    }

    @AfterAll
    static void restore() {
        if (previous == null) {
            System.clearProperty(FILE_PROPERTY);
        } else {
            System.setProperty(FILE_PROPERTY, previous);
        }
    }

    private static int answer(String url, Properties info) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, info);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 42")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void connectsAsRawPgjdbcDoes() throws SQLException {
        for (String prefix : new String[] {"jdbc:", "jdbc:lakeproxy:"}) {
            assertEquals(
                    42, answer(prefix + "postgresql://?service=good", new Properties()), prefix);
            Properties port = new Properties();
            port.setProperty("PGPORT", String.valueOf(EmbeddedPg.port()));
            assertEquals(42, answer(prefix + "postgresql://?service=wrongport", port), prefix);
            Properties wrong = new Properties();
            wrong.setProperty("PGPORT", "65536");
            assertEquals(
                    42,
                    answer(
                            prefix + "postgresql://:" + EmbeddedPg.port() + "/?service=wrongport",
                            wrong),
                    prefix);
        }
    }

    @Test
    void anUnknownServiceFailsAsWithRawPgjdbc() {
        SQLException raw =
                assertThrows(
                        SQLException.class,
                        () -> answer("jdbc:postgresql://?service=nope", new Properties()));
        SQLException lake = assertThrows(SQLException.class,
                () -> answer("jdbc:lakeproxy:postgresql://?service=nope", new Properties()));
        assertEquals(raw.getSQLState(), lake.getSQLState());
    }
}
