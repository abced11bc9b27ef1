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
package dev.lakeproxy.holo;

import static dev.lakeproxy.holo.HoloScenarios.BYOK;
import static dev.lakeproxy.holo.HoloScenarios.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.holosim.Engine;
import dev.lakeproxy.holosim.HoloSimExtension;
import dev.lakeproxy.holosim.QueryLogEntry;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;

/**
 * The legacy path (V2.x): SQE only where needed, minimal SETs, and a tracked mode that never
 * drifts.
 */
class HoloSessionTest {

    @RegisterExtension
    static final HoloSimExtension SIM =
            HoloSimExtension.version("2.2.15").seed(HoloScenarios::seed);

    @BeforeEach
    void fresh() {
        HoloInstance.forgetAll();
        SIM.sim().clearQueryLog();
    }

    private static Connection lake() throws SQLException {
        return HoloScenarios.lake(SIM.sim(), "lakeproxy.holo.encryptedProjects=p_byok");
    }

    private static long settings(Connection c) throws SQLException {
        return c.unwrap(LakeproxyConnection.class)
                .metrics()
                .snapshot()
                .getOrDefault("holo.engineSwitches", 0L);
    }

    private static List<Engine> engines() {
        return SIM.sim().queryLog().stream().map(QueryLogEntry::engine)
                .collect(Collectors.toList());
    }

    @Test
    void sqeOnlyForTheStatementThatNeedsItAndShowGivesTheSessionsOwnValue() throws SQLException {
        try (Connection c = lake()) {
            long before = settings(c);
            assertEquals(2, HoloScenarios.count(c, PLAIN));           // HQE, no SET
            assertEquals(3, HoloScenarios.count(c, "internal_t"));    // not a foreign table: no SET
            assertEquals(2, HoloScenarios.count(c, BYOK));            // SET SQE, then RESET
            assertEquals(
                    "true",
                    HoloScenarios.show(c, EngineMode.SETTING),
                    "the user never set it: SHOW says so");
            assertEquals(2, HoloScenarios.count(c, PLAIN)); // the session's own engine, no SET
            assertEquals(1, settings(c) - before, "one switch, for the one encrypted read");
            assertEquals(List.of(Engine.HQE, Engine.SQE, Engine.HQE), engines());
            assertTrue(
                    c.unwrap(LakeproxyConnection.class)
                            .explain("SELECT * FROM ft_byok")
                            .actions()
                            .toString()
                            .contains(
                                    "SET hg_experimental_enable_access_odps_orc_via_holo = false"));
        }
    }

    @Test
    void insideATransactionTheSwitchIsLocalAndRollbackOrCommitLeavesTheSessionsValue()
            throws SQLException {
        try (Connection c = lake(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertEquals(2, HoloScenarios.count(c, BYOK));
            assertEquals("true", HoloScenarios.show(c, EngineMode.SETTING));
            assertEquals(2, HoloScenarios.count(c, PLAIN));
            c.rollback();
            assertEquals(2, HoloScenarios.count(c, BYOK));
            c.commit();
            assertEquals("true", HoloScenarios.show(c, EngineMode.SETTING));
            Savepoint sp = c.setSavepoint();
            assertEquals(2, HoloScenarios.count(c, BYOK));
            c.rollback(sp);
            assertEquals(2, HoloScenarios.count(c, BYOK));
            s.execute("ROLLBACK");
            assertEquals(2, HoloScenarios.count(c, BYOK));
            c.commit();
            assertEquals("true", HoloScenarios.show(c, EngineMode.SETTING));
            assertEquals(
                    List.of(Engine.SQE, Engine.HQE, Engine.SQE, Engine.SQE, Engine.SQE, Engine.SQE),
                    engines());
            assertTrue(
                    SIM.sim().queryLog().stream().allMatch(QueryLogEntry::success),
                    "every read succeeded");
        }
    }

    @Test
    void errorsInsideATransactionDoNotLeaveTheEngineWrong() throws SQLException {
        try (Connection c = lake(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertEquals(2, HoloScenarios.count(c, BYOK));
            assertThrows(SQLException.class, () -> s.execute("SELECT 1 / 0"));
            c.rollback();
            assertEquals(
                    2,
                    HoloScenarios.count(c, BYOK),
                    "after the failed transaction, SQE is set again");
            c.commit();
            assertEquals("true", HoloScenarios.show(c, EngineMode.SETTING));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET hg_experimental_enable_access_odps_orc_via_holo = true",
        "SET LOCAL hg_experimental_enable_access_odps_orc_via_holo = true",
        "SELECT set_config('hg_experimental_enable_access_odps_orc_via_holo', 'true', false)"})
    void theSessionsOwnEngineSettingWinsAsWithRawPgjdbc(String set) throws SQLException {
        boolean local = set.contains("LOCAL");
        try (Connection raw = HoloScenarios.raw(SIM.sim()); Statement s = raw.createStatement()) {
            raw.setAutoCommit(!local);
            s.execute(set);
            assertEquals(
                    "XX000",
                    assertThrows(SQLException.class, () -> HoloScenarios.count(raw, BYOK))
                            .getSQLState());
        }
        try (Connection c = lake(); Statement s = c.createStatement()) {
            c.setAutoCommit(!local);
            s.execute(set);
            SQLException e = assertThrows(SQLException.class, () -> HoloScenarios.count(c, BYOK));
            assertEquals("XX000", e.getSQLState());
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "this session set"
                                        + " hg_experimental_enable_access_odps_orc_via_holo"
                                        + " itself"),
                    e.getMessage());
            if (local) {
                c.rollback();
                assertEquals(
                        2, HoloScenarios.count(c, BYOK), "SET LOCAL ended with its transaction");
                c.commit();
            } else {
                s.execute("RESET ALL");
                assertEquals(
                        2,
                        HoloScenarios.count(c, BYOK),
                        "after RESET ALL lakeproxy switches again");
                assertEquals("true", HoloScenarios.show(c, EngineMode.SETTING));
            }
        }
    }

