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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The endpoint's listening socket, its client sessions (a thread each) and the wire counters. */
final class SessionRegistry {
    private static final Logger LOG = Logger.getLogger(SessionRegistry.class.getName());
    private static final int MAX_CLOSED_SESSIONS = 10_000;

    private final HoloSimulator sim;
    private final ServerSocket serverSocket;
    private final Map<Long, ProxySession> open = new ConcurrentHashMap<>();
    /** Open and recently closed sessions, for {@link SimStats}. */
    private final Deque<ProxySession> all = new ConcurrentLinkedDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong hgVersionCalls = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    SessionRegistry(HoloSimulator sim, int port) throws IOException {
        this.sim = sim;
        this.serverSocket = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
        this.acceptor =
                new Thread(this::acceptLoop, "holo-sim-" + serverSocket.getLocalPort() + "-accept");
        acceptor.setDaemon(true);
    }

    void start() {
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    void started(ProxySession s) {
        connections.incrementAndGet();
    }

    void ended(ProxySession s) {
        open.remove(s.id);
    }

    void hgVersionCalled() {
        hgVersionCalls.incrementAndGet();
    }

    SimStats stats() {
        List<SimStats.ConnectionStats> per = new ArrayList<>();
        for (ProxySession s : all) {
            per.add(s.snapshot());
        }
        return new SimStats(connections.get(), hgVersionCalls.get(), per);
    }

    void resetStats() {
        connections.set(0);
        hgVersionCalls.set(0);
        all.clear();
        all.addAll(open.values());
        for (ProxySession s : open.values()) {
            s.resetCounters();
        }
    }

    /** Drops every client connection (the endpoint keeps listening). */
    void closeSessions() {
        for (ProxySession s : open.values()) {
            s.close();
        }
    }

    /** Stops listening and drops every client connection. */
    void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing
        }
        closeSessions();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, "holo-sim: accept failed", e);
                continue;
            }
            ProxySession session = new ProxySession(sim, s, ids.incrementAndGet());
            open.put(session.id, session);
            all.addLast(session);
            forgetOldClosedSessions();
            Thread t = new Thread(session, "holo-sim-" + port() + "-c2s-" + session.id);
            t.setDaemon(true);
            t.start();
        }
    }

    private void forgetOldClosedSessions() {
        int excess = all.size() - MAX_CLOSED_SESSIONS - open.size();
        for (Iterator<ProxySession> it = all.iterator(); excess > 0 && it.hasNext(); ) {
            if (!it.next().isOpen()) {
                it.remove();
                excess--;
            }
        }
    }
}
