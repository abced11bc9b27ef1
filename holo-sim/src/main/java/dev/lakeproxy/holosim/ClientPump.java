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
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Client to server: SQL in Query and Parse messages goes through {@link SqlProcessor}; Bind
 * parameters get the setting names swapped; round trips and {@code hg_version()} calls are counted.
 */
final class ClientPump {
    private static final Logger LOG = Logger.getLogger(ClientPump.class.getName());

    private final HoloSimulator sim;
    private final ProxySession session;

    /**
     * Prepared statement name to its SQL text, and portal to its statement's text (for the
     * counters).
     */
    private final Map<String, String> statements = new HashMap<>();

    private final Map<String, String> portals = new HashMap<>();

    ClientPump(HoloSimulator sim, ProxySession session) {
        this.sim = sim;
        this.session = session;
    }

    void run(InputStream cin, OutputStream sout) throws IOException {
        SqlProcessor processor = sim.processor();
        String[] names = processor.settingNames();
        while (true) {
            int type = cin.read();
            if (type < 0) {
                return;
            }
            int len = Wire.readInt(cin);
            if (len < 4) {
                return;
            }
            byte[] body = Wire.readFully(cin, len - 4);
            switch (type) {
                case 'Q': {
                    session.roundTrip();
                    String sql = Wire.cstring(body, 0);
                    countHgVersion(sql);
                    if (injected(sql) == SimFaults.Fault.DROP_BEFORE) {
                        return;
                    }
                    String out = rewrite(session.failing ? SimFaults.FAILING_SQL : sql, processor);
                    session.failing = false;
                    if (out != sql) {
                        body = Wire.cstringBytes(out);
                    }
                    break;
                }
                case 'P': {
                    int z1 = Wire.indexOfZero(body, 0);
                    String name = new String(body, 0, z1, StandardCharsets.UTF_8);
                    int z2 = Wire.indexOfZero(body, z1 + 1);
                    String sql = new String(body, z1 + 1, z2 - z1 - 1, StandardCharsets.UTF_8);
                    statements.put(name, sql);
                    if (injected(sql) == SimFaults.Fault.DROP_BEFORE) {
                        return;
                    }
                    String out = rewrite(session.failing ? SimFaults.FAILING_SQL : sql, processor);
                    session.failing = false;
                    if (out != sql) {
                        ByteArrayOutputStream b = new ByteArrayOutputStream(body.length + 256);
                        b.write(body, 0, z1 + 1);
                        b.write(Wire.cstringBytes(out));
                        b.write(body, z2 + 1, body.length - z2 - 1);
                        body = b.toByteArray();
                    }
                    break;
                }
                case 'B': {
                    int z1 = Wire.indexOfZero(body, 0);
                    int z2 = Wire.indexOfZero(body, z1 + 1);
                    String portal = new String(body, 0, z1, StandardCharsets.UTF_8);
                    String stmt = new String(body, z1 + 1, z2 - z1 - 1, StandardCharsets.UTF_8);
                    portals.put(portal, statements.get(stmt));
                    Settings.swapBytes(body, z2 + 1, names, '_', '.', true);
                    break;
                }
                case 'E': {
                    String portal = Wire.cstring(body, 0);
                    String sql = portals.get(portal);
                    if (sql != null) {
                        countHgVersion(sql);
                    }
                    break;
                }
                case 'C': {
                    if (body.length > 1) {
                        String name = Wire.cstring(body, 1);
                        (body[0] == 'S' ? statements : portals).remove(name);
                    }
                    break;
                }
                case 'S':
                    session.roundTrip();
                    break;
                default:
                    break;
            }
            if (session.frozen) {
                continue; // a blackhole: what the client sends goes nowhere
            }
            Wire.writeMessage(sout, type, body);
            if (type == 'X') {
                sout.flush();
                return;
            }
            if (cin.available() == 0) {
                sout.flush();
            }
        }
    }

    private String rewrite(String sql, SqlProcessor processor) {
        String out;
        try {
            out = processor.process(sql, session);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "holo-sim: statement passed through unchanged", e);
            out = Settings.toServer(sql, processor.settingNames());
        }
        if (!out.equals(sql)) {
            session.rememberOriginal(out, sql);
            return out;
        }
        return sql;
    }

    /**
     * Applies the fault armed for this statement, if any ({@link SimFaults}), and returns it: a
     * drop before the statement ends the pump; a freeze stops every message from here on; a drop
     * after it, or a failure in its place, is carried out when its answer comes back ({@link
     * ServerPump}) or by the text PostgreSQL gets.
     */
    private SimFaults.Fault injected(String sql) {
        SimFaults.Fault fault = sim.faults().take(sql);
        if (fault == null) {
            return null;
        }
        LOG.log(Level.FINE, "holo-sim connection {0}: {1} at: {2}",
                new Object[] {session.id, fault, sql});
        switch (fault) {
            case FREEZE:
                session.frozen = true;
                break;
            case FAIL:
                session.failing = true;
                break;
            case DROP_WITHOUT_ANSWER:
            case DROP_AFTER_ANSWER:
                session.dropAtAnswer = fault;
                break;
            default:
                break;
        }
        return fault;
    }

    private void countHgVersion(String sql) {
        if (Settings.containsIgnoreCase(sql, "hg_version")) {
            session.hgVersionCalled();
            sim.hgVersionCalled();
        }
    }

}
