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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;

/**
 * Cases 2 and 6 of docs/reliability.md, raw pgjdbc and lakeproxy side by side behind a real TCP
 * fault proxy in front of the simulator (V3.2, the plugin active). Case 2: the connection drops
 * mid-SELECT, mid-COPY OUT and mid-COPY IN: the caller gets 08006 and the pool evicts the
 * connection and goes on. Case 6: a blackholed server (nothing moves, no reset): socketTimeout,
 * connectTimeout and loginTimeout are honoured, and isValid(t) returns false within t.
 */
class NetworkFaultsTest extends NetworkFaultsCase {

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void aDropMidSelect(boolean lakeproxy) throws SQLException {
        aDropMidwayIsAConnectionErrorAndThePoolRecovers(
                lakeproxy,
                c -> {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        s.setFetchSize(500);
                        try (ResultSet rs = s.executeQuery("SELECT id, pad FROM big ORDER BY id")) {
                            for (int row = 1; rs.next(); row++) {
                                if (row == 1_000) {
                                    proxy.dropAll();
                                }
                            }
                        }
                    }
                });
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void aDropMidCopyOut(boolean lakeproxy) throws SQLException {
        aDropMidwayIsAConnectionErrorAndThePoolRecovers(
                lakeproxy,
                c ->
                        c.unwrap(PGConnection.class)
                                .getCopyAPI()
                                .copyOut(
                                        "COPY big TO STDOUT",
                                        new Writer() {
                                            private long written;

                                            @Override
                                            public void write(char[] buf, int off, int len) {
                                                written += len;
                                                if (written > 1_000_000
                                                        && written - len <= 1_000_000) {
                                                    proxy.dropAll();
                                                }
                                            }

                                            @Override
                                            public void flush() {}

                                            @Override
                                            public void close() {}
                                        }));
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void aDropMidCopyIn(boolean lakeproxy) throws SQLException {
        aDropMidwayIsAConnectionErrorAndThePoolRecovers(
                lakeproxy,
                c ->
                        c.unwrap(PGConnection.class)
                                .getCopyAPI()
                                .copyIn(
                                        "COPY copied FROM STDIN",
                                        new Reader() {
                                            private int lines;

                                            @Override
                                            public int read(char[] buf, int off, int len) {
                                                if (++lines == 2_000) {
                                                    proxy.dropAll();
                                                }
                                                String line = lines + "\tx\n";
                                                line.getChars(0, line.length(), buf, off);
                                                return line.length();
                                            }

                                            @Override
                                            public void close() {}
                                        }));
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void socketTimeoutIsHonouredOnABlackhole(boolean lakeproxy) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(lakeproxy, "&socketTimeout=1"))) {
            proxy.freeze();
            long t0 = System.nanoTime();
            SQLException e =
                    assertThrows(SQLException.class, () -> c.createStatement().execute("SELECT 1"));
            long ms = millisSince(t0);
            assertEquals("08006", e.getSQLState());
            assertTrue(ms >= 900 && ms < 3_000, ms + " ms");
            assertTrue(c.isClosed());
        }
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void isValidReturnsWithinItsTimeoutOnABlackhole(boolean lakeproxy) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(lakeproxy, ""))) {
            assertTrue(c.isValid(1));
            proxy.freeze();
            long t0 = System.nanoTime();
            assertFalse(c.isValid(1));
            long ms = millisSince(t0);
            assertTrue(ms >= 900 && ms < 3_000, ms + " ms");
        }
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void loginTimeoutIsHonouredOnABlackhole(boolean lakeproxy) {
        proxy.freeze();
        long t0 = System.nanoTime();
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () ->
                                DriverManager.getConnection(url(lakeproxy, "&loginTimeout=2"))
                                        .close());
        long ms = millisSince(t0);
        assertEquals("08001", e.getSQLState());
        assertTrue(ms >= 1_900 && ms < 4_000, ms + " ms");
    }

    @ParameterizedTest(name = "lakeproxy={0}")
    @ValueSource(booleans = {false, true})
    void connectTimeoutIsHonouredWhenTheServerTakesNoConnection(boolean lakeproxy)
            throws IOException {
        proxy.freeze();
        List<Socket> queued = new ArrayList<>();
        try {
            for (int i = 0;
                    i < 60;
                    i++) { // the kernel completes a backlog of handshakes, then drops SYNs
                Socket s = new Socket();
                s.connect(
                        new java.net.InetSocketAddress(
                                InetAddress.getLoopbackAddress(), proxy.port()),
                        200);
                queued.add(s);
            }
        } catch (IOException full) {
            // the backlog is full: connects now time out, which is the point
        }
        try {
            long t0 = System.nanoTime();
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () ->
                                    DriverManager.getConnection(url(lakeproxy, "&connectTimeout=1"))
                                            .close());
            long ms = millisSince(t0);
            assertEquals("08001", e.getSQLState());
            assertTrue(ms >= 900 && ms < 3_000, ms + " ms");
        } finally {
            for (Socket s : queued) {
                s.close();
            }
        }
    }
}
