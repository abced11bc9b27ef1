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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Server to client: setting names swapped back, the simulator's private NOTICEs (reads,
 * foreign-table DDL) taken out of the stream, its own functions' CONTEXT dropped from errors, and
 * the transaction ends noted.
 */
final class ServerPump {
    private static final Logger LOG = Logger.getLogger(ServerPump.class.getName());
    static final String READ_MARKER = "hg_sim:read\u001f";
    static final String FT_MARKER = "hg_sim:ft\u001f";
    static final String DROP_MARKER = "hg_sim:drop\u001f";

    private final HoloSimulator sim;
    private final ProxySession session;

    ServerPump(HoloSimulator sim, ProxySession session) {
        this.sim = sim;
        this.session = session;
    }

    void run(InputStream sin, OutputStream cout) {
        String[] names = sim.processor().settingNames();
        try {
            while (true) {
                int type = sin.read();
                if (type < 0) {
                    break;
                }
                int len = Wire.readInt(sin);
                byte[] body = Wire.readFully(sin, len - 4);
                if (type == 'N' && handleNotice(body)) {
                    continue;
                }
                if (type == 'E') {
                    session.searchPathState.transactionFailed();
                    body = stripInternalContext(body);
                } else if (type == 'C' && body.length >= 8 && body[0] == 'R'
                        && "ROLLBACK".equals(Wire.cstring(body, 0))) {
                    session.searchPathState.transactionFailed();
                } else if (type == 'Z' && body.length > 0) {
                    session.searchPathState.readyForQuery(body[0]);
                    if (body[0] == 'I' && !session.uncommitted.isEmpty()) {
                        // Transaction over (committed or not): the shared catalog is the truth
                        // again.
                        session.uncommitted.clear();
                        sim.catalog(session.database()).markDirty();
                    }
                }
                SimFaults.Fault drop = session.dropAtAnswer;
                if (session.frozen || drop == SimFaults.Fault.DROP_WITHOUT_ANSWER) {
                    if (drop != null && type == 'Z') {
                        break; // the answer is complete: the connection drops now
                    }
                    continue;
                }
                Settings.swapBytes(body, 0, names, '.', '_', false);
                Wire.writeMessage(cout, type, body);
                if (drop != null && type == 'Z') {
                    break;
                }
                if (sin.available() == 0) {
                    cout.flush();
                }
            }
            cout.flush();
        } catch (IOException e) {
            LOG.log(Level.FINE, "holo-sim connection " + session.id + ": server side ended", e);
        } finally {
            session.close();
        }
    }

    /**
     * Drops the CONTEXT ('W') field of errors raised by the simulator's own functions (hg_sim.*).
     */
    static byte[] stripInternalContext(byte[] body) {
        ByteArrayOutputStream out = null;
        int pos = 0;
        while (pos < body.length && body[pos] != 0) {
            int z = Wire.indexOfZero(body, pos + 1);
            if (body[pos] == 'W'
                    && new String(body, pos + 1, z - pos - 1, StandardCharsets.UTF_8)
                            .contains("hg_sim.")) {
                if (out == null) {
                    out = new ByteArrayOutputStream(body.length);
                    out.write(body, 0, pos);
                }
            } else if (out != null) {
                out.write(body, pos, z + 1 - pos);
            }
            pos = z + 1;
        }
        if (out == null) {
            return body;
        }
        out.write(0);
        return out.toByteArray();
    }

    /** True when the notice was the simulator's private read report (then it is not forwarded). */
    private boolean handleNotice(byte[] body) {
        int pos = 0;
        while (pos < body.length && body[pos] != 0) {
            byte code = body[pos];
            int z = Wire.indexOfZero(body, pos + 1);
            if (code == 'M') {
                String msg = new String(body, pos + 1, z - pos - 1, StandardCharsets.UTF_8);
                if (msg.startsWith(FT_MARKER)) {
                    String[] f = msg.split("\u001f", -1);
                    if (f.length == 9) {
                        session.uncommitted.put(
                                ForeignTableCatalog.key(f[1], f[2]),
                                new ForeignTableCatalog.ForeignTable(
                                        f[1],
                                        f[2],
                                        emptyToNull(f[3]),
                                        emptyToNull(f[4]),
                                        f[5],
                                        f[6],
                                        "true".equals(f[7]),
                                        Long.parseLong(f[8])));
                    }
                    return true;
                }
                if (msg.startsWith(DROP_MARKER)) {
                    String[] f = msg.split("\u001f", -1);
                    if (f.length == 3) {
                        session.uncommitted.put(
                                ForeignTableCatalog.key(f[1], f[2]), ForeignTableCatalog.DROPPED);
                    }
                    return true;
                }
                if (!msg.startsWith(READ_MARKER)) {
                    return false;
                }
                String[] f = msg.split("\u001f", 9);
                if (f.length == 9) {
                    String query = session.original(f[8]);
                    sim.recordRead(
                            new QueryLogEntry(
                                    Instant.now(),
                                    session.id,
                                    f[1],
                                    session.user(),
                                    query,
                                    f[2],
                                    f[3],
                                    Encryption.valueOf(f[4]),
                                    Engine.valueOf(f[5]),
                                    "ok".equals(f[6])));
                }
                return true;
            }
            pos = z + 1;
        }
        return false;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

}
