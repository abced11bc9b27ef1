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

import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.messages;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.Table;
import com.aliyun.odps.jdbc.OdpsConnection;
import com.aliyun.odps.task.SQLTask;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DatabaseMetaData, table metadata, three-tier schemas and odps.namespace.schema, with the real
 * odps-jdbc.
 */
class MetadataAndSchemaTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("meta").threeTierProject("tiered"));

    @BeforeAll
    static void tables() throws SQLException {
        try (Connection c = connect(EMU.get().jdbcUrl("meta"))) {
            update(
                    c,
                    "CREATE TABLE orders (id BIGINT COMMENT 'order id', amount DECIMAL(12,2), note"
                        + " STRING) COMMENT 'all orders' PARTITIONED BY (ds STRING) LIFECYCLE 10");
            for (int i = 0; i < 120; i++) { // more than one page of the paged table listing
                EMU.get().execute("meta", "CREATE TABLE extra_" + i + " (x BIGINT)");
            }
        }
    }

    @Test
    void getTablesPagesThroughTheListing() throws SQLException {
        try (Connection c = connect(EMU.get().jdbcUrl("meta"))) {
            DatabaseMetaData md = c.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, null, null)) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                    assertEquals("meta", rs.getString("TABLE_CAT"));
                }
            }
            assertEquals(121, names.size(), names.toString());
            try (ResultSet rs = md.getTables(null, null, "orders", null)) {
                assertTrue(rs.next());
                assertEquals("TABLE", rs.getString("TABLE_TYPE"));
                assertEquals("all orders", rs.getString("REMARKS"));
            }
        }
    }

    @Test
    void getColumnsIncludesPartitionColumns() throws SQLException {
        try (Connection c = connect(EMU.get().jdbcUrl("meta"));
                ResultSet rs = c.getMetaData().getColumns(null, null, "orders", null)) {
            List<String> cols = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            while (rs.next()) {
                cols.add(rs.getString("COLUMN_NAME"));
                types.add(rs.getInt("DATA_TYPE"));
                if (rs.getString("COLUMN_NAME").equals("id")) {
                    assertEquals("order id", rs.getString("REMARKS"));
                }
            }
            assertEquals(List.of("id", "amount", "note", "ds"), cols);
            assertEquals(List.of(Types.BIGINT, Types.DECIMAL, Types.VARCHAR, Types.VARCHAR), types);
        }
    }

    @Test
    void tableMetadataOverRest() throws Exception {
        try (Connection c = connect(EMU.get().jdbcUrl("meta"))) {
            Odps odps = c.unwrap(OdpsConnection.class).getOdps();
            Table t = odps.tables().get("orders");
            t.reload();
            assertEquals("all orders", t.getComment());
            assertEquals(10L, t.getLife());
            assertEquals(1, t.getSchema().getPartitionColumns().size());
            assertTrue(odps.tables().exists("orders"));
            assertTrue(!odps.tables().exists("nope"));
        }
    }

    @Test
    void threeTierSchemasWithNamespaceOption() throws Exception {
        String url = EMU.get().jdbcUrl("tiered", "odpsNamespaceSchema=true");
        try (Connection c = connect(url)) {
            update(c, "CREATE SCHEMA IF NOT EXISTS sales");
            update(c, "CREATE TABLE IF NOT EXISTS sales.orders (id BIGINT, region STRING)");
            update(c, "CREATE TABLE tiered.default.misc (x BIGINT)");
            assertEquals(1, update(c, "INSERT INTO tiered.sales.orders VALUES (1, 'east')"));
            assertEquals(List.of(List.of(1L, "east")), rows(c, "SELECT * FROM sales.orders"));
            assertEquals(
                    List.of(List.of(1L)),
                    rows(
                            c,
                            "SELECT count(*) FROM tiered.sales.orders o JOIN tiered.sales.orders p"
                                    + " ON o.id = p.id"));
            // SHOW SCHEMAS as the driver's metadata runs it
            Odps odps = c.unwrap(OdpsConnection.class).getOdps();
            Instance i = SQLTask.run(odps, "show schemas in tiered;");
            i.waitForSuccess();
            assertEquals("default\nsales\nsystem", i.getTaskResults().get("AnonymousSQLTask"));
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM") + "@" + rs.getString("TABLE_CATALOG"));
                }
            }
            assertEquals(List.of("default@tiered", "sales@tiered", "system@tiered"), schemas);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables("tiered", "sales", null, null)) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
                }
            }
            assertEquals(List.of("sales.orders"), tables);
            assertTrue(
                    EMU.get().jobs().stream()
                            .anyMatch(
                                    j -> "true".equals(j.settings().get("odps.namespace.schema"))));
        }
        // schema=X sets odps.default.schema: one-part names resolve in it
        try (Connection c = connect(EMU.get().jdbcUrl("tiered", "schema=sales"))) {
            assertEquals(List.of(List.of("east")), rows(c, "SELECT region FROM orders"));
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM misc"));
            assertTrue(e.getMessage().contains("Table not found"), e.getMessage());
        }
    }

    @Test
    void showTablesAndDescAsTextResults() throws Exception {
        try (Connection c = connect(EMU.get().jdbcUrl("meta"))) {
            Odps odps = c.unwrap(OdpsConnection.class).getOdps();
            Instance i = SQLTask.run(odps, "SHOW TABLES;");
            i.waitForSuccess();
            String text = i.getTaskResults().get("AnonymousSQLTask");
            assertTrue(text.contains(EMU.get().root().principal() + " orders"), text);
            Instance d = SQLTask.run(odps, "DESC EXTENDED orders;");
            d.waitForSuccess();
            String desc = d.getTaskResults().get("AnonymousSQLTask");
            assertTrue(
                    desc.contains("amount")
                            && desc.contains("DECIMAL(12,2)")
                            && desc.contains("Partition Columns"),
                    desc);
        }
    }

    @Test
    void useSchemaBugGetsNoSuchProjectNotA5xx() throws SQLException {
        try (Connection c = connect(EMU.get().jdbcUrl("tiered", "odpsNamespaceSchema=true"));
                Statement st = c.createStatement()) {
            st.execute("USE SCHEMA sales"); // odps-jdbc 3.4.2 takes this as USE <project "schema
            // sales">
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("SELECT 1"));
            String all =
                    e.getMessage() + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
            assertTrue(all.contains("Project not found") || all.contains("NoSuchObject"), all);
        }
    }

    @Test
    void getColumnsSchemaBugGetsProjectNotFound() throws SQLException {
        // odps-jdbc 3.4.2 takes the schema pattern for a project in getColumns; the server answers
        // as MaxCompute would
        try (Connection c = connect(EMU.get().jdbcUrl("tiered", "odpsNamespaceSchema=true"))) {
            update(c, "CREATE SCHEMA IF NOT EXISTS sales");
            update(c, "CREATE TABLE IF NOT EXISTS sales.orders (id BIGINT, region STRING)");
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () -> c.getMetaData().getColumns("tiered", "sales", "orders", null));
            assertTrue(messages(e).contains("Project not found - 'sales'"), messages(e));
        }
    }

    @Test
    void tenantLevelNamespaceSchemaIsHonoured() throws SQLException {
        EMU.get().createThreeTierProject("tenant3");
        EMU.get().createSchema("tenant3", "s1");
        EMU.get().setTenantNamespaceSchema(true);
        try (Connection c =
                connect(EMU.get().jdbcUrl("tenant3"))) { // no odpsNamespaceSchema: the driver asks
            // /tenants
            update(c, "CREATE TABLE s1.t (x BIGINT)");
            assertEquals(1, update(c, "INSERT INTO s1.t VALUES (5)"));
            assertEquals(List.of(List.of(5L)), rows(c, "SELECT x FROM tenant3.s1.t"));
        } finally {
            EMU.get().setTenantNamespaceSchema(false);
        }
        // the driver sends no odps.namespace.schema setting then: the tenant's value applies on the
        // server
        SubmittedJob last = EMU.get().jobs().get(EMU.get().jobs().size() - 1);
        assertTrue(!last.settings().containsKey("odps.namespace.schema"), last.toString());
    }

    @Test
    void setInsideAScriptAppliesToTheRestOfIt() {
        EMU.get().createThreeTierProject("script3");
        EMU.get().createSchema("script3", "s");
        EMU.get()
                .execute(
                        "script3",
                        "SET odps.namespace.schema=true; CREATE TABLE s.t (x BIGINT); "
                                + "INSERT INTO s.t VALUES (1);");
        assertEquals(
                "\"x\"\n1\n",
                EMU.get().execute("script3", "SET odps.default.schema=s; SELECT x FROM t;"));
    }

    @Test
    void adminApiListsSchemas() {
        Map<String, String> settings = new HashMap<>();
        settings.put("odps.namespace.schema", "true");
        EMU.get().createThreeTierProject("admin3");
        EMU.get().createSchema("admin3", "ops");
        EMU.get().execute("admin3", "CREATE TABLE ops.t (x BIGINT)", settings);
        assertEquals(List.of("default", "ops"), EMU.get().schemas("admin3"));
    }
}
