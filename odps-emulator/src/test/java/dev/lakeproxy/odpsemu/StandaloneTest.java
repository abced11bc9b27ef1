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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command-line entry point and its sample, started from plain Java (no JUnit extension). */
class StandaloneTest {

    @Test
    void helpPrintsUsageAndStartsNothing() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertNull(Main.start(new String[] {"--help"}, new PrintStream(buf, true)));
        assertTrue(buf.toString().contains("--port N"));
        assertThrows(
                IllegalArgumentException.class,
                () -> Main.start(new String[] {"--bogus"}, System.out));
    }

    @Test
    void cliStartsSeedsTheSampleAndPrintsAWorkingUrl() throws SQLException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        try (MaxComputeEmulator emu =
                Main.start(new String[] {"--port", "0"}, new PrintStream(buf, true))) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String printed = buf.toString(StandardCharsets.UTF_8);
            System.out.println("standalone start-up with sample: " + ms + " ms");
            String url =
                    printed.lines()
                            .filter(l -> l.contains("odps-jdbc:"))
                            .findFirst()
                            .get()
                            .replaceFirst(".*odps-jdbc:\\s*", "")
                            .trim();
            assertEquals(emu.jdbcUrl("demo"), url);
            try (Connection c = connect(url)) {
                assertEquals(List.of(List.of(3L)), rows(c, "SELECT count(*) FROM internal_orders"));
                assertEquals(
                        3,
                        update(
                                c,
                                "INSERT INTO ots_table_external SELECT odps_orderkey,"
                                    + " odps_orderdate, odps_custkey, 'SHIPPED', odps_totalprice"
                                    + " FROM internal_orders"));
                assertEquals(3, emu.tablestore().rows("ots_tpch_orders").size());
            }
            try (Connection c = connect(emu.jdbcUrl("demo_lake", "odpsNamespaceSchema=true"))) {
                assertEquals(
                        List.of(List.of(101, "Zhang San"), List.of(102, "Li Si")),
                        rows(c, "SELECT * FROM test_table ORDER BY id LIMIT 100"));
                SQLException e =
                        assertThrows(
                                SQLException.class,
                                () -> update(c, "INSERT INTO dynamic_emp VALUES (1, 'x')"));
                assertTrue(e.getMessage().contains("Dynamic Bucket"), e.getMessage());
            }
            assertTrue(ms < 30_000, "start-up took " + ms + " ms");
        }
    }
}
