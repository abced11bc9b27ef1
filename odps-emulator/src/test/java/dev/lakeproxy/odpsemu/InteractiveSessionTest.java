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

import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.odps.Instance;
import com.aliyun.odps.jdbc.OdpsConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * odps-jdbc 3.4.2 with {@code interactiveMode=true}: the connection attaches an MCQA session,
 * queries run as its sub queries and come back through the session tunnel, other statements fall
 * back to offline jobs (MCQA runs SELECT statements only).
 */
class InteractiveSessionTest {

    private static final int ROWS = 12_345;

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("mcqa"));

    @BeforeAll
    static void data() {
        EMU.get().execute("mcqa", "CREATE TABLE nums (id BIGINT)");
        EMU.get().execute("mcqa", "INSERT INTO nums SELECT generate_series(0, " + (ROWS - 1) + ")");
    }

    private static Connection session() throws SQLException {
        return connect(EMU.get().jdbcUrl("mcqa", "interactiveMode=true"));
    }

    private static SubmittedJob lastJob() {
        List<SubmittedJob> jobs = EMU.get().jobs();
        return jobs.get(jobs.size() - 1);
    }

    @Test
    void connectionAttachesARunningSession() throws Exception {
        try (Connection c = session()) {
            OdpsConnection oc = (OdpsConnection) c;
            Instance session = oc.getExecutor().getInstance();
            assertNotNull(session, "attached: the executor holds the session instance");
            assertEquals(Instance.Status.RUNNING, session.getStatus());
            assertEquals(
                    Instance.TaskStatus.Status.RUNNING,
                    session.getTaskStatus().get(oc.getExecutor().getTaskName()).getStatus());
            assertTrue(oc.getExecutor().isActive());
        }
    }

    @Test
    void queriesRunAsSubQueriesOfTheSession() throws Exception {
        try (Connection c = session();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT id, id * 2 AS twice FROM nums WHERE id < 3")) {
            OdpsConnection oc = (OdpsConnection) c;
            assertTrue(oc.getExecutor().isRunningInInteractiveMode());
            SubmittedJob job = lastJob();
            assertTrue(job.interactive(), job.toString());
            assertEquals(oc.getExecutor().getInstance().getId(), job.instanceId());
            assertEquals(oc.getExecutor().getSubqueryId(), job.subQueryId());
            long sum = 0;
            int n = 0;
            while (rs.next()) {
                assertEquals(rs.getLong(1) * 2, rs.getLong("twice"));
                sum += rs.getLong(1);
                n++;
            }
            assertEquals(3, n);
            assertEquals(3, sum);
        }
    }

    @Test
    void forwardResultReadsEveryRowAndHonoursMaxRows() throws Exception {
        try (Connection c = session();
                Statement st = c.createStatement()) {
            // more than the SDK's 10,000-row fetch: the result is read in several tunnel requests
            try (ResultSet rs = st.executeQuery("SELECT id FROM nums")) {
                int n = 0;
                while (rs.next()) {
                    assertEquals(n, rs.getInt(1));
                    n++;
                }
                assertEquals(ROWS, n);
            }
            st.setMaxRows(100);
            try (ResultSet rs = st.executeQuery("SELECT id FROM nums")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(100, n);
            }
        }
    }

    @Test
    void scrollableResultCountsRowsFromTheTunnel() throws Exception {
        try (Connection c = session();
                Statement st =
                        c.createStatement(
                                ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
                ResultSet rs = st.executeQuery("SELECT id FROM nums")) {
            // odps-jdbc opens a reader first and takes the count from odps-tunnel-record-count
            assertTrue(rs.last());
            assertEquals(ROWS, rs.getRow());
            assertEquals(ROWS - 1, rs.getInt(1));
            assertTrue(rs.absolute(5001));
            assertEquals(5000, rs.getInt(1));
            assertTrue(rs.relative(-2));
            assertEquals(4998, rs.getInt(1));
            assertFalse(rs.absolute(ROWS + 1));
            assertTrue(rs.isAfterLast());
        }
    }

    @Test
    void ddlAndDmlFallBackToOfflineJobs() throws Exception {
        try (Connection c = session();
                Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE fallback_t (id BIGINT, name STRING)");
            SubmittedJob create = lastJob();
            assertFalse(create.interactive(), create.toString());
            assertEquals("false", create.settings().get("odps.task.sql.sqa.enable"));
            assertEquals(2, st.executeUpdate("INSERT INTO fallback_t VALUES (1, 'a'), (2, 'b')"));
            assertFalse(lastJob().interactive());
            // the session reads what the offline job wrote
            assertEquals(
                    List.of(List.of(2L, "b")),
                    rows(c, "SELECT id, name FROM fallback_t WHERE id = 2"));
            assertTrue(lastJob().interactive());
        }
    }

    @Test
    void setStatementsReachTheSubQuery() throws Exception {
        try (Connection c = session();
                Statement st = c.createStatement()) {
            assertFalse(st.execute("set odps.sql.validate.orderby.limit=false"));
            try (ResultSet rs =
                    st.executeQuery("SELECT id FROM nums WHERE id < 3 ORDER BY id DESC")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
            }
            SubmittedJob job = lastJob();
            assertTrue(job.interactive(), job.toString());
            assertEquals("false", job.settings().get("odps.sql.validate.orderby.limit"));
        }
    }

    @Test
    void aFailingQueryReportsTheServersError() throws Exception {
        try (Connection c = session();
                Statement st = c.createStatement()) {
            SQLException e =
                    assertThrows(
                            SQLException.class, () -> st.executeQuery("SELECT * FROM no_such"));
            assertTrue(e.getMessage().contains("ODPS-0130131"), e.getMessage());
        }
    }

    @Test
    void closingTheConnectionStopsTheSession() throws Exception {
        Instance session;
        try (Connection c = session()) {
            session = ((OdpsConnection) c).getExecutor().getInstance();
            assertEquals(Instance.Status.RUNNING, session.getStatus());
        }
        session.reload();
        assertEquals(Instance.Status.TERMINATED, session.getStatus());
    }
}
