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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The start of a client connection: SSL/GSS requests (declined), CancelRequest (forwarded), and the
 * startup packet, whose {@code options} are checked and get the setting names swapped before
 * PostgreSQL sees them.
 */
final class StartupHandshake {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;
    private static final int PROTOCOL_3 = 196608;

    private final HoloSimulator sim;
    private final ProxySession session;

    StartupHandshake(HoloSimulator sim, ProxySession session) {
        this.sim = sim;
        this.session = session;
    }

    /**
     * Reads SSL/GSS requests (answered 'N'), forwards a CancelRequest, and returns the startup
     * packet to send.
     */
    byte[] read(InputStream cin, OutputStream cout) throws IOException {
        while (true) {
            int len = Wire.readInt(cin);
            if (len < 8 || len > 10_000) {
                return null;
            }
            byte[] body = Wire.readFully(cin, len - 4);
            int code = Wire.getInt(body, 0);
            if (code == SSL_REQUEST || code == GSSENC_REQUEST) {
                cout.write('N');
                cout.flush();
                continue;
            }
            if (code == CANCEL_REQUEST) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), sim.pgPort())) {
                    OutputStream o = s.getOutputStream();
                    o.write(Wire.intBytes(len));
                    o.write(body);
                    o.flush();
                    s.getInputStream().read(); // the server closes the connection
                }
                return null;
            }
            if (code != PROTOCOL_3) {
                // Let PostgreSQL answer unsupported protocol versions itself.
                return Wire.concat(Wire.intBytes(len), body);
            }
            return processStartup(body, cin, cout);
        }
    }

    private byte[] processStartup(byte[] body, InputStream cin, OutputStream cout)
            throws IOException {
        LinkedHashMap<String, String> params = new LinkedHashMap<>();
        int pos = 4;
        while (pos < body.length && body[pos] != 0) {
            int k = Wire.indexOfZero(body, pos);
            String key = new String(body, pos, k - pos, StandardCharsets.UTF_8);
            int v = Wire.indexOfZero(body, k + 1);
            String value = new String(body, k + 1, v - k - 1, StandardCharsets.UTF_8);
            params.put(key, value);
            pos = v + 1;
        }
        String user = params.getOrDefault("user", HoloSimulator.SUPERUSER);
        String database = params.getOrDefault("database", user);
        session.identify(database, user);
        String options = params.get("options");
        boolean stsLogins = sim.version().atLeast(SimulatedVersion.V2_0);
        if (!sim.accessKeyLogins().check(user, options, stsLogins, cin, cout)) {
            return null; // refused as PostgreSQL refuses a password: 28P01
        }
        if (options != null && AccessKeyLogins.stsToken(options) != null) {
            options = AccessKeyLogins.withoutStsToken(options);
            if (options == null) {
                params.remove("options");
            }
        }
        session.searchPathState.base(sim.defaultSearchPaths().lookup(database, user));
        if (options != null) {
            String invalid = invalidBoolOption(options);
            if (invalid != null) {
                Wire.sendError(cout, "FATAL", "22023",
                        Settings.REQUIRES_BOOLEAN);
                return null;
            }
            String path = SearchPaths.startupOption(options, "search_path");
            if (path != null) {
                session.searchPathState.base(SearchPaths.parse(path, false));
            }
            params.put("options", Settings.toServer(options, sim.processor().settingNames()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Wire.intBytes(0));
        out.write(Wire.intBytes(PROTOCOL_3));
        for (Map.Entry<String, String> e : params.entrySet()) {
            out.write(e.getKey().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.write(0);
        byte[] packet = out.toByteArray();
        System.arraycopy(Wire.intBytes(packet.length), 0, packet, 0, 4);
        return packet;
    }

    /** The invalid value of the boolean setting in a startup {@code options} string, or null. */
    static String invalidBoolOption(String options) {
        String v = SearchPaths.startupOption(options, Settings.ORC_VIA_HOLO);
        return v == null || Settings.isValidBool(v) ? null : v;
    }

}
