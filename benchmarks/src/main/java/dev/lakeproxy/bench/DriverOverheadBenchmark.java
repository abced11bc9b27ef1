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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Raw pgjdbc against lakeproxy on the same server, for the four workloads of the core issue: plain
 * PostgreSQL (no plugin active) and Hologres simulators (the Hologres plugin active). The ratio of
 * the scores is the overhead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DriverOverheadBenchmark {

    @Param({"raw", "lakeproxy"})
    public String driver;

    /**
     * postgres: plain PostgreSQL (no plugin active); holo-3.2 / holo-2.2: the Hologres plugin
     * active.
     */
    @Param({"postgres", "holo-3.2", "holo-2.2"})
    public String target;

    private Connection connection;
    private Statement statement;
    private PreparedStatement insert;

    @Setup
    public void open() throws SQLException {
        connection =
                DriverManager.getConnection(BenchDatabase.url(target, driver.equals("lakeproxy")));
        statement = connection.createStatement();
        statement.execute("CREATE TEMP TABLE bench_batch (id int, name text)");
        insert = connection.prepareStatement("INSERT INTO bench_batch VALUES (?, ?)");
    }

    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        statement.execute("TRUNCATE bench_batch");
    }

    @TearDown
    public void close() throws SQLException {
        connection.close();
    }

    @Benchmark
    public int selectOne(ClientCpu cpu) throws SQLException {
        cpu.begin();
        try (ResultSet rs = statement.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        } finally {
            cpu.end();
        }
    }

    @Benchmark
    public int prepareAndExecute(ClientCpu cpu) throws SQLException {
        cpu.begin();
        try (PreparedStatement p = connection.prepareStatement("SELECT ?::int + 1")) {
            p.setInt(1, 41);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } finally {
            cpu.end();
        }
    }

    @Benchmark
    public int[] batchInsert100(ClientCpu cpu) throws SQLException {
        cpu.begin();
        try {
            for (int i = 0; i < 100; i++) {
                insert.setInt(1, i);
                insert.setString(2, "name-" + i);
                insert.addBatch();
            }
            return insert.executeBatch();
        } finally {
            cpu.end();
        }
    }

    @Benchmark
    public void query20000Rows(Blackhole bh, ClientCpu cpu) throws SQLException {
        cpu.begin();
        try (ResultSet rs =
                statement.executeQuery("SELECT g, 'row ' || g FROM generate_series(1, 20000) g")) {
            while (rs.next()) {
                bh.consume(rs.getInt(1));
                bh.consume(rs.getString(2));
            }
        } finally {
            cpu.end();
        }
    }
}
