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

import dev.lakeproxy.Explanation;
import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.odps.OdpsPlugin;
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client time the MaxCompute plugin adds per statement, against the MaxCompute emulator with
 * the real odps-jdbc 3.4.2 underneath: lakeproxy's analysis and rewrite of a Tablestore INSERT
 * (through {@code explain}, which runs exactly the plugin's lexical test, scanner and rewrite,
 * without the job), with the table metadata cached (hit) and forgotten before each call (miss: one
 * metadata GET to the emulator), a SELECT on the fast path, and, for scale, one whole job (the same
 * INSERT, raw odps-jdbc) on the emulator. A real MaxCompute job takes seconds; the emulator's is
 * far faster, so the comparison is conservative.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar OdpsPipelineBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OdpsPipelineBenchmark {

    static final String INSERT =
            "INSERT OVERWRITE TABLE ots_orders\n"
                + "-- export, sorted by the primary key\n"
                + "SELECT odps_orderkey, odps_orderdate, odps_custkey, CONCAT(odps_custkey,"
                + " 'SHIPPED'), CEIL(odps_totalprice)\n"
                + "FROM (SELECT * FROM internal_orders ORDER BY odps_orderkey LIMIT 100000) s";
    static final String DDL =
            "CREATE EXTERNAL TABLE ots_check (k bigint, v string) STORED BY"
                + " 'com.aliyun.odps.TableStoreStorageHandler' WITH SERDEPROPERTIES"
                + " ('tablestore.columns.mapping'=':k,v', 'tablestore.table.name'='ots_check')"
                + " LOCATION 'tablestore://bench.cn-hangzhou.ots-internal.aliyuncs.com'";
    static final String SELECT =
            "SELECT odps_orderkey, odps_totalprice FROM internal_orders WHERE odps_custkey = 3";

    private MaxComputeEmulator emu;
    private Connection raw;
    private LakeproxyConnection lp;
    private Connection lpConnection;
    private long textNumber;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Class.forName("com.aliyun.odps.jdbc.OdpsDriver");
        Class.forName("dev.lakeproxy.Driver");
        emu = MaxComputeEmulator.builder().port(0).project("bench").start();
        emu.tablestore().createTable("ots_tpch_orders");
        String url = emu.jdbcUrl("bench");
        raw = DriverManager.getConnection(url);
        try (Statement st = raw.createStatement()) {
            st.executeUpdate(
                    "CREATE EXTERNAL TABLE ots_orders (odps_orderkey bigint, odps_orderdate string,"
                        + " odps_custkey bigint, odps_orderstatus string, odps_totalprice double)"
                        + " STORED BY 'com.aliyun.odps.TableStoreStorageHandler' WITH"
                        + " SERDEPROPERTIES"
                        + " ('tablestore.columns.mapping'="
                        + "':o_orderkey,:o_orderdate,o_custkey,o_orderstatus,o_totalprice',"
                        + " 'tablestore.table.name'='ots_tpch_orders') LOCATION"
                        + " 'tablestore://bench.cn-hangzhou.ots-internal.aliyuncs.com'");
            st.executeUpdate(
                    "CREATE TABLE internal_orders (odps_orderkey BIGINT, odps_orderdate STRING,"
                        + " odps_custkey BIGINT, odps_totalprice DOUBLE)");
            StringBuilder v = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                v.append(i == 0 ? "" : ", ")
                        .append("(")
                        .append(i)
                        .append(", '1996-05-03', ")
                        .append(i % 7)
                        .append(", ")
                        .append(i * 1.5)
                        .append(")");
            }
            st.executeUpdate("INSERT INTO internal_orders VALUES " + v);
        }
        lpConnection =
                DriverManager.getConnection("jdbc:lakeproxy:" + url.substring("jdbc:".length()));
        lp = lpConnection.unwrap(LakeproxyConnection.class);
        if (!lp.explain(INSERT).rewritten()) {
            throw new IllegalStateException("the plugin did not rewrite the Tablestore INSERT");
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        raw.close();
        lpConnection.close();
        emu.close();
    }

    /** Analysis and rewrite of a Tablestore INSERT, table metadata cached. */
    @Benchmark
    public Explanation tablestoreInsertMetadataHit() throws SQLException {
        return lp.explain(INSERT);
    }

    /**
     * The same, with the table metadata forgotten first: one metadata GET (to the local emulator).
     */
    @Benchmark
    public Explanation tablestoreInsertMetadataMiss() throws SQLException {
        OdpsPlugin.forgetTableMetadata();
        return lp.explain(INSERT);
    }

    /** A text never seen before (a new comment each call): scanned once, table metadata cached. */
    @Benchmark
    public Explanation tablestoreInsertNewText() throws SQLException {
        return lp.explain(INSERT + " -- " + (++textNumber));
    }

    /** The Tablestore DDL checks of a valid CREATE EXTERNAL TABLE (no server call). */
    @Benchmark
    public Explanation tablestoreDdlCheck() throws SQLException {
        return lp.explain(DDL);
    }

    /** A SELECT: the plugin's lexical test says no; nothing is parsed. */
    @Benchmark
    public Explanation selectFastPath() throws SQLException {
        return lp.explain(SELECT);
    }

    /**
     * For scale: the whole INSERT job, raw odps-jdbc, on the emulator (submit, run, status,
     * summary).
     */
    @Benchmark
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 3)
    public int wholeJobOnTheEmulatorRaw() throws SQLException {
        try (Statement st = raw.createStatement()) {
            return st.executeUpdate(INSERT);
        }
    }
}
