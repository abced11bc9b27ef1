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
package dev.lakeproxy.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short version of the fault load (docs/reliability.md, case 11) that CI runs: 20 s per
 * stand-in through lakeproxy, a connection dropped every 2 s on average. The ten-minute run with
 * raw beside it is {@link FaultLoad}.
 */
class FaultLoadTest {

    private static FaultLoad.Shape shortRun() {
        FaultLoad.Shape shape = new FaultLoad.Shape();
        shape.duration = Duration.ofSeconds(20);
        shape.dropEvery = Duration.ofSeconds(2);
        return shape;
    }

    private static void holds(LoadReport r) {
        System.out.println(LoadReport.header());
        System.out.println(r.row());
        System.out.print(r.samples());
        assertEquals(0, r.lostWrites, "acknowledged writes lost");
        assertEquals(0, r.duplicatedWrites, "writes run twice");
        assertEquals(0, r.wrongEngineReads, "reads on the wrong engine");
        assertEquals(0, r.wrongResults, "wrong answers");
        assertEquals(0, r.hung, "operations that hung");
        assertTrue(r.drops > 0, "the fault proxy dropped connections");
        assertTrue(r.acknowledgedWrites > 0 && r.operations > 50, "work got done: " + r.row());
    }

    @Test
    void hologresUnderDroppedConnections() throws Exception {
        holds(FaultLoad.holo(true, shortRun()));
    }

    @Test
    void maxComputeUnderDroppedConnections() throws Exception {
        holds(FaultLoad.odps(true, shortRun()));
    }
}
