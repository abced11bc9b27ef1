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
package dev.lakeproxy.odps;

import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.TABLESTORE_LOCATION;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.messages;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.tablestoreDdl;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.RequestKind;
import dev.lakeproxy.odpsemu.SubmittedJob;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Case 7 of docs/reliability.md: the answer to a job submission is lost after MaxCompute created
 * the job (the connection closes, or the answer comes after the client's read timeout). Expected,
 * raw and through lakeproxy alike: the caller gets an SQLException, the job ran once, and nobody
 * submits it again. The mechanism: odps-sdk's RestClient retries only GET and HEAD (a POST gets no
 * retry), it sends a POST's body in fixed-length streaming mode (so the JDK's HttpURLConnection
 * never resends it), odps-jdbc does not re-run a statement in its default offline mode, and
 * lakeproxy retries nothing on MaxCompute (no rule asks for a retry). The emulator counts the jobs
 * submitted per statement and the rows written.
 */
class SubmissionFaultsTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("sub").tablestoreWriters(2));

    private static String url(boolean lakeproxy) {
        String raw = EMU.get().jdbcUrl("sub", "connectTimeout=1", "readTimeout=1");
        return lakeproxy ? lake(raw) : raw;
    }

    @BeforeAll
    static void tables() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().tablestore().createTable("ots_marks");
        try (Connection c = connect(url(false))) {
            update(c, "CREATE TABLE marks (id BIGINT, who STRING)");
            update(c, "CREATE TABLE src (id BIGINT)");
            update(c, "INSERT INTO src VALUES (1), (2), (3)");
            update(
                    c,
                    tablestoreDdl(
                            "ots",
                            "id bigint, who string",
                            ":id,who",
                            "ots_marks",
                            TABLESTORE_LOCATION));
        }
    }

    @AfterEach
    void disarm() {
        EMU.get().faults().clear();
    }

    private static List<SubmittedJob> jobsOf(String marker) {
        return EMU.get().jobs().stream()
                .filter(j -> j.sql().contains(marker))
                .collect(Collectors.toList());
    }

    private static long written(String who) throws SQLException {
        try (Connection c = connect(url(false))) {
            return (Long)
                    rows(c, "SELECT count(*) FROM marks WHERE who = '" + who + "'").get(0).get(0);
        }
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void theAnswerIsLostAfterTheJobWasCreated(boolean lakeproxy) throws SQLException {
        String who = "lost-" + lakeproxy;
        try (Connection c = connect(url(lakeproxy))) {
            EMU.get().faults().dropAfterHandling(RequestKind.SUBMIT, 1);
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () -> update(c, "INSERT INTO marks VALUES (1, '" + who + "')"));
            assertTrue(messages(e).contains("Unexpected end of file from server"), messages(e));
        }
        assertEquals(1, jobsOf(who).size(), "submitted once: " + jobsOf(who));
        assertEquals(1, written(who), "it ran once");
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void theAnswerComesAfterTheReadTimeout(boolean lakeproxy) throws SQLException {
        String who = "late-" + lakeproxy;
        try (Connection c = connect(url(lakeproxy))) {
            EMU.get().faults().delay(RequestKind.SUBMIT, Duration.ofMillis(2_500), 1);
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () -> update(c, "INSERT INTO marks VALUES (2, '" + who + "')"));
            assertTrue(messages(e).contains("Read timed out"), messages(e));
        }
        assertEquals(1, jobsOf(who).size());
        assertEquals(1, written(who));
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void theSubmissionIsDroppedBeforeTheServerHasIt(boolean lakeproxy) throws SQLException {
        String who = "never-" + lakeproxy;
        try (Connection c = connect(url(lakeproxy))) {
            EMU.get().faults().dropBeforeHandling(RequestKind.SUBMIT, 1);
            assertThrows(
                    SQLException.class,
                    () -> update(c, "INSERT INTO marks VALUES (3, '" + who + "')"));
        }
        assertEquals(0, jobsOf(who).size());
        assertEquals(0, written(who), "not run, and not submitted again");
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void aTablestoreInsertWhoseAnswerIsLostRanOnce(boolean lakeproxy) throws SQLException {
        String marker = "src_" + lakeproxy;
        try (Connection c = connect(url(lakeproxy))) {
            EMU.get().faults().dropAfterHandling(RequestKind.SUBMIT, 1);
            assertThrows(
                    SQLException.class,
                    () -> update(c, "INSERT INTO ots SELECT id, '" + marker + "' AS who FROM src"));
        }
        List<SubmittedJob> jobs = jobsOf(marker);
        assertEquals(1, jobs.size(), "submitted once: " + jobs);
        assertEquals(
                lakeproxy, jobs.get(0).sql().contains("DISTRIBUTE BY rand()"), jobs.get(0).sql());
    }
}
