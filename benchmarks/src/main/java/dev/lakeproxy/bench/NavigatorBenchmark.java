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

import dev.lakeproxy.odps.OdpsPlugin;
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A navigator opening a big MaxCompute project ({@link NavigatorWalk}: catalogs, schemas, the
 * tables, then each table's columns and primary key), raw odps-jdbc 3.4.2 against lakeproxy, on
 * the emulator with {@code tables} tables and {@code latencyMillis} before each HTTP answer, as the
 * network to a region's endpoint adds. {@code cold}: lakeproxy's table metadata forgotten before
 * the walk ({@link OdpsPlugin#forgetTableMetadata()}); {@code warm}: read by the walk before. One
 * walk per measurement; the {@code requests} counter is the HTTP requests the walk sent.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar NavigatorBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class NavigatorBenchmark {

    @Param({"raw", "lakeproxy"})
    public String driver;

    @Param({"two-tier", "three-tier"})
    public String project;

    @Param("1000")
    public int tables;

    @Param("20")
    public int latencyMillis;

    private MaxComputeEmulator emu;
    private Connection connection;
    private String catalog;
    private String schema;

    /** The HTTP requests one walk sent (JMH sums them over the measured walks). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Requests {
        public long requests;
    }

    /** Before each cold walk: lakeproxy's table metadata forgotten, as in a freshly started JVM. */
    @State(Scope.Thread)
    public static class ForgottenMetadata {
        @Setup(Level.Invocation)
        public void forget() {
            OdpsPlugin.forgetTableMetadata();
        }
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        Class.forName("com.aliyun.odps.jdbc.OdpsDriver");
        Class.forName("dev.lakeproxy.Driver");
        boolean threeTier = project.equals("three-tier");
        catalog = threeTier ? "tiers" : "flat";
        schema =
                threeTier
                        ? "sales"
                        : "flat"; // two-tier: odps-jdbc reports the project as the schema
        MaxComputeEmulator.Builder b = MaxComputeEmulator.builder();
        emu = (threeTier ? b.threeTierProject(catalog) : b.project(catalog)).start();
        String prefix = "";
        Map<String, String> settings = Map.of();
        if (threeTier) {
            emu.createSchema(catalog, schema);
            prefix = schema + ".";
            settings = Map.of("odps.namespace.schema", "true");
        }
        for (int i = 0; i < tables; i++) {
            emu.execute(
                    catalog,
                    String.format(
                            "CREATE TABLE %st%04d (id BIGINT, name STRING, amount"
                                    + " DOUBLE, ds STRING)",
                            prefix, i),
                    settings);
        }
        emu.setRequestLatency(Duration.ofMillis(latencyMillis));
        String url = emu.jdbcUrl(catalog, threeTier && driver.equals("raw")
                ? new String[] {"odpsNamespaceSchema=true"} : new String[0]);
        connection = DriverManager.getConnection(driver.equals("raw") ? url
                : "jdbc:lakeproxy:" + url.substring("jdbc:".length()));
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        connection.close();
        emu.close();
    }

    private int walk(Requests counted) throws SQLException {
        long before = emu.requestCount();
        NavigatorWalk.Result r = NavigatorWalk.walk(connection, catalog, schema);
        counted.requests += emu.requestCount() - before;
        if (r.tables() != tables || r.failures() > 0) {
            System.out.printf("[%s %s] %d tables listed, %d per-table failures, first: %s%n",
                    driver, project, r.tables(), r.failures(), r.firstFailure());
        }
        return r.tables();
    }

    /** A walk with lakeproxy's table metadata forgotten first (raw odps-jdbc caches nothing). */
    @Benchmark
    public int cold(ForgottenMetadata forgotten, Requests counted) throws SQLException {
        return walk(counted);
    }

    /** A walk right after another: lakeproxy's table metadata is cached (30 s by default). */
    @Benchmark
    public int warm(Requests counted) throws SQLException {
        return walk(counted);
    }
}
