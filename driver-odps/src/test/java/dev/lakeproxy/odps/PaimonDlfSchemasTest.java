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
package dev.lakeproxy.odps;

import static dev.lakeproxy.odps.PluginTestSupport.counter;
import static dev.lakeproxy.odps.PluginTestSupport.explain;
import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.messages;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.LakeproxyConnection;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paimon_DLF external projects: schemas, USE SCHEMA and three-level names, metadata; raw odps-jdbc
 * alongside.
 */
class PaimonDlfSchemasTest extends PaimonDlfProject {

    @Test
    void schemaSyntaxTurnsOnByItself() throws SQLException {
        List<String> actions = lp.unwrap(LakeproxyConnection.class).connectActions();
        assertTrue(actions.toString().contains("odpsNamespaceSchema=true"), actions.toString());
        SQLException e =
                assertThrows(SQLException.class, () -> rows(raw, "SELECT id FROM sales.orders"));
        assertTrue(messages(e).contains("sales"), messages(e));
        assertEquals(
                List.of(),
                rows(lp, "SELECT id FROM sales.orders"),
                "schema.table works through lakeproxy");
        assertEquals("true", lastJob().settings().get("odps.namespace.schema"));
        assertTrue(
                explain(lp, "SELECT id FROM sales.orders").passesThrough(),
                "reads take the fast path");
        try (Connection explicit = connect(lake(rawUrl + "&odpsNamespaceSchema=false"))) {
            assertTrue(
                    explicit.unwrap(LakeproxyConnection.class).connectActions().isEmpty(),
                    "the user's own choice is kept");
        }
    }

    @Test
    void useSchemaShowSchemasCreateSchemaAndThreeLevelNames() throws SQLException {
        update(lp, "CREATE SCHEMA ods");
        List<String> schemas = new ArrayList<>();
        try (Statement st = lp.createStatement(); ResultSet rs = st.executeQuery("SHOW SCHEMAS")) {
            while (rs.next()) {
                schemas.addAll(
                        List.of(
                                rs.getString(1)
                                        .split("\n"))); // odps-jdbc gives SHOW output as text
            }
        }
        assertTrue(schemas.contains("default") && schemas.contains("ods"), schemas.toString());

        Explanation x = explain(lp, "USE SCHEMA ods;");
        assertEquals("SET odps.default.schema=ods", x.finalSql());
        assertTrue(x.actions().toString().contains("USE SCHEMA ods"), x.actions().toString());
        try (Statement st = lp.createStatement()) {
            st.execute("USE SCHEMA ods");
        }
        assertEquals("ods", lp.getSchema());
        update(lp, "CREATE TABLE schema_table (id INT, name STRING)");
        assertEquals(
                2,
                update(lp, "INSERT INTO schema_table VALUES (101, 'Zhang San'), (102, 'Li Si')"));
        assertEquals("ods", lastJob().settings().get("odps.default.schema"));
        assertEquals(
                List.of(List.of(101, "Zhang San"), List.of(102, "Li Si")),
                rows(lp, "SELECT * FROM lake.ods.schema_table ORDER BY id LIMIT 10"),
                "three-level names");
        try (Statement st = lp.createStatement(); ResultSet rs = st.executeQuery("SHOW TABLES")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).trim().endsWith(" schema_table"), rs.getString(1));
        }
        Statement early = lp.createStatement(); // statements made before USE SCHEMA follow it too
        try (Statement st = lp.createStatement()) {
            st.execute("USE SCHEMA default");
        }
        assertEquals(
                1,
                rows(lp, "SELECT count(*) FROM emp").size(),
                "one-part names resolve in the schema in use");
        try (ResultSet rs = early.executeQuery("SELECT count(*) FROM emp")) {
            assertTrue(rs.next());
        } finally {
            early.close();
        }
        // Connection.setSchema (DBeaver's schema selector) still works after USE SCHEMA
        lp.setSchema("ods");
        assertEquals(2, rows(lp, "SELECT * FROM schema_table").size());
        lp.setSchema("default");

        // raw odps-jdbc 3.4.2: USE SCHEMA becomes USE <project "SCHEMA ods">; every later statement
        // fails
        try (Connection r = connect(rawUrl);
                Statement st = r.createStatement()) {
            st.execute("USE SCHEMA ods");
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () -> st.executeQuery("SELECT * FROM schema_table"));
            assertTrue(messages(e).contains("Project not found - 'SCHEMA ods'"), messages(e));
        }
    }

    @Test
    void databaseMetaDataForDbeaversNavigator() throws SQLException {
        update(lp, "CREATE SCHEMA IF NOT EXISTS nav");
        update(
                lp,
                "CREATE TABLE lake.nav.orders (id BIGINT COMMENT 'order id', amount DOUBLE, at"
                    + " TIMESTAMP(3)) PARTITIONED BY (ds STRING)");
        DatabaseMetaData md = lp.getMetaData();
        List<String> catalogs = new ArrayList<>();
        try (ResultSet rs = md.getCatalogs()) {
            while (rs.next()) {
                catalogs.add(rs.getString("TABLE_CAT"));
            }
        }
        assertEquals(List.of("lake"), catalogs);
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = md.getSchemas("lake", null)) {
            while (rs.next()) {
                schemas.add(rs.getString("TABLE_CATALOG") + "." + rs.getString("TABLE_SCHEM"));
            }
        }
        assertTrue(
                schemas.contains("lake.default") && schemas.contains("lake.nav"),
                schemas.toString());
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables("lake", "nav", null, null)) {
            while (rs.next()) {
                tables.add(
                        rs.getString("TABLE_CAT")
                                + "."
                                + rs.getString("TABLE_SCHEM")
                                + "."
                                + rs.getString("TABLE_NAME"));
            }
        }
        assertEquals(List.of("lake.nav.orders"), tables);
        List<String> cols = new ArrayList<>();
        try (ResultSet rs = md.getColumns("lake", "nav", "orders", null)) {
            while (rs.next()) {
                assertEquals("lake", rs.getString("TABLE_CAT"));
                assertEquals("nav", rs.getString("TABLE_SCHEM"));
                cols.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
            }
        }
        assertEquals(
                List.of(
                        "id:" + Types.BIGINT,
                        "amount:" + Types.DOUBLE,
                        "at:" + Types.TIMESTAMP,
                        "ds:" + Types.VARCHAR),
                cols);
        try (ResultSet rs = md.getColumns("lake", "default", "emp", "na%")) {
            assertTrue(rs.next());
            assertEquals("name", rs.getString("COLUMN_NAME"));
        }
        assertTrue(md.getDriverName().startsWith("lakeproxy"), "the core keeps the driver name");
        assertTrue(counter(lp, "odps.metadataColumns") >= 1);

        // raw odps-jdbc, even told about schemas, takes the schema for a project
        try (Connection r = connect(rawUrl + "&odpsNamespaceSchema=true")) {
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () -> r.getMetaData().getColumns("lake", "default", "emp", null));
            assertTrue(messages(e).contains("Project not found - 'default'"), messages(e));
        }
    }
}
