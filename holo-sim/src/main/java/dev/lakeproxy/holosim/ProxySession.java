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
package dev.lakeproxy.holosim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client connection: the handshake, then a pair of pumps between the client and the embedded
 * PostgreSQL ({@link ClientPump}, {@link ServerPump}), and what the proxy knows about the session.
 */
final class ProxySession implements Runnable {
    private static final Logger LOG = Logger.getLogger(ProxySession.class.getName());
    private static final int BUFFER = 1 << 16;

    private final HoloSimulator sim;
    private final Socket client;
    final long id;
    private volatile Socket server;
    private volatile String database = HoloSimulator.DEFAULT_DATABASE;
    private volatile String user = HoloSimulator.SUPERUSER;
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong hgVersionCalls = new AtomicLong();
    private volatile boolean open = true;
    final SearchPathState searchPathState = new SearchPathState();
    /** Foreign-table DDL of this session's open transaction (reported by the event triggers). */
    final Map<String, ForeignTableCatalog.ForeignTable> uncommitted = new ConcurrentHashMap<>();

    /**
     * Set when this connection ran DDL whose effect on the catalog is visible to others only at
     * commit.
     */
    boolean pendingDdl;

    /** {@link SimFaults}: the connection drops when the current statement's answer is complete. */
    volatile SimFaults.Fault dropAtAnswer;
    /** {@link SimFaults}: nothing moves any more in either direction. */
    volatile boolean frozen;
    /** {@link SimFaults}: the statement being read fails instead of running (client pump only). */
    boolean failing;

    /** Rewritten text (as PostgreSQL sees it) to the client's original text, for the query log. */
    private final Map<String, String> originals =
            new LinkedHashMap<String, String>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 256;
                }
            };

    ProxySession(HoloSimulator sim, Socket client, long id) {
        this.sim = sim;
        this.client = client;
        this.id = id;
    }

    String database() {
        return database;
    }

    String user() {
        return user;
    }

    void identify(String database, String user) {
        this.database = database;
        this.user = user;
    }

    /**
     * The session's search_path as far as the proxy saw it ({@code "$user", public} by default).
     */
    List<String> searchPath() {
        List<String> p = searchPathState.current();
        if (p == null) {
            return Arrays.asList(user, "public");
        }
        if (!p.contains("$user")) {
            return p;
        }
        List<String> resolved = new ArrayList<>(p);
        resolved.replaceAll(s -> s.equals("$user") ? user : s);
        return resolved;
    }

    void rememberOriginal(String rewritten, String original) {
        synchronized (originals) {
            originals.put(rewritten, original);
        }
    }

    /** The client's text of a statement the proxy rewrote (or the text itself). */
    String original(String text) {
        synchronized (originals) {
            return originals.getOrDefault(text, text);
        }
    }

    boolean isOpen() {
        return open;
    }

    void roundTrip() {
        roundTrips.incrementAndGet();
    }

    void hgVersionCalled() {
        hgVersionCalls.incrementAndGet();
    }

    void resetCounters() {
        roundTrips.set(0);
        hgVersionCalls.set(0);
    }

    SimStats.ConnectionStats snapshot() {
        return new SimStats.ConnectionStats(
                id, database, user, roundTrips.get(), hgVersionCalls.get(), open);
    }

    @Override
    public void run() {
        try {
            client.setTcpNoDelay(true);
            InputStream cin = new BufferedInputStream(client.getInputStream(), BUFFER);
            OutputStream cout = new BufferedOutputStream(client.getOutputStream(), BUFFER);
            byte[] startup = new StartupHandshake(sim, this).read(cin, cout);
            if (startup == null) {
                return;
            }
            Socket s = new Socket(InetAddress.getLoopbackAddress(), sim.pgPort());
            s.setTcpNoDelay(true);
            server = s;
            InputStream sin = new BufferedInputStream(s.getInputStream(), BUFFER);
            OutputStream sout = new BufferedOutputStream(s.getOutputStream(), BUFFER);
            sout.write(startup);
            sout.flush();
            sim.sessionStarted(this);
            ServerPump back = new ServerPump(sim, this);
            Thread t =
                    new Thread(() -> back.run(sin, cout), "holo-sim-" + sim.port() + "-s2c-" + id);
            t.setDaemon(true);
            t.start();
            new ClientPump(sim, this).run(cin, sout);
        } catch (IOException e) {
            LOG.log(Level.FINE, "holo-sim connection " + id + " ended", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "holo-sim connection " + id + " failed", e);
        } finally {
            close();
        }
    }

    void close() {
        open = false;
        synchronized (originals) {
            originals.clear();
        }
        closeQuietly(client);
        closeQuietly(server);
        sim.sessionEnded(this);
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
