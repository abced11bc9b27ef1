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
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.jdbc.OdpsConnection;
import com.aliyun.odps.task.SQLTask;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paimon_DLF external projects (seed maxcompute-paimon-dlf-external-project.txt) through the real
 * odps-jdbc.
 */
class PaimonDlfTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("home"));

    static Connection conn;

    @BeforeAll
    static void setUp() throws SQLException {
        EMU.get().createPaimonDlfProject("lake", "dlf_catalog");
        conn = connect(EMU.get().jdbcUrl("lake", "odpsNamespaceSchema=true", "schema=default"));
    }

    @AfterAll
    static void tearDown() throws SQLException {
        conn.close();
    }

    private static String taskResult(Connection c, String sql) throws Exception {
        Odps odps = c.unwrap(OdpsConnection.class).getOdps();
        java.util.Map<String, String> hints = new java.util.HashMap<>();
        hints.put("odps.namespace.schema", "true");
        Instance i = SQLTask.run(odps, odps.getDefaultProject(), sql, hints, null);
        i.waitForSuccess();
        return i.getTaskResults().get("AnonymousSQLTask");
    }

    @Test
    void seedWalkthroughSchemasTablesInsertSelect() throws Exception {
        assertTrue(taskResult(conn, "SHOW schemas;").startsWith("default"));
        update(conn, "CREATE schema ods");
        assertEquals("default\nods\nsystem", taskResult(conn, "SHOW schemas;"));
        update(conn, "CREATE TABLE ods.schema_table(id int, name string)");
        assertEquals(
                2,
                update(
                        conn,
                        "INSERT INTO ods.schema_table VALUES (101, 'Zhang San'), (102, 'Li Si')"));
        assertEquals(
                List.of(List.of(101, "Zhang San"), List.of(102, "Li Si")),
                rows(conn, "SELECT * FROM lake.ods.schema_table ORDER BY id LIMIT 100"));
        String tables = taskResult(conn, "SHOW tables IN ods;");
        assertEquals(EMU.get().root().principal() + " schema_table\n", tables);
        assertEquals(
                "paimon", EMU.get().tableProperties("lake", "ods", "schema_table").get("type"));
    }

    @Test
    void dynamicBucketTablesRefuseWrites() throws SQLException {
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "pk_no_bucket",
                        List.of("id BIGINT", "v STRING"),
                        null,
                        List.of("id"),
                        null);
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "bucket_minus_one",
                        List.of("id BIGINT", "v STRING"),
                        null,
                        null,
                        -1);
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "fixed_bucket",
                        List.of("id BIGINT", "v STRING"),
                        null,
                        List.of("id"),
                        4);
        for (String t : List.of("pk_no_bucket", "bucket_minus_one")) {
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () -> update(conn, "INSERT INTO " + t + " VALUES (1, 'a')"));
            assertTrue(
                    e.getMessage().contains("Writing to Dynamic Bucket tables is not supported"),
                    e.getMessage());
        }
        // the Paimon options are visible in the table metadata (Reserved JSON), as a client would
        // read them
        com.aliyun.odps.Table meta;
        try {
            Odps odps = conn.unwrap(OdpsConnection.class).getOdps();
            meta = odps.tables().get("lake", "default", "pk_no_bucket");
            meta.reload();
            assertTrue(meta.getReserved().contains("\"primary-key\":\"id\""), meta.getReserved());
            meta = odps.tables().get("lake", "default", "bucket_minus_one");
            assertTrue(meta.getReserved().contains("\"bucket\":\"-1\""), meta.getReserved());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(1, update(conn, "INSERT INTO fixed_bucket VALUES (1, 'a')"));
        assertEquals(1, update(conn, "INSERT INTO fixed_bucket VALUES (1, 'b')"));
        assertEquals(
                List.of(List.of(1L, "b")),
                rows(conn, "SELECT * FROM fixed_bucket"),
                "primary key upsert");
    }

    @Test
    void crossPartitionTablesRefuseWrites() throws SQLException {
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "cross_part",
                        List.of("id BIGINT", "v STRING"),
                        List.of("ds STRING"),
                        List.of("id"),
                        2);
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "pk_with_part",
                        List.of("id BIGINT", "v STRING"),
                        List.of("ds STRING"),
                        List.of("id", "ds"),
                        2);
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () ->
                                update(
                                        conn,
                                        "INSERT INTO cross_part PARTITION (ds='20250101') VALUES"
                                                + " (1, 'a')"));
        assertTrue(
                e.getMessage().contains("Writing to Cross Partition tables is not supported"),
                e.getMessage());
        assertEquals(
                1,
                update(conn, "INSERT INTO pk_with_part PARTITION (ds='20250101') VALUES (1, 'a')"));
    }

    @Test
    void timestampsAreTruncatedByPrecision() throws SQLException {
        update(
                conn,
                "CREATE TABLE ts_table (id BIGINT, t3 TIMESTAMP(3), t6 TIMESTAMP(6), t0"
                        + " TIMESTAMP(0), t9 TIMESTAMP(9))");
        update(
                conn,
                "INSERT INTO ts_table VALUES (1, TIMESTAMP '2025-01-01 10:00:00.123789', TIMESTAMP"
                        + " '2025-01-01 10:00:00.123456', TIMESTAMP '2025-01-01 10:00:00.999999',"
                        + " TIMESTAMP '2025-01-01 10:00:00.123456789')");
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT t3, t6, t0, t9 FROM ts_table")) {
            assertTrue(rs.next());
            assertEquals(
                    "2025-01-01 10:00:00.123",
                    rs.getTimestamp(1).toString(),
                    "precision 0-3: 3 decimal places, truncated");
            assertEquals(
                    "2025-01-01 10:00:00.123456",
                    rs.getTimestamp(2).toString(),
                    "precision 4-6: 6 decimal places");
            assertEquals(
                    "2025-01-01 10:00:00.999",
                    rs.getTimestamp(3).toString(),
                    "precision 0: still 3 places, not rounded");
            assertEquals(
                    "2025-01-01 10:00:00.123456789",
                    rs.getTimestamp(4).toString(),
                    "precision 7-9: 9 decimal places");
        }
    }

    @Test
    void userWithoutDlfDataPermission() throws Exception {
        User alice = EMU.get().addRamUser("alice");
        EMU.get().setDlfDataPermission("alice", false);
        try (Connection c = connect(EMU.get().jdbcUrl(alice, "lake", "odpsNamespaceSchema=true"))) {
            Exception e = assertThrows(OdpsException.class, () -> taskResult(c, "SHOW TABLES;"));
            assertEquals(
                    "ODPS-0130013:Authorization exception - Forbidden: User acs:ram::"
                            + MaxComputeEmulator.DEFAULT_UID
                            + ":user/alice doesn't have privilege LIST on DATABASE default",
                    e.getMessage());
            SQLException viaJdbc =
                    assertThrows(
                            SQLException.class, () -> c.createStatement().execute("SHOW TABLES"));
            assertTrue(
                    viaJdbc.getMessage()
                            .contains(
                                    "Forbidden: User acs:ram::"
                                            + MaxComputeEmulator.DEFAULT_UID
                                            + ":user/alice doesn't have privilege LIST on DATABASE"
                                            + " default"),
                    viaJdbc.getMessage());
            SQLException read =
                    assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM fixed_bucket"));
            assertTrue(read.getMessage().contains("doesn't have privilege"), read.getMessage());
            SQLException meta =
                    assertThrows(
                            SQLException.class,
                            () -> c.getMetaData().getTables("lake", "default", null, null));
            // DatabaseMetaData lists the schemas first (SHOW SCHEMAS): the catalog-level LIST is
            // refused
            assertTrue(
                    String.valueOf(meta.getMessage())
                            .contains(
                                    "user/alice doesn't have privilege LIST on CATALOG"
                                            + " dlf_catalog"),
                    meta.getMessage());
        }
        EMU.get().setDlfDataPermission("alice", true);
        try (Connection c = connect(EMU.get().jdbcUrl(alice, "lake", "odpsNamespaceSchema=true"))) {
            assertTrue(taskResult(c, "SHOW TABLES;").contains("acs:ram::"));
        }
    }

    @Test
    void projectsOnOneDlfCatalogShareItsTables() throws Exception {
        EMU.get().createPaimonDlfProject("lake_shared", "shared_catalog");
        EMU.get()
                .createPaimonTable(
                        "lake_shared",
                        "default",
                        "shared_t",
                        List.of("id BIGINT"),
                        null,
                        null,
                        null);
        EMU.get()
                .createPaimonDlfProject(
                        "lake_other",
                        "shared_catalog"); // a second project attached to the same catalog
        try (Connection c = connect(EMU.get().jdbcUrl("lake_shared", "odpsNamespaceSchema=true"))) {
            update(c, "INSERT INTO shared_t VALUES (42)");
        }
        try (Connection c = connect(EMU.get().jdbcUrl("lake_other", "odpsNamespaceSchema=true"))) {
            assertEquals(List.of(List.of(42L)), rows(c, "SELECT id FROM default.shared_t"));
        }
        assertEquals(List.of("default"), EMU.get().schemas("lake_other"));
    }

    @Test
    void ramControlPlaneRefusesExternalProjectCreation() {
        User bob = EMU.get().addRamUser("bob");
        OdpsSqlException e =
                assertThrows(
                        OdpsSqlException.class,
                        () -> EMU.get().createPaimonDlfProject("bobs_lake", "dlf_catalog", bob));
        assertTrue(
                e.getMessage().startsWith("You are not authorized to perform this action"),
                e.getMessage());
        EMU.get().setRamExternalProjectPermission("bob", true);
        EMU.get().createPaimonDlfProject("bobs_lake", "dlf_catalog", bob);
    }

    @Test
    void ramControlPlaneOverRest() throws Exception {
        User carol = EMU.get().addRamUser("carol");
        com.aliyun.odps.Project.ExternalProjectProperties props =
                new com.aliyun.odps.Project.ExternalProjectProperties("paimon_dlf");
        props.addProperty("dlf.catalog", "carol_catalog");
        try (Connection c = connect(EMU.get().jdbcUrl(carol, "home"))) {
            Odps odps = c.unwrap(OdpsConnection.class).getOdps();
            OdpsException e =
                    assertThrows(
                            OdpsException.class,
                            () ->
                                    odps.projects()
                                            .createExternalProject(
                                                    "carol_lake", "", "home", props));
            assertTrue(
                    e.getMessage().contains("You are not authorized to perform this action"),
                    e.getMessage());
            EMU.get().setRamExternalProjectPermission("carol", true);
            odps.projects().createExternalProject("carol_lake", "", "home", props);
            assertTrue(odps.projects().exists("carol_lake"));
        }
        try (Connection c =
                connect(EMU.get().jdbcUrl(carol, "carol_lake", "odpsNamespaceSchema=true"))) {
            update(c, "CREATE TABLE t (id BIGINT)");
            assertEquals(1, update(c, "INSERT INTO t VALUES (1)"));
        }
    }
}