    @Test
    void aDatabaseSettingMadeAfterTheFirstConnectionCountsAtOnce() throws SQLException {
        SIM.sim().createDatabase("dba_sqe");
        String url = "jdbc:lakeproxy:" + SIM.sim().jdbcUrl("dba_sqe").substring(5);
        try (Connection first =
                DriverManager.getConnection(url, SIM.sim().user(), SIM.sim().password())) {
            assertEquals("true", HoloScenarios.show(first, EngineMode.SETTING));
            try (Statement s = first.createStatement()) {
                s.execute("ALTER DATABASE dba_sqe SET " + EngineMode.SETTING + " = false");
            }
        }
        try (Connection raw =
                        DriverManager.getConnection(
                                SIM.sim().jdbcUrl("dba_sqe"),
                                SIM.sim().user(),
                                SIM.sim().password());
                Connection next =
                        DriverManager.getConnection(url, SIM.sim().user(), SIM.sim().password())) {
            assertEquals(
                    HoloScenarios.show(raw, EngineMode.SETTING),
                    HoloScenarios.show(next, EngineMode.SETTING));
            assertEquals("false", HoloScenarios.show(next, EngineMode.SETTING));
        }
    }

    @Test
    void afterAnEncryptedReadTheCopyApiRunsOnTheSessionsEngine() throws Exception {
        try (Connection c = lake(); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE VIEW v_copy_plain AS SELECT id FROM " + PLAIN);
            assertEquals(2, HoloScenarios.count(c, BYOK));
            StringWriter out = new StringWriter();
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("COPY (SELECT id FROM v_copy_plain) TO STDOUT", out);
            assertEquals("1\n2\n", out.toString());
            assertEquals(Engine.HQE, SIM.sim().lastEngine(), "not left on the slower SQE");
        }
    }

    @Test
    void copyApiReadOfEncryptedDataGoesThroughTheRules() throws Exception {
        try (Connection c = lake()) {
            StringWriter out = new StringWriter();
            ((PGConnection) c)
                    .getCopyAPI()
                    .copyOut("COPY (SELECT id FROM " + BYOK + ") TO STDOUT", out);
            assertEquals("1\n2\n", out.toString());
            assertEquals(Engine.SQE, SIM.sim().lastEngine());
        }
    }

    @Test
    void learnedProjectsAreSharedAcrossConnections() throws SQLException {
        try (Connection first = HoloScenarios.lake(SIM.sim())) {
            assertEquals(
                    2,
                    HoloScenarios.count(first, BYOK)); // learned from the pangu error, retried once
            assertEquals(
                    1L,
                    first.unwrap(LakeproxyConnection.class)
                                            .metrics()
                                            .snapshot()
                                            .get("holo.learnedProjects")
                                    >= 1
                            ? 1L
                            : 0L);
        }
        SIM.sim().clearQueryLog();
        try (Connection second = HoloScenarios.lake(SIM.sim())) {
            long retries = second.unwrap(LakeproxyConnection.class).metrics().retries.sum();
            assertEquals(2, HoloScenarios.count(second, BYOK));
            assertEquals(
                    retries,
                    second.unwrap(LakeproxyConnection.class).metrics().retries.sum(),
                    "no retry: already known");
            assertEquals(List.of(Engine.SQE), engines(), "straight to SQE");
        }
    }

    @Test
    void poolOf32ThreadsMixesEncryptedAndPlainReadsAndHqeServesEveryPlainRead() throws Exception {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:lakeproxy:" + SIM.sim().jdbcUrl().substring(5));
        cfg.setUsername(SIM.sim().user());
        cfg.setPassword(SIM.sim().password());
        cfg.addDataSourceProperty("lakeproxy.holo.encryptedProjects", "p_byok");
        cfg.setMaximumPoolSize(8);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicLong reads = new AtomicLong();
        try (HikariDataSource pool = new HikariDataSource(cfg)) {
            ExecutorService threads = Executors.newFixedThreadPool(32);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            for (int t = 0; t < 32; t++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end && errors.isEmpty()) {
                        try (Connection c = pool.getConnection()) {
                            boolean encrypted = ThreadLocalRandom.current().nextBoolean();
                            assertEquals(2, HoloScenarios.count(c, encrypted ? BYOK : PLAIN));
                            reads.incrementAndGet();
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                });
            }
            threads.shutdown();
            assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), errors);
        List<QueryLogEntry> log = SIM.sim().queryLog();
        assertTrue(reads.get() > 50, "reads: " + reads.get());
        assertTrue(log.stream().allMatch(QueryLogEntry::success), "every query succeeded");
        assertTrue(
                log.stream()
                        .filter(e -> e.project().equals("p_plain"))
                        .allMatch(e -> e.engine() == Engine.HQE),
                "HQE served every unencrypted read");
        assertTrue(
                log.stream()
                        .filter(e -> e.project().equals("p_byok"))
                        .allMatch(e -> e.engine() == Engine.SQE));
        assertFalse(log.isEmpty());
    }
}
