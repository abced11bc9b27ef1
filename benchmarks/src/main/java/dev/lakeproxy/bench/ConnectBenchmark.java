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
package dev.lakeproxy.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time to open (and close) a physical connection, raw pgjdbc against lakeproxy with the
 * Hologres plugin's two routing mechanisms: {@code session} (one query per connection) and {@code
 * startup} (cached facts, none).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ConnectBenchmark {

    @Param({"raw", "lakeproxy", "lakeproxy-startup"})
    public String driver;

    @Param({"holo-3.2", "holo-2.2"})
    public String target;

    private String url;

    @Setup
    public void url() throws SQLException {
        url = BenchDatabase.url(target, !driver.equals("raw"));
        if (driver.equals("lakeproxy-startup")) {
            url += "&lakeproxy.holo.routingMechanism=startup";
        }
    }

    @Benchmark
    public boolean openAndClose() throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.getAutoCommit();
        }
    }
}
