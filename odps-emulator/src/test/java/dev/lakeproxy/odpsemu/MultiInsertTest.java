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
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MULTI INSERT: one source, several destinations, each through the INSERT rules, all or nothing.
 */
class MultiInsertTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("m"));

    @BeforeAll
    static void tables() {
        MaxComputeEmulator emu = EMU.get();
        emu.execute("m", "CREATE TABLE sale_detail (shop STRING, price BIGINT, region STRING)");
        emu.execute(
                "m",
                "INSERT INTO sale_detail VALUES ('s1', 10L, 'china'), ('s2', 20L, 'china'),"
                        + " ('s3', 30L, 'japan')");
        emu.execute(
                "m",
                "CREATE TABLE sale_multi (shop STRING, price BIGINT) PARTITIONED BY (region"
                    + " STRING)");
        emu.execute("m", "CREATE TABLE plain_multi (shop STRING)");
        emu.createPaimonDlfProject("lake", "cat");
        emu.createPaimonTable(
                "lake", "default", "dyn", List.of("shop STRING"), null, List.of("shop"), null);
        emu.createPaimonTable(
                "lake", "default", "fixed", List.of("shop STRING"), null, List.of("shop"), 2);
    }

    private static String rows(String sql) {
        return EMU.get().execute("m", sql);
    }

    @Test
    void eachBranchWritesItsDestinationAndTheCountsAddUp() throws SQLException {
        try (Connection c = connect(EMU.get().jdbcUrl("m"))) {
            assertEquals(
                    3,
                    update(
                            c,
                            "FROM sale_detail\n"
                                + "INSERT OVERWRITE TABLE sale_multi PARTITION (region='china')\n"
                                + "  SELECT shop, price WHERE region = 'china'\n"
                                + "INSERT OVERWRITE TABLE sale_multi PARTITION (region='japan')\n"
                                + "  SELECT shop, price WHERE region = 'japan' ORDER BY shop LIMIT"
                                + " 10;"));
        }
        assertEquals(
                "\"shop\",\"price\",\"region\"\ns1,10,china\ns2,20,china\ns3,30,japan\n",
                rows(
                        "SELECT * FROM sale_multi WHERE region IN ('china', 'japan') ORDER BY shop"
                            + " LIMIT 10"));
    }

    @Test
    void lineCommentsStayWhereTheyWere() {
        rows(
                "FROM sale_detail -- the source\n"
                    + "INSERT OVERWRITE TABLE sale_multi PARTITION (region='c1') SELECT shop, price"
                    + " -- the columns\n"
                    + "WHERE price < 15\n"
                    + "INSERT OVERWRITE TABLE sale_multi PARTITION (region='c2') SELECT shop,"
                    + " price\n"
                    + "WHERE price > 25 -- the last branch");
        assertEquals(
                "\"shop\",\"region\"\ns1,c1\ns3,c2\n",
                rows(
                        "SELECT shop, region FROM sale_multi WHERE region LIKE 'c%' ORDER BY shop"
                            + " LIMIT 10"));
    }

    @Test
    void aPartitionTwiceIsRefusedAndNothingIsWritten() {
        OdpsSqlException e =
                assertThrows(
                        OdpsSqlException.class,
                        () ->
                                rows(
                                        "FROM sale_detail INSERT INTO TABLE sale_multi PARTITION"
                                            + " (region='x') SELECT shop, price INSERT INTO TABLE"
                                            + " sale_multi PARTITION (region='x') SELECT shop,"
                                            + " price"));
        assertTrue(e.getMessage().startsWith("ODPS-0130071"), e.getMessage());
        assertEquals("\"_c0\"\n0\n", rows("SELECT count(*) FROM sale_multi WHERE region = 'x'"));
    }

    @Test
    void aPlainTableTakesInsertIntoTwiceButNotOverwriteWithInto() {
        rows("FROM sale_detail INSERT INTO TABLE plain_multi SELECT shop WHERE price < 15"
                + " INSERT INTO TABLE plain_multi SELECT shop WHERE price > 25");
        assertEquals("\"_c0\"\n2\n", rows("SELECT count(*) FROM plain_multi"));
        OdpsSqlException e =
                assertThrows(
                        OdpsSqlException.class,
                        () ->
                                rows(
                                        "FROM sale_detail INSERT OVERWRITE TABLE plain_multi SELECT"
                                            + " shop INSERT INTO TABLE plain_multi SELECT shop"));
        assertTrue(e.getMessage().contains("overwritten and written"), e.getMessage());
        assertEquals("\"_c0\"\n2\n", rows("SELECT count(*) FROM plain_multi"));
    }

    @Test
    void everyBranchMeetsThePaimonRulesAndAFailingBranchUndoesTheOthers() {
        MaxComputeEmulator emu = EMU.get();
        java.util.Map<String, String> ns = java.util.Map.of("odps.namespace.schema", "true");
        OdpsSqlException e =
                assertThrows(
                        OdpsSqlException.class,
                        () ->
                                emu.execute(
                                        "lake",
                                        "FROM (SELECT 'a' AS shop) s INSERT INTO TABLE"
                                            + " default.fixed SELECT shop INSERT INTO TABLE"
                                            + " default.dyn SELECT shop",
                                        ns));
        assertTrue(e.getMessage().contains("Dynamic Bucket"), e.getMessage());
        assertEquals("\"_c0\"\n0\n", emu.execute("lake", "SELECT count(*) FROM default.fixed", ns));
    }
}
