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

import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.jdbc.ConnectionServices;
import dev.lakeproxy.core.jdbc.PlainWrappers;
import dev.lakeproxy.core.pipeline.StatementPipeline;
import dev.lakeproxy.core.sql.SqlAnalyzer;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-row cost of the ResultSet wrapper (the only wrapper on the path of a large query),
 * without network: 20,000 rows of an in-memory result set read directly and through lakeproxy's
 * wrapper.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResultSetHotPathBenchmark {

    @Param({"direct", "wrapped"})
    public String path;

    private Statement statement;

    /**
     * A result set of 20,000 rows that answers from memory (a plain class, so the JIT treats both
     * paths alike).
     */
    public static final class Rows extends dev.lakeproxy.bench.InMemoryResultSet {
        Rows() {
            super(20_000);
        }
    }

    @Setup
    public void setUp() throws SQLException {
        Statement real =
                (Statement)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {Statement.class},
                                (p, m, a) ->
                                        m.getName().equals("executeQuery") ? new Rows() : null);
        if (path.equals("direct")) {
            statement = real;
            return;
        }
        Connection realConnection =
                (Connection)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {Connection.class},
                                (p, m, a) -> m.getName().equals("createStatement") ? real : null);
        LakeMetrics metrics = new LakeMetrics();
        StatementPipeline pipeline =
                new StatementPipeline(
                        realConnection, List.of(), metrics, SqlAnalyzer.shared(), true);
        statement =
                PlainWrappers.INSTANCE
                        .connection(
                                realConnection,
                                new ConnectionServices(
                                        pipeline,
                                        metrics,
                                        PlainWrappers.INSTANCE,
                                        "bench",
                                        List.of(),
                                        List.of()))
                        .createStatement();
    }

    @Benchmark
    public void read20000Rows(Blackhole bh) throws SQLException {
        try (ResultSet rs =
                statement.executeQuery("SELECT g, 'row ' || g FROM generate_series(1, 20000) g")) {
            while (rs.next()) {
                bh.consume(rs.getInt(1));
                bh.consume(rs.getString(2));
            }
        }
    }
}
