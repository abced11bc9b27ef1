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

import com.aliyun.odps.Odps;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MAXCOMPUTE_PUBLIC_DATA: visible to and readable by every user across projects, writable by
 * nobody, no jobs inside it (real odps-jdbc and the SDK).
 */
class PublicDataProjectTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("mine"));

    static Connection conn;

    @BeforeAll
    static void setUp() throws SQLException {
        EMU.get()
                .createPublicDataProject(
                        "CREATE TABLE shares (code STRING, name STRING)",
                        "INSERT INTO shares VALUES ('600000', 'PF Bank')");
        conn = connect(EMU.get().jdbcUrl("mine"));
    }

    @AfterAll
    static void tearDown() throws SQLException {
        conn.close();
    }

    @Test
    void odpsJdbcListsItNextToTheDefaultProject() throws SQLException {
        List<String> catalogs = new ArrayList<>();
        try (ResultSet rs = conn.getMetaData().getCatalogs()) {
            while (rs.next()) {
                catalogs.add(rs.getString("TABLE_CAT"));
            }
        }
        assertTrue(catalogs.contains("MAXCOMPUTE_PUBLIC_DATA"), catalogs.toString());
        assertTrue(catalogs.contains("mine"), catalogs.toString());
    }

    @Test
    void everyUserReadsItAcrossProjects() throws SQLException {
        assertEquals(
                Arrays.asList(Arrays.asList((Object) "600000", "PF Bank")),
                rows(conn, "SELECT code, name FROM MAXCOMPUTE_PUBLIC_DATA.shares"));
    }

    @Test
    void nobodyWritesToIt() {
        for (String write :
                Arrays.asList(
                        "INSERT INTO MAXCOMPUTE_PUBLIC_DATA.shares VALUES ('1', 'x')",
                        "CREATE TABLE MAXCOMPUTE_PUBLIC_DATA.mine_too (id BIGINT)",
                        "DROP TABLE MAXCOMPUTE_PUBLIC_DATA.shares",
                        "TRUNCATE TABLE MAXCOMPUTE_PUBLIC_DATA.shares")) {
            SQLException e = assertThrows(SQLException.class, () -> update(conn, write), write);
            assertTrue(
                    e.getMessage().contains("ODPS-0130013")
                            && e.getMessage().contains("You have NO privilege 'odps:"),
                    write + ": " + e.getMessage());
        }
        assertEquals(
                1,
                EMU.get()
                                .execute(
                                        "mine",
                                        "SELECT count(*) FROM MAXCOMPUTE_PUBLIC_DATA.shares")
                                .split("\n")
                                .length
                        - 1);
    }

    @Test
    void nobodyRunsJobsOrUploadsInIt() throws Exception {
        try (Connection inside = connect(EMU.get().jdbcUrl("MAXCOMPUTE_PUBLIC_DATA"))) {
            SQLException e =
                    assertThrows(SQLException.class, () -> rows(inside, "SELECT * FROM shares"));
            assertTrue(e.getMessage().contains("ODPS-0420095"), e.getMessage());
        } catch (SQLException connectRefused) {
            assertTrue(
                    connectRefused.getMessage().contains("ODPS-0420095"),
                    connectRefused.getMessage());
        }
        MaxComputeEmulator emu = EMU.get();
        Odps odps = SdkClients.odps(emu, "mine");
        TunnelException e =
                assertThrows(
                        TunnelException.class,
                        () ->
                                new TableTunnel(odps)
                                        .createUploadSession("MAXCOMPUTE_PUBLIC_DATA", "shares"));
        assertTrue(e.getMessage().contains("ODPS-0420095"), e.getMessage());
    }
}
