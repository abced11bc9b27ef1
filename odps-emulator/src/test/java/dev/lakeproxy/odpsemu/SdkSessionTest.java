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
package dev.lakeproxy.odpsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Session;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.ResultSet;
import com.aliyun.odps.sqa.ExecuteMode;
import com.aliyun.odps.sqa.FallbackPolicy;
import com.aliyun.odps.sqa.SQLExecutor;
import com.aliyun.odps.sqa.SQLExecutorBuilder;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.InstanceTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.io.TunnelRecordReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * odps-sdk-core 0.43.3's MCQA API used directly: {@code SQLExecutor} in INTERACTIVE mode and the
 * {@code Session} it is built on (attach, sub queries, task info, the session tunnel, stop).
 */
class SdkSessionTest {

    private static final String TASK = "console_sqlrt_task";

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("sqa"));

    @BeforeAll
    static void data() {
        EMU.get().execute("sqa", "CREATE TABLE t (id BIGINT, name STRING)");
        EMU.get().execute("sqa", "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
    }

    private static Odps odps() {
        return SdkClients.odps(EMU.get(), "sqa");
    }

    private static SQLExecutor interactive(FallbackPolicy policy, boolean instanceTunnel)
            throws OdpsException {
        return SQLExecutorBuilder.builder()
                .odps(odps())
                .executeMode(ExecuteMode.INTERACTIVE)
                .fallbackPolicy(policy)
                .useInstanceTunnel(instanceTunnel)
                .build();
    }

    @Test
    void executorRunsQueriesInTheSessionWithoutFallback() throws Exception {
        SQLExecutor executor = interactive(FallbackPolicy.nonFallbackPolicy(), true);
        try {
            assertTrue(executor.isActive());
            executor.run(
                    "SELECT id, name FROM t WHERE id > 1 ORDER BY id LIMIT 10;", new HashMap<>());
            assertTrue(executor.isRunningInInteractiveMode());
            assertTrue(executor.getSubqueryId() >= 0);
            assertEquals(Instance.Status.RUNNING, executor.getInstance().getStatus());
            List<Record> records = executor.getResult();
            assertEquals(3, records.size());
            assertEquals("b", records.get(0).getString("name"));
            ResultSet rs = executor.getResultSet(1L, 1L, null);
            assertEquals("c", rs.next().getString("name"));
            assertFalse(rs.hasNext());
            assertNotNull(executor.getSummary());
        } finally {
            executor.close();
        }
    }

    @Test
    void nonSelectIsRefusedBySessionAndFallsBackWhenAllowed() throws Exception {
        SQLExecutor strict = interactive(FallbackPolicy.nonFallbackPolicy(), true);
        try {
            OdpsException e =
                    assertThrows(
                            OdpsException.class,
                            () ->
                                    strict.run(
                                            "CREATE TABLE strict_t (id BIGINT);", new HashMap<>()));
            assertTrue(e.getMessage().contains("ODPS-1850001"), e.getMessage());
        } finally {
            strict.close();
        }
        SQLExecutor lenient = interactive(FallbackPolicy.alwaysFallbackPolicy(), true);
        try {
            lenient.run("CREATE TABLE lenient_t (id BIGINT);", new HashMap<>());
            assertFalse(lenient.isRunningInInteractiveMode());
            lenient.getResult();
            assertTrue(odps().tables().exists("lenient_t"));
        } finally {
            lenient.close();
        }
    }

    @Test
    void resultWithoutTheTunnelComesFromTaskInfo() throws Exception {
        SQLExecutor executor = interactive(FallbackPolicy.nonFallbackPolicy(), false);
        try {
            executor.run("SELECT id FROM t WHERE id <= 2 ORDER BY id LIMIT 5;", new HashMap<>());
            List<Record> records = executor.getResult();
            assertEquals(2, records.size());
            assertEquals("2", records.get(1).get(0).toString());
        } finally {
            executor.close();
        }
    }

    @Test
    void sessionApiSubQueriesAndTaskInfo() throws Exception {
        Odps odps = odps();
        Map<String, String> hints = new HashMap<>();
        Session session = Session.attach(odps, "public.default", hints, 10L);
        try {
            Session.SubQueryInfo info = session.runSubQuery("SELECT count(*) FROM t;", hints);
            assertEquals("ok", info.status);
            Session.SubQueryResponse done = session.waitForSubqueryTerminated(info.queryId);
            assertEquals(Session.OBJECT_STATUS_TERMINATED, done.status.intValue());
            // the text result is CSV: the SDK reads its values as strings
            assertEquals(
                    "4",
                    session.getSubQueryResult(info.queryId).getRecords().get(0).get(0).toString());
            assertNotNull(session.getQueryStats(info.queryId));

            Session.SubQueryInfo refused = session.runSubQuery("DROP TABLE t;", hints);
            assertEquals(-1, refused.queryId);
            assertTrue(refused.result.contains("ODPS-1850001"), refused.result);

            Instance instance = session.getInstance();
            OdpsException unknownKey =
                    assertThrows(OdpsException.class, () -> instance.getTaskInfo(TASK, "nosuch"));
            assertTrue(unknownKey.getMessage().contains("ODPS-0420061"), unknownKey.getMessage());
            assertThrows(OdpsException.class, () -> instance.getTaskInfo("other_task", "status"));
            assertThrows(OdpsException.class, () -> session.setInformation("nosuch", "1"));
            OdpsException missing =
                    assertThrows(OdpsException.class, () -> session.waitForSubqueryTerminated(99));
            assertTrue(missing.getMessage().contains("SubQuery not found"), missing.getMessage());
        } finally {
            session.stop();
        }
        assertEquals(Instance.Status.TERMINATED, session.getInstance().getStatus());
        Session.SubQueryInfo afterStop = session.runSubQuery("SELECT 1;", hints);
        assertEquals("NotFound", afterStop.status);
    }

    @Test
    void anSqlJobHasNoTaskInfo() throws Exception {
        Instance job = SQLTask.run(odps(), "SELECT 1;");
        job.waitForSuccess();
        OdpsException e =
                assertThrows(
                        OdpsException.class, () -> job.getTaskInfo("AnonymousSQLTask", "status"));
        assertTrue(e.getMessage().contains("ODPS-0420061"), e.getMessage());
    }

    @Test
    void attachNeedsAPublicServiceOrANamedRunningSession() throws Exception {
        Odps odps = odps();
        OdpsException e =
                assertThrows(
                        OdpsException.class,
                        () -> Session.attach(odps, "no.such.service", new HashMap<>(), 5L));
        assertTrue(e.getMessage().contains("ODPS-1820002"), e.getMessage());
        Session named = Session.create(odps, "my_session", "sqa", new HashMap<>(), 5L);
        try {
            assertTrue(named.isStarted());
            Session attached = Session.attach(odps, "my_session", new HashMap<>(), 5L);
            attached.stop();
        } finally {
            named.stop();
        }
    }

    /** A direct (long-polling) download of a sub query's result, as odps-jdbc opens it. */
    private static InstanceTunnel.DownloadSession download(Session session, int queryId)
            throws TunnelException {
        return new InstanceTunnel(odps())
                .createDirectDownloadSession(
                        "sqa", session.getInstance().getId(), TASK, queryId, false);
    }

    /** The record count the tunnel reports for the rows from {@code start} to the end. */
    private static long countFrom(Session session, int queryId, long start) throws Exception {
        InstanceTunnel.DownloadSession d = download(session, queryId);
        d.openRecordReader(start, -1, -1).close();
        return d.getRecordCount();
    }

    @Test
    void sessionTunnelReadsRangesAndCountsRecords() throws Exception {
        Session session = Session.attach(odps(), "public.default", new HashMap<>(), 10L);
        try {
            int id = session.runSubQuery("SELECT id FROM t ORDER BY id LIMIT 10;", null).queryId;
            assertEquals(4, countFrom(session, id, 0));
            assertEquals(1, countFrom(session, id, 3));
            InstanceTunnel.DownloadSession part = download(session, id);
            TunnelRecordReader reader = part.openRecordReader(1, 2, -1);
            assertEquals(2, part.getRecordCount());
            assertEquals(2L, reader.read().getBigint(0));
            assertEquals(3L, reader.read().getBigint(0));
            reader.close();
            InstanceTunnel.DownloadSession missing = download(session, 42);
            assertThrows(TunnelException.class, () -> missing.openRecordReader(0, -1, -1));
        } finally {
            session.stop();
        }
    }

    @Test
    void aQueryWithoutLimitAnswersAtMostAMillionRows() throws Exception {
        Session session = Session.attach(odps(), "public.default", new HashMap<>(), 10L);
        try {
            String series = "SELECT generate_series(1, 1000001) AS n";
            int capped = session.runSubQuery(series + ";", null).queryId;
            assertEquals(1, countFrom(session, capped, 999_999));
            int limited = session.runSubQuery(series + " LIMIT 1000001;", null).queryId;
            assertEquals(2, countFrom(session, limited, 999_999));
        } finally {
            session.stop();
        }
    }
}
