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
import dev.lakeproxy.holosim.Encryption;
import dev.lakeproxy.holosim.Engine;
import dev.lakeproxy.holosim.HoloSimulator;
import dev.lakeproxy.holosim.QueryLogEntry;
import dev.lakeproxy.testing.FaultProxy;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import org.postgresql.PGConnection;

/**
 * The Hologres side of the fault load, on a V2.2 simulator (the legacy path, where lakeproxy
 * switches the engine per statement): reads of a plain and of a KMS-encrypted foreign table,
 * single-row writes with unique keys, two-row transactions, COPY of 20 rows. Raw pgjdbc reads the
 * encrypted table as a user must: SET LOCAL of the engine setting in a transaction. A read logged
 * on the wrong engine (plain on SQE, encrypted on HQE) counts.
 */
final class HoloLoad implements LoadRun.Workload {

    static final String ENGINE = "hg_experimental_enable_access_odps_orc_via_holo";

    private final boolean lakeproxy;
    private final HoloSimulator sim;
    private final FaultProxy proxy;
    private final HikariDataSource pool;
    private final WriteLedger writes = new WriteLedger();
    private final LongAdder wrongEngine = new LongAdder();
    private final LongAdder wrongResults = new LongAdder();

    HoloLoad(boolean lakeproxy, int threads) throws Exception {
        this.lakeproxy = lakeproxy;
        sim = HoloSimulator.builder().version("2.2.15").start();
        sim.maxcompute()
                .project("p_plain")
                .table("orders", "id bigint, item text")
                .insert(1, "tea")
                .insert(2, "rice");
        sim.maxcompute()
                .project("p_byok")
                .encryption(Encryption.BYOK, "key-byok")
                .table("payments", "id bigint, paid numeric(10,2)")
                .insert(1, 9.5)
                .insert(2, 12);
        try (Connection c = sim.directConnection(HoloSimulator.DEFAULT_DATABASE);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE load_w (id bigint, thread int)");
        }
        try (Connection c = java.sql.DriverManager.getConnection(sim.jdbcUrl(), sim.user(), "");
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE FOREIGN TABLE ft_plain (id bigint, item text) SERVER odps_server"
                            + " OPTIONS (project_name 'p_plain', table_name 'orders')");
            s.execute(
                    "CREATE FOREIGN TABLE ft_byok (id bigint, paid numeric(10,2)) SERVER"
                        + " odps_server OPTIONS (project_name 'p_byok', table_name 'payments')");
        }
        proxy = new FaultProxy(sim.port());
        HikariConfig cfg = new HikariConfig();
        String url = "postgresql://127.0.0.1:" + proxy.port() + "/postgres?socketTimeout=10";
        cfg.setJdbcUrl(
                lakeproxy
                        ? "jdbc:lakeproxy:" + url + "&lakeproxy.holo.encryptedProjects=p_byok"
                        : "jdbc:" + url);
        cfg.setUsername(sim.user());
        cfg.setMaximumPoolSize(threads);
        cfg.setConnectionTimeout(15_000);
        pool = new HikariDataSource(cfg);
    }

    @Override
    public FaultProxy proxy() {
        return proxy;
    }

    @Override
    public int step(int thread, Random random) throws SQLException {
        int op = random.nextInt(100);
        try (Connection c = pool.getConnection()) {
            if (op < 30) {
                return read(c, "ft_plain");
            } else if (op < 50) {
                return lakeproxy ? read(c, "ft_byok") : readEncryptedAsAUserMust(c);
            } else if (op < 75) {
                return write(c, thread);
            } else if (op < 90) {
                return transaction(c, thread);
            }
            return copy(c, thread);
        }
    }

    private int read(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            if (rs.getLong(1) != 2) {
                wrongResults.increment();
            }
        }
        return 1;
    }

    private int readEncryptedAsAUserMust(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL " + ENGINE + " = false");
            read(c, "ft_byok");
            c.commit();
        } finally {
            autocommitAgain(c);
        }
        return 3;
    }

    private int write(Connection c, int thread) throws SQLException {
        long key = writes.newKey();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO load_w VALUES (?, ?)")) {
            p.setLong(1, key);
            p.setInt(2, thread);
            if (p.executeUpdate() == 1) {
                writes.acknowledged(key);
            }
        }
        return 1;
    }

    private int transaction(Connection c, int thread) throws SQLException {
        long a = writes.newKey();
        long b = writes.newKey();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO load_w VALUES (" + a + ", " + thread + ")");
            s.executeUpdate("INSERT INTO load_w VALUES (" + b + ", " + thread + ")");
            c.commit();
            writes.acknowledged(a);
            writes.acknowledged(b);
        } finally {
            autocommitAgain(c);
        }
        return 3;
    }

    /**
     * Autocommit on again, unless the pool already took the broken connection away: the failure
     * that broke it is what the run counts, not "Connection is closed" from this call.
     */
    private static void autocommitAgain(Connection c) throws SQLException {
        if (!c.isClosed()) {
            c.setAutoCommit(true);
        }
    }

    private int copy(Connection c, int thread) throws SQLException {
        long first = writes.newKey();
        StringBuilder rows = new StringBuilder(first + "\t" + thread + "\n");
        long[] keys = new long[20];
        keys[0] = first;
        for (int i = 1; i < keys.length; i++) {
            keys[i] = writes.newKey();
            rows.append(keys[i]).append('\t').append(thread).append('\n');
        }
        try {
            long n =
                    c.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn("COPY load_w FROM STDIN", new StringReader(rows.toString()));
            if (n == keys.length) {
                for (long k : keys) {
                    writes.acknowledged(k);
                }
            }
        } catch (java.io.IOException e) {
            throw new SQLException(e.getMessage(), "58030", e);
        }
        return 1;
    }

    @Override
    public void harvest() {
        for (QueryLogEntry e : sim.drainQueryLog()) {
            boolean encrypted = e.project().equals("p_byok");
            if (encrypted == (e.engine() == Engine.HQE)) {
                wrongEngine.increment();
            }
        }
    }

    /**
     * Counts what the server holds, straight from PostgreSQL (not through the fault proxy), into
     * the report.
     */
    @Override
    public void verify(LoadReport report) throws SQLException {
        try (Connection c = sim.directConnection(HoloSimulator.DEFAULT_DATABASE);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, count(*) FROM load_w GROUP BY id")) {
            while (rs.next()) {
                writes.present(rs.getLong(1), rs.getLong(2));
            }
        }
        writes.fill(report);
        report.wrongEngineReads = wrongEngine.sum();
        report.wrongResults = wrongResults.sum();
    }

    @Override
    public void close() {
        pool.close();
        proxy.close();
        sim.close();
    }
}
