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

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import dev.lakeproxy.odpsemu.SimulatedTablestore;
import dev.lakeproxy.odpsemu.SubmittedJob;
import dev.lakeproxy.testing.FaultProxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MaxCompute side of the fault load: SELECTs of a fixed table, INSERTs with unique keys into an
 * internal table and into a Tablestore external table (lakeproxy scatters those), and metadata
 * calls (getTables, getColumns). Every job the emulator receives is counted by its key, so a write
 * submitted twice shows even where Tablestore's upsert would hide it.
 */
final class OdpsLoad implements LoadRun.Workload {

    /**
     * The key of a Tablestore write, whose upsert would hide a second run; internal tables show it
     * as a row.
     */
    private static final Pattern KEY = Pattern.compile("SELECT (\\d+) AS id");

    private static final String TABLESTORE = "ots_load_t";

    private final MaxComputeEmulator emu;
    private final FaultProxy proxy;
    private final HikariDataSource pool;
    private final WriteLedger writes = new WriteLedger();
    private final java.util.BitSet submitted = new java.util.BitSet();
    private final LongAdder wrongResults = new LongAdder();

    OdpsLoad(boolean lakeproxy, int threads) throws Exception {
        emu =
                MaxComputeEmulator.builder()
                        .project("load")
                        .tablestoreWriters(4)
                        .instanceRetention(2_000)
                        .start();
        emu.tablestore().createTable(TABLESTORE);
        try (Connection c = DriverManager.getConnection(emu.jdbcUrl("load"))) {
            run(c, "CREATE TABLE load_r (id BIGINT)");
            StringJoiner values = new StringJoiner(", ");
            for (int i = 1; i <= 100; i++) {
                values.add("(" + i + ")");
            }
            run(c, "INSERT INTO load_r VALUES " + values);
            run(c, "CREATE TABLE load_w (id BIGINT, thread BIGINT)");
            run(c, "CREATE TABLE one (x BIGINT)");
            run(c, "INSERT INTO one VALUES (1)");
            run(
                    c,
                    "CREATE EXTERNAL TABLE ots_load (id bigint, who string) STORED BY "
                            + "'com.aliyun.odps.TableStoreStorageHandler' WITH SERDEPROPERTIES ("
                            + "'tablestore.columns.mapping'=':id,who', 'tablestore.table.name'='"
                            + TABLESTORE
                            + "') LOCATION"
                            + " 'tablestore://emulator-ots.cn-hangzhou.ots-internal.aliyuncs.com'");
        }
        emu.drainJobs();
        proxy = new FaultProxy(emu.port());
        String url =
                emu.jdbcUrl("load", "connectTimeout=1", "readTimeout=5")
                        .replace(":" + emu.port() + "/", ":" + proxy.port() + "/");
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(lakeproxy ? "jdbc:lakeproxy:" + url.substring("jdbc:".length()) : url);
        cfg.setMaximumPoolSize(threads);
        cfg.setConnectionTimeout(30_000);
        pool = new HikariDataSource(cfg);
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public FaultProxy proxy() {
        return proxy;
    }

    @Override
    public int step(int thread, Random random) throws SQLException {
        int op = random.nextInt(100);
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            if (op < 35) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), sum(id) FROM load_r")) {
                    rs.next();
                    if (rs.getLong(1) != 100 || rs.getLong(2) != 5050 || rs.next()) {
                        wrongResults.increment();
                    }
                }
                return 1;
            }
            long key = writes.newKey();
            if (op < 60) {
                s.executeUpdate("INSERT INTO load_w VALUES (" + key + ", " + thread + ")");
                writes.acknowledged(key);
                return 1;
            }
            if (op < 80) {
                s.executeUpdate(
                        "INSERT INTO ots_load SELECT "
                                + key
                                + " AS id, 't"
                                + thread
                                + "' AS who FROM one");
                writes.acknowledged(key);
                return 1;
            }
            return metadata(c.getMetaData());
        }
    }

    private int metadata(DatabaseMetaData meta) throws SQLException {
        int tables = 0;
        try (ResultSet rs = meta.getTables(null, null, "load_%", null)) {
            while (rs.next()) {
                tables++;
            }
        }
        int columns = 0;
        try (ResultSet rs = meta.getColumns(null, null, "load_w", null)) {
            while (rs.next()) {
                columns++;
            }
        }
        if (tables != 2 || columns != 2) {
            wrongResults.increment();
        }
        return 2;
    }

    /**
     * Counts each Tablestore job by the key its SQL writes: a key submitted twice is a write run
     * twice.
     */
    @Override
    public void harvest() {
        for (SubmittedJob job : emu.drainJobs()) {
            Matcher m = KEY.matcher(job.sql());
            if (m.find()) {
                int key = Integer.parseInt(m.group(1));
                synchronized (submitted) {
                    if (submitted.get(key)) {
                        writes.duplicated();
                    }
                    submitted.set(key);
                }
            }
        }
        emu.clearTablestoreWrites();
    }

    /**
     * Counts what the service holds, read straight from the emulator (not through the fault proxy).
     */
    @Override
    public void verify(LoadReport report) throws SQLException {
        try (Connection c = DriverManager.getConnection(emu.jdbcUrl("load"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM load_w")) {
            while (rs.next()) {
                writes.present(rs.getLong(1), 1);
            }
        }
        for (SimulatedTablestore.Row row : emu.tablestore().rows(TABLESTORE)) {
            writes.present(((Number) row.primaryKey().get(0)).longValue(), 1);
        }
        writes.fill(report);
        report.wrongResults = wrongResults.sum();
    }

    @Override
    public void close() {
        pool.close();
        proxy.close();
        emu.close();
    }
}
