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

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load run measured; {@link #holds()} is the bar: nothing lost, doubled, misrouted
 * or hung.
 */
final class LoadReport {

    final String target;
    final String driver;
    long seconds;
    long operations;
    long statements;
    final Map<String, Long> errors = new TreeMap<>();

    /** The first message seen for each SQLState of {@link #errors}. */
    final Map<String, String> samples = new TreeMap<>();

    long acknowledgedWrites;
    long lostWrites;
    long duplicatedWrites;
    long wrongEngineReads;
    long wrongResults;
    long hung;
    long drops;
    double p50Millis;
    double p99Millis;
    long heapStartMb;
    long heapEndMb;

    LoadReport(String target, String driver) {
        this.target = target;
        this.driver = driver;
    }

    /**
     * No acknowledged write lost, none run twice, no read on the wrong engine or with a wrong
     * answer, none hung.
     */
    boolean holds() {
        return lostWrites == 0
                && duplicatedWrites == 0
                && wrongEngineReads == 0
                && wrongResults == 0
                && hung == 0;
    }

    /** One line per SQLState: the first message seen with it, shortened. */
    String samples() {
        StringBuilder sb = new StringBuilder();
        samples.forEach(
                (state, message) ->
                        sb.append("  ")
                                .append(state)
                                .append(": ")
                                .append(
                                        message.length() > 240
                                                ? message.substring(0, 240) + "..."
                                                : message)
                                .append('\n'));
        return sb.toString();
    }

    static String header() {
        return "| target | driver | s | operations | statements | errors by SQLState | writes acked"
                   + " | lost | duplicated | wrong engine | wrong result | hung | drops | p50 ms |"
                   + " p99 ms | heap start/end MB |\n"
                   + "|"
                + "---|".repeat(16);
    }

    String row() {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %d | %d | %d | %s | %d | %d | %d | %d | %d | %d | %d "
                        + "| %.1f | %.1f | %d / %d |",
                target,
                driver,
                seconds,
                operations,
                statements,
                errors.isEmpty() ? "none" : errors.toString(),
                acknowledgedWrites,
                lostWrites,
                duplicatedWrites,
                wrongEngineReads,
                wrongResults,
                hung,
                drops,
                p50Millis,
                p99Millis,
                heapStartMb,
                heapEndMb);
    }
}
