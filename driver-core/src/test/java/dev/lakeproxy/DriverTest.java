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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakeproxy.core.options.OptionRegistry;
import dev.lakeproxy.testing.EmbeddedPg;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DriverTest {

    @Test
    void registersThroughServiceLoaderAndAcceptsOnlyItsUrls() throws SQLException {
        assertTrue(DriverManager.getDriver("jdbc:lakeproxy:postgresql://h/db") instanceof Driver);
        Driver d = Driver.registered();
        assertFalse(d.acceptsURL("jdbc:postgresql://h/db"));
        assertNull(
                d.connect("jdbc:postgresql://h/db", new Properties()),
                "a driver returns null for foreign URLs");
    }

    @Test
    void connectsThroughDriverManagerAndDelegatesToPgjdbc() throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedPg.lakeUrl("postgres"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
            assertTrue(c.getMetaData().getDriverName().startsWith("lakeproxy"));
            assertTrue(c.getMetaData().getDriverName().contains("PostgreSQL JDBC Driver"));
            assertTrue(c.getMetaData().getDriverVersion().contains("42."));
        }
    }

    @Test
    void lakeproxyOptionsAreStrippedBeforeTheRealDriverSeesThem() throws SQLException {
        String url =
                EmbeddedPg.lakeUrl("postgres") + "&lakeproxy.plugins=none&ApplicationName=kept";
        Properties p = new Properties();
        p.setProperty("lakeproxy.test.enabled", "false");
        p.setProperty("options", "-c search_path=public");
        try (Connection c = DriverManager.getConnection(url, p)) {
            String realUrl = c.unwrap(Connection.class).getMetaData().getURL();
            assertFalse(realUrl.contains("lakeproxy"), realUrl);
            assertTrue(realUrl.contains("ApplicationName=kept"), realUrl);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SHOW application_name")) {
                rs.next();
                assertEquals("kept", rs.getString(1));
            }
            assertEquals(java.util.List.of(), c.unwrap(LakeproxyConnection.class).activePlugins());
        }
    }

    @Test
    void badOptionValueNamesTheOptionAndTheAcceptedValues() {
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () ->
                                DriverManager.getConnection(
                                        EmbeddedPg.lakeUrl("postgres")
                                                + "&lakeproxy.test.enabled=maybe"));
        assertTrue(e.getMessage().contains("lakeproxy.test.enabled"), e.getMessage());
        assertTrue(e.getMessage().contains("true | false"), e.getMessage());
        assertEquals("22023", e.getSQLState());
    }

    @Test
    void unknownOptionIsAnErrorNotSilentlyIgnored() {
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () ->
                                DriverManager.getConnection(
                                        EmbeddedPg.lakeUrl("postgres") + "&lakeproxy.plugns=none"));
        assertTrue(e.getMessage().contains("lakeproxy.plugns"), e.getMessage());
        assertTrue(
                e.getMessage().contains("lakeproxy.plugins"),
                "lists the known options: " + e.getMessage());
    }

    @Test
    void unknownPluginNameIsAnError() {
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () ->
                                DriverManager.getConnection(
                                        EmbeddedPg.lakeUrl("postgres")
                                                + "&lakeproxy.plugins=holo2"));
        assertTrue(e.getMessage().contains("holo2"), e.getMessage());
    }

    @Test
    void realDriverErrorsKeepTheirSqlState() {
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () ->
                                DriverManager.getConnection(
                                        "jdbc:lakeproxy:postgresql://127.0.0.1:1/db"
                                                + "?user=x&connectTimeout=2"));
        assertEquals("08001", e.getSQLState());
    }

    @Test
    void dataSourceWorksAsHikariDataSourceClassName() throws SQLException {
        HikariConfig cfg = new HikariConfig();
        cfg.setDataSourceClassName(LakeDataSource.class.getName());
        cfg.addDataSourceProperty("url", EmbeddedPg.lakeUrl("postgres"));
        cfg.addDataSourceProperty("user", "postgres");
        cfg.addDataSourceProperty("password", "unused-with-trust");
        cfg.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(cfg); Connection c = ds.getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            assertTrue(c.isWrapperFor(LakeproxyConnection.class));
        }
    }

    @Test
    void hikariJdbcUrlRouteWorks() throws SQLException {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(EmbeddedPg.lakeUrl("postgres"));
        cfg.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(cfg); Connection c = ds.getConnection()) {
            assertSame(
                    c.unwrap(LakeproxyConnection.class).getClass().getName().contains("Lake"),
                    true);
        }
    }

    @Test
    void optionRegistryListsCoreAndPluginOptions() {
        OptionRegistry r = OptionRegistry.discovered();
        assertTrue(r.markdownTable().contains("`lakeproxy.plugins`"));
        assertTrue(r.markdownTable().contains("`lakeproxy.test.enabled`"));
    }
}
