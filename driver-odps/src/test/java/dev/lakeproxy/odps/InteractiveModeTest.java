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
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.TABLESTORE_LOCATION;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.SubmittedJob;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * odps-jdbc's interactive (MCQA) mode through lakeproxy: {@code interactiveMode=true} opens as with
 * raw odps-jdbc, queries run as session sub queries, and writes (which MCQA declines, so odps-jdbc
 * runs them offline) still get the plugin's rewrites.
 */
class InteractiveModeTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(
                    b -> b.project("mcqa").tablestoreWriters(4).tablestoreBatchRows(50));

    static Connection lp;

    @BeforeAll
    static void setUp() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().tablestore().createTable("ots_tpch_orders");
        lp = connect(lake(EMU.get().jdbcUrl("mcqa", "interactiveMode=true")));
        update(lp, tablestoreDdl("ots_orders", "odps_orderkey bigint, odps_custkey bigint",
                ":o_orderkey,o_custkey", "ots_tpch_orders", TABLESTORE_LOCATION));
        update(lp, "CREATE TABLE internal_orders (odps_orderkey BIGINT, odps_custkey BIGINT)");
        update(lp, "INSERT INTO internal_orders VALUES (1, 10), (2, 20), (3, 30)");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        lp.close();
    }

    @Test
    void queriesRunInTheSession() throws SQLException {
        EMU.get().clearJobs();
        assertEquals(
                Arrays.asList(Arrays.asList((Object) 1L, 10L), Arrays.asList((Object) 2L, 20L)),
                rows(
                        lp,
                        "SELECT odps_orderkey, odps_custkey FROM internal_orders WHERE"
                            + " odps_orderkey < 3 ORDER BY odps_orderkey LIMIT 10"));
        List<SubmittedJob> jobs = EMU.get().jobs();
        assertTrue(
                jobs.get(jobs.size() - 1).interactive(),
                "the query ran as a session sub query: " + jobs);
    }

    @Test
    void writesFallBackOfflineWithTheScatterRewrite() throws SQLException {
        EMU.get().clearJobs();
        assertEquals(
                3,
                update(
                        lp,
                        "INSERT OVERWRITE TABLE ots_orders SELECT odps_orderkey, odps_custkey"
                                + " FROM internal_orders;"));
        assertEquals("rand()", EMU.get().lastTablestoreWrite().distributeBy());
        SubmittedJob write =
                EMU.get().jobs().stream()
                        .filter(j -> j.sql().contains("ots_orders") && j.succeeded())
                        .reduce((a, b) -> b)
                        .get();
        assertFalse(write.interactive(), "MCQA runs only SELECT; odps-jdbc ran the INSERT offline");
        assertTrue(write.sql().contains("DISTRIBUTE BY rand()"), write.sql());
        assertEquals(3, EMU.get().tablestore().rows("ots_tpch_orders").size());
    }
}
