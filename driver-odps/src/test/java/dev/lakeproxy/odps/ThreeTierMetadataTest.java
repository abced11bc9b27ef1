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

import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.messages;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;

/**
 * Metadata that schema-walking tools can use (issue 12, part 4), raw odps-jdbc 3.4.2 beside
 * lakeproxy: terms and flags, Connection.getSchema(), primary keys, getColumns without a schema, no
 * RuntimeException, network timeout, and a real tool (SchemaCrawler 16.21.2) crawling project →
 * schema → table → columns and primary keys.
 */
class ThreeTierMetadataTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("flat"));

    static String rawUrl;
    static Connection raw;
    static Connection lp;

    @BeforeAll
    static void setUp() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().createPaimonDlfProject("demo_lake", "demo_catalog");
        EMU.get()
                .createPaimonTable(
                        "demo_lake",
                        "default",
                        "kpi",
                        List.of("id BIGINT", "name STRING"),
                        null,
                        List.of("id"),
                        4);
        EMU.get().createSchema("demo_lake", "sales");
        EMU.get()
                .createPaimonTable(
                        "demo_lake",
                        "sales",
                        "orders",
                        List.of("order_id BIGINT", "region STRING", "amount DOUBLE"),
                        List.of("ds STRING"),
                        List.of("order_id", "ds"),
                        2);
        EMU.get().execute("flat", "CREATE TABLE items (sku STRING, qty BIGINT)");
        rawUrl = EMU.get().jdbcUrl("demo_lake");
        raw = connect(rawUrl + "&odpsNamespaceSchema=true");
        lp = connect(lake(rawUrl));
    }

    @AfterAll
    static void tearDown() throws SQLException {
        raw.close();
        lp.close();
    }

    @Test
    void termsFlagsAndCurrentSchema() throws SQLException {
        DatabaseMetaData r = raw.getMetaData();
        DatabaseMetaData m = lp.getMetaData();
        assertEquals("project", r.getSchemaTerm(), "odps-jdbc 3.4.2");
        assertFalse(r.supportsSchemasInDataManipulation());
        assertNull(raw.getSchema(), "odps-jdbc 3.4.2: no schema until one is set");
        assertEquals("schema", m.getSchemaTerm());
        assertEquals("project", m.getCatalogTerm());
        assertTrue(m.supportsSchemasInDataManipulation() && m.supportsSchemasInTableDefinitions());
        assertEquals("default", lp.getSchema());
        try (Connection c = connect(lake(rawUrl))) {
            update(c, "USE SCHEMA sales");
            assertEquals("sales", c.getSchema());
        }
    }

    @Test
    void primaryKeysAndColumnsWithoutASchema() throws SQLException {
        assertEquals(
                List.of(),
                keys(raw.getMetaData(), "sales", "orders"),
                "odps-jdbc 3.4.2 reports none");
        assertEquals(List.of("order_id", "ds"), keys(lp.getMetaData(), "sales", "orders"));
        assertEquals(
                List.of("id"), keys(lp.getMetaData(), null, "kpi"), "no schema: the current one");
        try (ResultSet rs = lp.getMetaData().getColumns("demo_lake", null, "orders", null)) {
            List<String> cols = new ArrayList<>();
            while (rs.next()) {
                cols.add(
                        rs.getString("TABLE_CAT")
                                + "."
                                + rs.getString("TABLE_SCHEM")
                                + "."
                                + rs.getString("TABLE_NAME")
                                + "."
                                + rs.getString("COLUMN_NAME"));
            }
            assertEquals(List.of("demo_lake.sales.orders.order_id", "demo_lake.sales.orders.region",
                    "demo_lake.sales.orders.amount", "demo_lake.sales.orders.ds"), cols);
        }
        List<String> rawSchemas = new ArrayList<>();
        try (ResultSet rs = raw.getMetaData().getColumns("demo_lake", null, "orders", null)) {
            while (rs.next()) {
                rawSchemas.add(rs.getString("TABLE_SCHEM"));
            }
        } catch (SQLException rawFails) {
            rawSchemas.add("failed: " + rawFails.getMessage());
        }
        assertFalse(
                rawSchemas.contains("sales"),
                "odps-jdbc 3.4.2 does not give the table's schema: " + rawSchemas);
    }

    @Test
    void noRuntimeExceptionFromAnyMetadataCall() throws SQLException {
        String[][] calls = {
            {null, null, null},
            {"demo_lake", "default", null},
            {"demo_lake", "no_such_schema", "%"},
            {"no_such_project", null, null}
        };
        List<String> rawRuntime = new ArrayList<>();
        for (String[] a : calls) {
            try (ResultSet rs = raw.getMetaData().getFunctions(a[0], a[1], a[2])) {
                rs.next();
            } catch (RuntimeException bug) {
                rawRuntime.add(
                        String.join(",", List.of(String.valueOf(a[0]), String.valueOf(a[1])))
                                + ": "
                                + bug);
            } catch (SQLException fine) {
                // an SQLException is what JDBC callers handle
            }
            try (ResultSet rs = lp.getMetaData().getFunctions(a[0], a[1], a[2])) {
                rs.next();
            } catch (SQLException fine) {
                assertFalse(
                        fine instanceof java.sql.SQLFeatureNotSupportedException, fine.toString());
            }
            try (ResultSet rs = lp.getMetaData().getTables(a[0], a[1], a[2], null)) {
                rs.next();
            } catch (SQLException fine) {
                // no RuntimeException gets here
            }
        }
        System.out.println(
                "raw odps-jdbc 3.4.2 getFunctions RuntimeExceptions on the emulator: "
                        + rawRuntime);
    }

    @Test
    void networkTimeoutIsAnsweredWithoutOdpsJdbc() throws SQLException {
        assertThrows(java.sql.SQLFeatureNotSupportedException.class, () -> raw.getNetworkTimeout());
        int before = lp.getNetworkTimeout();
        assertTrue(before > 0, "the SDK's REST read timeout: " + before);
        lp.setNetworkTimeout(Executors.newSingleThreadExecutor(), 30_000);
        assertEquals(30_000, lp.getNetworkTimeout());
        lp.setNetworkTimeout(null, before);
    }

    @Test
    void schemaCrawlerWalksProjectSchemaTableColumnsAndKeys() throws Exception {
        TreeMap<String, String> lpTree = crawl(lake(rawUrl));
        assertEquals("id*,name", lpTree.get("demo_lake.default.kpi"), lpTree.toString());
        assertEquals(
                "order_id*,region,amount,ds*",
                lpTree.get("demo_lake.sales.orders"),
                lpTree.toString());
        // raw odps-jdbc 3.4.2 fails the same crawl: its getTables walks every schema itself (here
        // it stops at
        // "system"), and its getColumns takes the schema for a project ("Could not retrieve table
        // columns")
        Exception rawError =
                assertThrows(Exception.class, () -> crawl(rawUrl + "&odpsNamespaceSchema=true"));
        assertTrue(
                messages(rawError).contains("Could not retrieve table columns")
                        || messages(rawError).contains("Schema not found"),
                messages(rawError));
    }

    @Test
    void schemaCrawlerInATwoTierProject() throws Exception {
        TreeMap<String, String> tree = crawl(lake(EMU.get().jdbcUrl("flat")));
        assertTrue(tree.toString().contains("items=sku,qty"), tree.toString());
    }

    /** Table → its columns (primary-key columns marked *), as SchemaCrawler sees the database. */
    private static TreeMap<String, String> crawl(String url) throws Exception {
        // the emulator lists schema "system" (seed: SHOW schemas) but has no tables for it: the
        // crawl keeps to the
        // schemas that hold tables
        SchemaCrawlerOptions options =
                SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                        .withLimitOptions(
                                LimitOptionsBuilder.builder()
                                        .includeSchemas(Pattern.compile("(?!.*system).*"))
                                        .toOptions())
                        .withLoadOptions(
                                LoadOptionsBuilder.builder()
                                        .withSchemaInfoLevel(SchemaInfoLevelBuilder.standard())
                                        .toOptions());
        return SchemaCrawl.tables(SchemaCrawl.catalog(url, options));
    }

    private static List<String> keys(DatabaseMetaData md, String schema, String table)
            throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys("demo_lake", schema, table)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }
}
