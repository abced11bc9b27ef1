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
package dev.lakeproxy.testing;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.netcrusher.NetCrusherException;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A real TCP fault proxy (netcrusher) on 127.0.0.1 in front of a server, for the fault tests: it
 * drops every connection or one at random, blackholes them (nothing moves, no FIN, no RST), stops
 * listening, or delays the server's answers. Faults hit what flows between the client and the
 * server, never a mock. Close it: its reactor's threads would keep the JVM alive.
 */
public final class FaultProxy implements AutoCloseable {

    /**
     * netcrusher cannot bind port 0 usefully (it never tells the port), so a free port is picked
     * first.
     */
    private static final int BIND_ATTEMPTS = 10;

    /**
     * Per connection and direction; netcrusher's default (64 x 32 KiB, direct) would cost 4 MiB per
     * connection.
     */
    private static final int BUFFERS = 8;

    private final NioReactor reactor;
    private final TcpCrusher crusher;
    private final int port;
    private volatile long answerDelayNanos;

    /** A proxy in front of {@code 127.0.0.1:targetPort}, listening from now on. */
    public FaultProxy(int targetPort) throws IOException {
        reactor = new NioReactor(5); // 5 ms: the precision of a delay
        TcpCrusher built = null;
        int bound = 0;
        try {
            for (int attempt = 1; built == null; attempt++) {
                bound = freePort();
                try {
                    built =
                            TcpCrusherBuilder.builder()
                                    .withReactor(reactor)
                                    .withBindAddress("127.0.0.1", bound)
                                    .withConnectAddress("127.0.0.1", targetPort)
                                    .withBufferCount(BUFFERS)
                                    .withBacklog(50)
                                    .withIncomingThrottlerFactory(client -> this::answerDelay)
                                    .buildAndOpen();
                } catch (NetCrusherException e) {
                    if (!(e.getCause() instanceof BindException) || attempt == BIND_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } catch (RuntimeException e) {
            reactor.close();
            throw e;
        }
        crusher = built;
        port = bound;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private long answerDelay(ByteBuffer ignored) {
        long d = answerDelayNanos;
        return d > 0 ? d : Throttler.NO_DELAY_NS;
    }

    /** The port clients connect to instead of the server's. */
    public int port() {
        return port;
    }

    /**
     * Every open connection is dropped (a client reads EOF, or a reset when it never sent a byte).
     */
    public void dropAll() {
        crusher.closeAllPairs();
    }

    /** One open connection, chosen at random, is dropped; false when none was open. */
    public boolean dropOne() {
        List<InetSocketAddress> live = new ArrayList<>(crusher.getClientAddresses());
        if (live.isEmpty()) {
            return false;
        }
        return crusher.closeClient(live.get(ThreadLocalRandom.current().nextInt(live.size())));
    }

    /**
     * A blackhole: nothing moves on any connection, nothing is closed, and new connections are not
     * accepted (the kernel still completes up to a backlog of handshakes, so a connect succeeds and
     * then waits).
     */
    public void freeze() {
        crusher.freeze();
    }

    /** Everything moves again; queued connections are accepted. */
    public void unfreeze() {
        crusher.unfreeze();
    }

    /** The open connections are blackholed; new ones still flow. */
    public void freezeConnections() {
        crusher.freezeAllPairs();
    }

    /**
     * The server goes away: every connection is dropped and connects are refused, until {@link
     * #start()}.
     */
    public void stop() {
        crusher.close();
    }

    /** The server is back, on the same port. */
    public void start() {
        crusher.open();
    }

    /** Every answer of the server (each buffer it sends) reaches the client this much later. */
    public void delayAnswers(Duration delay) {
        answerDelayNanos = delay.toNanos();
    }

    /**
     * Undoes every fault: listening, nothing frozen, no delay. Open connections stay as they are.
     */
    public void heal() {
        if (!crusher.isOpen()) {
            crusher.open();
        }
        if (crusher.isFrozen()) {
            crusher.unfreeze();
        }
        answerDelayNanos = 0;
    }

    /** Connections open now. */
    public int openConnections() {
        return crusher.getClientAddresses().size();
    }

    /** Connections accepted since the proxy started listening. */
    public int acceptedConnections() {
        return crusher.getClientTotalCount();
    }

    @Override
    public void close() {
        try {
            crusher.close();
        } finally {
            reactor.close();
        }
    }
}
