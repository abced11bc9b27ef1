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
package dev.lakeproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import org.junit.jupiter.api.Test;

/**
 * The MaxCompute driver jar alone in a fresh JVM, through DriverManager, on the MaxCompute
 * emulator.
 */
class MaxComputeJarIT {

    @Test
    void theSeedScenarioRunsThroughOdpsJdbc() throws Exception {
        try (MaxComputeEmulator emu = MaxComputeEmulator.builder().project("probe").start()) {
            Jars.Result r =
                    Jars.probe(
                            Jars.maxcompute(),
                            "jdbc:lakeproxy:" + emu.jdbcUrl("probe").substring(5),
                            emu.accessId(),
                            emu.accessKey(),
                            "CREATE TABLE t (id BIGINT, name STRING)",
                            "INSERT INTO t VALUES (1, 'Zhang San'), (2, 'Li Si')",
                            "SELECT id, name FROM t ORDER BY id LIMIT 10");
            assertEquals(0, r.exit, r.out);
            assertTrue(r.out.contains("driver=dev.lakeproxy.Driver"), r.out);
            assertTrue(r.out.contains("rows=1,Zhang San|2,Li Si"), r.out);
        }
    }
}
