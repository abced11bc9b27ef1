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
package dev.lakeproxy.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of what lakeproxy did, one set per driver instance. Thread-safe and cheap to bump. */
public final class LakeMetrics {

    public final LongAdder connections = new LongAdder();
    public final LongAdder statements = new LongAdder();
    /** Statements that some active plugin looked at (the lexical pre-check said "maybe"). */
    public final LongAdder analysed = new LongAdder();
    public final LongAdder rewritten = new LongAdder();
    public final LongAdder settingsSent = new LongAdder();
    public final LongAdder retries = new LongAdder();
    public final LongAdder translatedErrors = new LongAdder();
    public final LongAdder refused = new LongAdder();

    private final Map<String, LongAdder> named = new ConcurrentHashMap<>();

    /** A plugin's own counter, e.g. {@code holo.learnedProjects}. */
    public LongAdder counter(String name) {
        return named.computeIfAbsent(name, k -> new LongAdder());
    }

    /** All counters by name, for JMX, the CLI and tests. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        m.put("connections", connections.sum());
        m.put("statements", statements.sum());
        m.put("analysed", analysed.sum());
        m.put("rewritten", rewritten.sum());
        m.put("settingsSent", settingsSent.sum());
        m.put("retries", retries.sum());
        m.put("translatedErrors", translatedErrors.sum());
        m.put("refused", refused.sum());
        named.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    @Override
    public String toString() {
        return "LakeMetrics" + snapshot();
    }
}
