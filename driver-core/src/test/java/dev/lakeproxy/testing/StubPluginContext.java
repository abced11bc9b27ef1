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
package dev.lakeproxy.testing;

import dev.lakeproxy.core.sql.SqlAnalyzer;
import dev.lakeproxy.spi.LakeOption;
import dev.lakeproxy.spi.PluginContext;
import dev.lakeproxy.spi.RealUrl;
import dev.lakeproxy.spi.sql.SqlAnalysis;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;

/**
 * A plugin's view of one connection, for unit tests of its session and rules without connecting:
 * every option at its default, the core's parsing, counters a test can read.
 */
public final class StubPluginContext implements PluginContext {

    /** What the plugin noted at connect. */
    public final List<String> notes = new ArrayList<>();
    private final StubCounters counters = new StubCounters();
    private final String subprotocol;
    private final String realUrl;
    private final Connection real;

    public StubPluginContext(String subprotocol, String realUrl, Connection real) {
        this.subprotocol = subprotocol;
        this.realUrl = realUrl;
        this.real = real;
    }

    /** A counter's value (0 when never bumped). */
    public long count(String name) {
        return counters.count(name);
    }

    @Override
    public Connection realConnection() {
        return real;
    }

    @Override
    public String subprotocol() {
        return subprotocol;
    }

    @Override
    public String realUrl() {
        return realUrl;
    }

    @Override
    public RealUrl parsedUrl() {
        return new RealUrl(realUrl, "", "", Map.of());
    }

    @Override
    public Properties realProperties() {
        return new Properties();
    }

    @Override
    public String serverKey() {
        return "stub";
    }

    @Override
    public <T> T option(LakeOption<T> option) {
        return option.parse(option.defaultValue());
    }

    @Override
    public SqlAnalysis analysis() {
        return SqlAnalyzer.shared();
    }

    @Override
    public LongAdder counter(String name) {
        return counters.counter(name);
    }

    @Override
    public void settingSent() {
        counters.counter("settingsSent").increment();
    }

    @Override
    public void errorTranslated() {
        counters.counter("translatedErrors").increment();
    }

    @Override
    public void note(String action) {
        notes.add(action);
    }
}
