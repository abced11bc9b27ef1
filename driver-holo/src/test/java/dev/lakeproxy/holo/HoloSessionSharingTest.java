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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.holosim.Engine;
import dev.lakeproxy.holosim.QueryLogEntry;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The legacy path (V2.x) beyond one statement: the COPY API after and on encrypted reads, learned
 * projects shared across connections, and a pool of 32 threads mixing encrypted and plain reads.
 */
class HoloSessionSharingTest extends HoloSessionCase {

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
