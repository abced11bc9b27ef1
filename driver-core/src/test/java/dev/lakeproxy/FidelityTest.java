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
package dev.lakeproxy;

import static dev.lakeproxy.FidelityTranscripts.lake;
import static dev.lakeproxy.FidelityTranscripts.outcome;
import static dev.lakeproxy.FidelityTranscripts.raw;
import static dev.lakeproxy.FidelityTranscripts.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.FidelityTranscripts.Scenario;
import dev.lakeproxy.testing.EmbeddedPg;
import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential fidelity: the same corpus runs through raw pgjdbc and through lakeproxy, each on its
 * own fresh database, and every result, update count, warning and error (SQLState and message) must
 * be identical.
 */
class FidelityTest {

    @TestFactory
    List<DynamicTest> scriptedCorpusBehavesIdentically() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : FidelityCorpus.groups().entrySet()) {
            tests.add(
                    DynamicTest.dynamicTest(
                            group.getKey() + " (" + group.getValue().size() + " statements)",
                            () -> {
                                try (Connection r = raw(EmbeddedPg.freshDatabase());
                                        Connection l = lake(EmbeddedPg.freshDatabase())) {
                                    assertTrue(l.isWrapperFor(LakeproxyConnection.class));
                                    for (String sql : group.getValue()) {
                                        assertEquals(
                                                run(r, sql), run(l, sql), () -> "differs: " + sql);
                                    }
                                }
                            }));
        }
        return tests;
    }

    @Test
    void apiScenariosBehaveIdentically() throws Exception {
        try (Connection r = raw(EmbeddedPg.freshDatabase());
                Connection l = lake(EmbeddedPg.freshDatabase())) {
            List<Scenario> scenarios = ApiScenarios.all();
            for (int i = 0; i < scenarios.size(); i++) {
                String expected = outcome(scenarios.get(i), r);
                assertEquals(expected, outcome(scenarios.get(i), l), "scenario " + i);
            }
        }
    }

    @Test
    void corpusHasAtLeastThreeHundredStatements() throws IOException {
        int scripted = FidelityCorpus.groups().values().stream().mapToInt(List::size).sum();
        int total = scripted + ApiScenarios.all().size();
        assertTrue(total >= 300, "corpus size " + total);
    }
}
