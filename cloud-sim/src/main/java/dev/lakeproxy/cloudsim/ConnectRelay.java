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
package dev.lakeproxy.cloudsim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP CONNECT proxy on 127.0.0.1 that sends every tunnel to one local port, whatever host was
 * asked for. With {@code -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=<port>} a library whose
 * endpoint is fixed (the default chain's OIDC provider calls {@code sts.aliyuncs.com}) reaches a
 * loopback stand-in; no DNS lookup is made.
 */
final class ConnectRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int target;

    ConnectRelay(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "cloud-sim-connect");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> tunnel(client), "cloud-sim-tunnel");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try (client;
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (!head.startsWith("CONNECT ")) {
                client.getOutputStream()
                        .write(
                                "HTTP/1.1 405 Method Not Allowed\r\n\r\n"
                                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            client.getOutputStream()
                    .write(
                            "HTTP/1.1 200 Connection established\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            Thread up = new Thread(() -> copy(in, upstreamOut(upstream)), "cloud-sim-tunnel-up");
            up.setDaemon(true);
            up.start();
            copy(upstream.getInputStream(), client.getOutputStream());
        } catch (IOException ignored) {
            // the client or the stand-in went away: the tunnel ends
        }
    }

    private static OutputStream upstreamOut(Socket s) {
        try {
            return s.getOutputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copy(InputStream in, OutputStream out) {
        try {
            in.transferTo(out);
            out.flush();
        } catch (IOException ignored) {
            // one side closed
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
