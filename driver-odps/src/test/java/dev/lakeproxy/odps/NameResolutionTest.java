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

import static dev.lakeproxy.odps.PluginTestSupport.explain;
import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.TABLESTORE_LOCATION;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.messages;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.odps.jdbc.OdpsConnection;
import dev.lakeproxy.Explanation;
import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One name resolver for every rule (issue 12, part 1): t, s.t, p.t, p.s.t and backticks, after USE
 * SCHEMA, in a three-tier and a two-tier project; the rules that depend on it (Paimon guard,
 * Tablestore scatter, TIMESTAMP precision) see two-part names as schema.table; and USE SCHEMA of a
 * missing schema fails at once. Raw odps-jdbc 3.4.2 alongside.
 */
class NameResolutionTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("flat"));

    static final Map<String, String> SCHEMA_SYNTAX = Map.of("odps.namespace.schema", "true");
    static String rawUrl;
    static Connection raw;
    static Connection lp;

    @BeforeAll
    static void setUp() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().createPaimonDlfProject("nr", "nr_catalog");
        EMU.get()
                .createPaimonTable(
                        "nr",
                        "default",
                        "dyn_emp",
                        List.of("id BIGINT", "name STRING"),
                        null,
                        List.of("id"),
                        null);
        EMU.get()
                .createPaimonTable(
                        "nr",
                        "default",
                        "ts3",
                        List.of("id BIGINT", "t TIMESTAMP(3)"),
                        null,
                        null,
                        2);
        EMU.get().createSchema("nr", "other");
        EMU.get()
                .createPaimonTable(
                        "nr",
                        "other",
                        "dyn_emp",
                        List.of("id BIGINT", "name STRING"),
                        null,
                        null,
                        2);
        EMU.get().tablestore().createTable("ots_three");
        EMU.get()
                .execute(
                        "nr",
                        tablestoreDdl(
                                "default.ots3",
                                "k bigint, v string",
                                ":k,v",
                                "ots_three",
                                TABLESTORE_LOCATION),
                        SCHEMA_SYNTAX);
        EMU.get().execute("nr", "CREATE TABLE default.src (k BIGINT, v STRING)", SCHEMA_SYNTAX);
        EMU.get()
                .execute(
                        "nr", "INSERT INTO default.src VALUES (1L, 'a'), (2L, 'b')", SCHEMA_SYNTAX);
        rawUrl = EMU.get().jdbcUrl("nr", "odpsNamespaceSchema=true");
        raw = connect(rawUrl);
        lp = connect(lake(rawUrl));
    }

    @AfterAll
    static void tearDown() throws SQLException {
        raw.close();
        lp.close();
    }

    private static NameResolver resolver(Connection c) throws SQLException {
        return new NameResolver(c.unwrap(OdpsConnection.class));
    }

    private static String resolve(NameResolver r, String insert) {
        return r.resolve(ScannedSql.scan(insert + " VALUES (1)").insert().target).toString();
    }

    @Test
    void everyFormInAThreeTierProject() throws SQLException {
        try (Connection c = connect(rawUrl)) {
            NameResolver r = resolver(c);
            assertEquals(
                    "nr.default.t", resolve(r, "INSERT INTO t"), "unqualified: the current schema");
            assertEquals("nr.sales.t", resolve(r, "INSERT INTO sales.t"), "a.b is schema.table");
            assertEquals("p.s.t", resolve(r, "INSERT INTO p.s.t"));
            assertEquals(
                    "nr.my s.my t",
                    resolve(r, "INSERT INTO `my s`.`my t`"),
                    "backticks on any part");
            assertEquals("p.s.t", resolve(r, "INSERT INTO `p`.s.`t`"));
            c.setSchema(
                    "other"); // what USE SCHEMA does through lakeproxy (the SDK's current schema)
            assertEquals(
                    "nr.other.t",
                    resolve(r, "INSERT INTO t"),
                    "after USE SCHEMA, unqualified names move");
            assertEquals("nr.default.t", resolve(r, "INSERT INTO default.t"));
        }
        try (Connection c = connect(rawUrl + "&schema=other")) {
            assertEquals(
                    "nr.other.t",
                    resolve(resolver(c), "INSERT INTO t"),
                    "the URL's schema= is the current schema");
        }
    }

    @Test
    void everyFormInATwoTierProject() throws SQLException {
        try (Connection c = connect(EMU.get().jdbcUrl("flat"))) {
            NameResolver r = resolver(c);
            assertFalse(r.threeTier());
            assertEquals("flat.t", resolve(r, "INSERT INTO t"));
            assertEquals(
                    "other_project.t",
                    resolve(r, "INSERT INTO other_project.t"),
                    "a.b is project.table");
            assertEquals("other_project.t", resolve(r, "INSERT INTO `other_project`.`t`"));
            assertEquals("p.s.t", resolve(r, "INSERT INTO p.s.t"));
        }
    }

    @Test
    void schemaQualifiedDynamicBucketInsertIsRefused() throws SQLException {
        for (String target :
                List.of(
                        "default.dyn_emp",
                        "`default`.`dyn_emp`",
                        "nr.default.dyn_emp",
                        "dyn_emp")) {
            String sql = "INSERT INTO " + target + " VALUES (1, 'a')";
            SQLException rawError = assertThrows(SQLException.class, () -> update(raw, sql));
            assertTrue(
                    messages(rawError)
                            .contains("Writing to Dynamic Bucket tables is not supported"),
                    messages(rawError));
            EMU.get().clearJobs();
            SQLException e = assertThrows(SQLException.class, () -> update(lp, sql));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "lakeproxy refused to write to nr.default.dyn_emp before"
                                        + " submitting"),
                    target + ": " + e.getMessage());
            assertTrue(EMU.get().jobs().isEmpty(), target + ": nothing reached the server");
        }
        // other.dyn_emp is a fixed-bucket table of the same name: schema.table must not be read as
        // table.table
        assertEquals(1, update(lp, "INSERT INTO other.dyn_emp VALUES (1, 'a')"));
    }

    @Test
    void schemaQualifiedTablestoreInsertIsScattered() throws SQLException {
        String sql = "INSERT INTO default.ots3 SELECT k, v FROM default.src";
        Explanation x = explain(lp, sql);
        assertEquals(
                "INSERT INTO default.ots3 SELECT k, v FROM (SELECT * FROM default.src DISTRIBUTE BY"
                    + " rand()) src",
                x.finalSql(),
                x.actions().toString());
        EMU.get().clearJobs();
        assertEquals(2, update(lp, sql));
        assertEquals("rand()", EMU.get().lastTablestoreWrite().distributeBy());
        assertEquals(2, update(raw, sql));
        assertEquals(
                null,
                EMU.get().lastTablestoreWrite().distributeBy(),
                "raw odps-jdbc sends it as written");
        assertTrue(
                explain(lp, "INSERT INTO `default`.`ots3` SELECT k, v FROM src").rewritten(),
                "backticks");
    }

    @Test
    void schemaQualifiedTimestampsAreTruncated() throws SQLException {
        Timestamp t = Timestamp.valueOf("2025-01-01 10:00:00.123456789");
        String sql = "INSERT INTO default.ts3 VALUES (?, ?)";
        // odps-jdbc 3.4.2's executeUpdate() uploads through the tunnel and reads default.ts3 as
        // project.table
        SQLException tunnel =
                assertThrows(
                        SQLException.class,
                        () -> {
                            try (PreparedStatement ps = raw.prepareStatement(sql)) {
                                ps.setLong(1, 1);
                                ps.setTimestamp(2, t);
                                ps.executeUpdate();
                            }
                        });
        assertTrue(messages(tunnel).contains("Project not found - 'default'"), messages(tunnel));
        // execute() sends SQL: raw writes the full value and Paimon keeps 3 places; lakeproxy sends
        // what is kept
        insertTimestamp(raw, sql, 1, t);
        long before = PluginTestSupport.counter(lp, "odps.timestampsTruncated");
        insertTimestamp(lp, sql, 2, t);
        assertEquals(
                before + 1,
                PluginTestSupport.counter(lp, "odps.timestampsTruncated"),
                "default.ts3 resolved");
        String back = rows(lp, "SELECT t FROM default.ts3 WHERE id = 2").get(0).get(0).toString();
        assertTrue(
                back.contains("10:00:00.123") && !back.contains("123456"),
                "the read-back equals the value sent: " + back);
    }

    private static void insertTimestamp(Connection c, String sql, long id, Timestamp t)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setTimestamp(2, t);
            ps.execute();
        }
    }

    @Test
    void useSchemaOfAMissingSchemaFailsAtOnceAndChangesNothing() throws SQLException {
        try (Connection c = connect(lake(rawUrl)); Statement st = c.createStatement()) {
            st.execute("USE SCHEMA other");
            EMU.get().clearJobs();
            SQLException e =
                    assertThrows(SQLException.class, () -> st.execute("USE SCHEMA no_such_schema"));
            assertEquals("3F000", e.getSQLState());
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "USE SCHEMA no_such_schema failed: project nr has no schema"
                                        + " no_such_schema. Nothing was changed: unqualified names"
                                        + " still resolve in schema other."),
                    e.getMessage());
            assertTrue(EMU.get().jobs().isEmpty(), "nothing was sent");
            assertEquals("other", c.getSchema());
            assertEquals(
                    1,
                    rows(c, "SELECT count(*) FROM dyn_emp").size(),
                    "the next statement works, in schema other");
        }
        // raw odps-jdbc 3.4.2: USE SCHEMA is taken for USE <project "schema ...">, and the next
        // statement fails
        try (Connection r = connect(rawUrl);
                Statement st = r.createStatement()) {
            st.execute("USE SCHEMA no_such_schema");
            SQLException later =
                    assertThrows(
                            SQLException.class,
                            () -> st.executeQuery("SELECT count(*) FROM dyn_emp"));
            assertTrue(messages(later).contains("Project not found"), messages(later));
        }
    }
}
