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
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.messages;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fault hooks as raw odps-jdbc meets them: each hits the request it was armed for, and requests
 * are counted.
 */
class ServiceFaultsTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("f"));

    /** Short SDK timeouts: a GET it retries waits connect + read seconds between attempts. */
    private static String url() {
        return EMU.get().jdbcUrl("f", "connectTimeout=1", "readTimeout=1");
    }

    @BeforeAll
    static void table() throws SQLException {
        try (Connection c = connect(url())) {
            update(c, "CREATE TABLE marks (id BIGINT)");
        }
    }

    @AfterEach
    void disarm() {
        EMU.get().faults().clear();
        EMU.get().setJobRunTime(Duration.ZERO);
    }

    @Test
    void aSubmissionLeftUnansweredAfterTheJobWasCreatedHasRunOnce() throws SQLException {
        int jobs = EMU.get().jobs().size();
        try (Connection c = connect(url())) {
            EMU.get().faults().dropAfterHandling(RequestKind.SUBMIT, 1);
            SQLException e =
                    assertThrows(
                            SQLException.class, () -> update(c, "INSERT INTO marks VALUES (7)"));
            assertTrue(messages(e).contains("Unexpected end of file"), messages(e));
            assertEquals(List.of(List.of(1L)), rows(c, "SELECT count(*) FROM marks WHERE id = 7"));
        }
        List<SubmittedJob> all = EMU.get().jobs();
        assertEquals(jobs + 2, all.size(), "the INSERT and the count, each submitted once");
        assertNotEquals(
                all.get(all.size() - 1).uuid(),
                all.get(all.size() - 2).uuid(),
                "a uuid per submission");
    }

    @Test
    void aStatusAnswered503IsRetriedByTheSdkAndCounted() throws SQLException {
        EMU.get().setJobRunTime(Duration.ofMillis(1_500));
        long polls = EMU.get().faults().requests(RequestKind.STATUS);
        EMU.get().faults().answerStatus(RequestKind.STATUS, 503, 1);
        try (Connection c = connect(url())) {
            assertEquals("1", String.valueOf(rows(c, "SELECT 1").get(0).get(0)));
        }
        assertTrue(
                EMU.get().faults().requests(RequestKind.STATUS) >= polls + 2,
                "the 503 and the retry");
    }

    @Test
    void aTunnelStreamCutInTheMiddleIsReadAgainFromWhereItStopped() throws SQLException {
        EMU.get().faults().cutBody(RequestKind.TUNNEL_DATA, 40, 1);
        long before = EMU.get().faults().requests(RequestKind.TUNNEL_DATA);
        long fired = EMU.get().faults().fired();
        try (Connection c = connect(url())) {
            assertEquals(
                    5,
                    rows(
                                    c,
                                    "SELECT id FROM (SELECT 1 AS id UNION ALL SELECT 2 UNION ALL"
                                        + " SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) t")
                            .size());
        }
        assertEquals(fired + 1, EMU.get().faults().fired());
        assertTrue(
                EMU.get().faults().requests(RequestKind.TUNNEL_DATA) >= before + 2, "read again");
    }

    @Test
    void theTunnelEndpointIsTheAddressTheClientUsed() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), EMU.get().port())) {
            OutputStream out = s.getOutputStream();
            out.write(
                    ("GET /api/projects/f/tunnel?service HTTP/1.1\r\nHost: 127.0.0.1:4321\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.endsWith("127.0.0.1:4321"), answer);
        }
    }
}
