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
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Connection, Statement, PreparedStatement and ResultSet calls tools make ({@link ToolCalls}),
 * raw odps-jdbc 3.4.2 beside lakeproxy on the emulator: through lakeproxy no unchecked exception
 * escapes, each call gives the answer JDBC expects, and only calls whose javadoc lets a driver
 * refuse them may be refused (an SQLException with a message).
 */
class JdbcCallsConformanceTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("tools"));

    private static final List<ToolCall> CALLS = new ArrayList<>();
    /** Per call: the raw outcome, then lakeproxy's (an answer, or what was thrown). */
    private static final Map<ToolCall, Object[]> OUTCOMES = new LinkedHashMap<>();

    @BeforeAll
    static void callEverything() throws SQLException {
        OdpsPlugin.clearCaches();
        ToolCalls.SETUP.forEach(sql -> EMU.get().execute("tools", sql));
        CALLS.addAll(ToolCalls.connection());
        CALLS.addAll(ToolCalls.statement());
        CALLS.addAll(ToolCalls.prepared(EMU.get()));
        CALLS.addAll(ToolCalls.resultSet());
        String raw = EMU.get().jdbcUrl("tools");
        String lp = lake(raw);
        try (Connection r = connect(raw); Connection l = connect(lp)) {
            for (ToolCall call : CALLS) {
                OUTCOMES.put(call, new Object[] {call.outcome(r, raw), call.outcome(l, lp)});
            }
        }
        printFigures();
    }

    private static void printFigures() {
        for (int side = 0; side < 2; side++) {
            int expected = 0;
            int refused = 0;
            int unchecked = 0;
            for (Map.Entry<ToolCall, Object[]> e : OUTCOMES.entrySet()) {
                Object o = e.getValue()[side];
                expected += !(o instanceof Throwable) && e.getKey().expected.test(o) ? 1 : 0;
                refused += o instanceof SQLException ? 1 : 0;
                unchecked += o instanceof Throwable && !(o instanceof SQLException) ? 1 : 0;
            }
            System.out.printf("%s: %d calls, %d answered as JDBC expects, %d SQLException,"
                    + " %d unchecked%n", side == 0 ? "raw odps-jdbc" : "lakeproxy", CALLS.size(),
                    expected, refused, unchecked);
        }
        OUTCOMES.forEach((call, o) -> System.out.printf("%-62s | raw: %s | lakeproxy: %s%n",
                call.name, shown(o[0]), shown(o[1])));
    }

    private static String shown(Object outcome) {
        String s = outcome instanceof Throwable ? outcome.getClass().getSimpleName() + ": "
                + ((Throwable) outcome).getMessage() : String.valueOf(outcome);
        return s.length() > 110 ? s.substring(0, 110) + "..." : s;
    }

    @Test
    void noUncheckedExceptionEscapesThroughLakeproxy() {
        List<String> unchecked = new ArrayList<>();
        OUTCOMES.forEach((call, o) -> {
            if (o[1] instanceof Throwable && !(o[1] instanceof SQLException)) {
                unchecked.add(call.name + ": " + o[1]);
            }
        });
        assertEquals(List.of(), unchecked);
    }

    @Test
    void throughLakeproxyEachCallAnswersAsJdbcExpectsOrIsRefusedWhereJdbcAllowsIt() {
        List<String> wrong = new ArrayList<>();
        OUTCOMES.forEach((call, o) -> {
            if (!call.acceptable(o[1])) {
                wrong.add(call.name + ": " + shown(o[1]));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void preparedGetMetaDataRunsTheInsertRawButNotThroughLakeproxy() {
        Object[] o = OUTCOMES.get(CALLS.stream()
                .filter(c -> c.name.contains("getMetaData of an INSERT")).findFirst().get());
        assertEquals(1, o[0], "odps-jdbc 3.4.2 runs the statement to describe it");
        assertEquals(0, o[1]);
    }
}
