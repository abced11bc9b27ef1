package dev.lakeproxy.holosim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client connection: a pair of pumps between the client and the embedded PostgreSQL. Client messages
 * that carry SQL (Query, Parse) go through {@link SqlProcessor}; server messages get the setting names
 * swapped back, and the simulator's private NOTICEs are taken out of the stream.
 */
final class ProxySession implements Runnable {
    private static final Logger LOG = Logger.getLogger(ProxySession.class.getName());
    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;
    private static final int PROTOCOL_3 = 196608;
    static final String READ_MARKER = "hg_sim:read\u001f";
    static final String FT_MARKER = "hg_sim:ft\u001f";
    static final String DROP_MARKER = "hg_sim:drop\u001f";

    private final HoloSimulator sim;
    private final Socket client;
    final long id;
    private volatile Socket server;
    private volatile String database = "postgres";
    private volatile String user = "postgres";
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong hgVersionCalls = new AtomicLong();
    private volatile boolean open = true;
    final SearchPathState searchPathState = new SearchPathState();
    /** Foreign-table DDL of this session's open transaction (reported by the event triggers). */
    final Map<String, ForeignTableCatalog.ForeignTable> uncommitted = new java.util.concurrent.ConcurrentHashMap<>();

    /** Set when this connection ran DDL whose effect on the catalog is visible to others only at commit. */
    boolean pendingDdl;

    private final Map<String, String> statements = new HashMap<>();
    private final Map<String, String> portals = new HashMap<>();
    /** Rewritten text (as PostgreSQL sees it) to the client's original text, for the query log. */
    private final Map<String, String> originals = new LinkedHashMap<String, String>(64, 0.75f, true) {
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

    /** The session's search_path as far as the proxy saw it ({@code "$user", public} by default). */
    List<String> searchPath() {
        List<String> p = searchPathState.current();
        if (p == null) {
            return java.util.Arrays.asList(user, "public");
        }
        if (!p.contains("$user")) {
            return p;
        }
        List<String> resolved = new java.util.ArrayList<>(p);
        resolved.replaceAll(s -> s.equals("$user") ? user : s);
        return resolved;
    }

    boolean isOpen() {
        return open;
    }

    void resetCounters() {
        roundTrips.set(0);
        hgVersionCalls.set(0);
    }

    SimStats.ConnectionStats snapshot() {
        return new SimStats.ConnectionStats(id, database, user, roundTrips.get(), hgVersionCalls.get(), open);
    }

    @Override
    public void run() {
        try {
            client.setTcpNoDelay(true);
            InputStream cin = new BufferedInputStream(client.getInputStream(), 1 << 16);
            OutputStream cout = new BufferedOutputStream(client.getOutputStream(), 1 << 16);
            byte[] startup = readStartup(cin, cout);
            if (startup == null) {
                return;
            }
            Socket s = new Socket(InetAddress.getLoopbackAddress(), sim.pgPort());
            s.setTcpNoDelay(true);
            server = s;
            InputStream sin = new BufferedInputStream(s.getInputStream(), 1 << 16);
            OutputStream sout = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
            sout.write(startup);
            sout.flush();
            sim.sessionStarted(this);
            Thread back = new Thread(() -> pumpServerToClient(sin, cout), "holo-sim-" + sim.port() + "-s2c-" + id);
            back.setDaemon(true);
            back.start();
            pumpClientToServer(cin, sout);
        } catch (IOException e) {
            LOG.log(Level.FINE, "holo-sim connection " + id + " ended", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "holo-sim connection " + id + " failed", e);
        } finally {
            close();
            statements.clear();
            portals.clear();
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

    // ---------------------------------------------------------------- startup

    /** Reads SSL/GSS requests (answered 'N'), forwards a CancelRequest, and returns the startup packet to send. */
    private byte[] readStartup(InputStream cin, OutputStream cout) throws IOException {
        while (true) {
            int len = readInt(cin);
            if (len < 8 || len > 10_000) {
                return null;
            }
            byte[] body = readFully(cin, len - 4);
            int code = getInt(body, 0);
            if (code == SSL_REQUEST || code == GSSENC_REQUEST) {
                cout.write('N');
                cout.flush();
                continue;
            }
            if (code == CANCEL_REQUEST) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), sim.pgPort())) {
                    OutputStream o = s.getOutputStream();
                    o.write(intBytes(len));
                    o.write(body);
                    o.flush();
                    s.getInputStream().read(); // the server closes the connection
                }
                return null;
            }
            if (code != PROTOCOL_3) {
                // Let PostgreSQL answer unsupported protocol versions itself.
                return concat(intBytes(len), body);
            }
            return processStartup(body, cout);
        }
    }

    private byte[] processStartup(byte[] body, OutputStream cout) throws IOException {
        LinkedHashMap<String, String> params = new LinkedHashMap<>();
        int pos = 4;
        while (pos < body.length && body[pos] != 0) {
            int k = indexOfZero(body, pos);
            String key = new String(body, pos, k - pos, StandardCharsets.UTF_8);
            int v = indexOfZero(body, k + 1);
            String value = new String(body, k + 1, v - k - 1, StandardCharsets.UTF_8);
            params.put(key, value);
            pos = v + 1;
        }
        if (params.containsKey("user")) {
            user = params.get("user");
        }
        database = params.getOrDefault("database", user);
        searchPathState.base(sim.defaultSearchPaths().lookup(database, user));
        String options = params.get("options");
        if (options != null) {
            String invalid = invalidBoolOption(options);
            if (invalid != null) {
                sendError(cout, "FATAL", "22023", "parameter \"" + Settings.ORC_VIA_HOLO + "\" requires a Boolean value");
                return null;
            }
            String path = SearchPaths.startupOption(options, "search_path");
            if (path != null) {
                searchPathState.base(SearchPaths.parse(path, false));
            }
            params.put("options", Settings.toServer(options, sim.processor().settingNames()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(intBytes(0));
        out.write(intBytes(PROTOCOL_3));
        for (Map.Entry<String, String> e : params.entrySet()) {
            out.write(e.getKey().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.write(0);
        byte[] packet = out.toByteArray();
        System.arraycopy(intBytes(packet.length), 0, packet, 0, 4);
        return packet;
    }

    /** The invalid value of the boolean setting in a startup {@code options} string, or null. */
    static String invalidBoolOption(String options) {
        String v = SearchPaths.startupOption(options, Settings.ORC_VIA_HOLO);
        return v == null || Settings.isValidBool(v) ? null : v;
    }

    private static void sendError(OutputStream out, String severity, String code, String message) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        field(b, 'S', severity);
        field(b, 'V', severity);
        field(b, 'C', code);
        field(b, 'M', message);
        b.write(0);
        byte[] body = b.toByteArray();
        out.write('E');
        out.write(intBytes(body.length + 4));
        out.write(body);
        out.flush();
    }

    private static void field(ByteArrayOutputStream b, char type, String value) throws IOException {
        b.write(type);
        b.write(value.getBytes(StandardCharsets.UTF_8));
        b.write(0);
    }

    // ---------------------------------------------------------------- client -> server

    private void pumpClientToServer(InputStream cin, OutputStream sout) throws IOException {
        SqlProcessor processor = sim.processor();
        String[] names = processor.settingNames();
        while (true) {
            int type = cin.read();
            if (type < 0) {
                return;
            }
            int len = readInt(cin);
            if (len < 4) {
                return;
            }
            byte[] body = readFully(cin, len - 4);
            switch (type) {
                case 'Q': {
                    roundTrips.incrementAndGet();
                    String sql = cstring(body, 0);
                    countHgVersion(sql);
                    String out = rewrite(sql, processor);
                    if (out != sql) {
                        body = cstringBytes(out);
                    }
                    break;
                }
                case 'P': {
                    int z1 = indexOfZero(body, 0);
                    String name = new String(body, 0, z1, StandardCharsets.UTF_8);
                    int z2 = indexOfZero(body, z1 + 1);
                    String sql = new String(body, z1 + 1, z2 - z1 - 1, StandardCharsets.UTF_8);
                    statements.put(name, sql);
                    String out = rewrite(sql, processor);
                    if (out != sql) {
                        ByteArrayOutputStream b = new ByteArrayOutputStream(body.length + 256);
                        b.write(body, 0, z1 + 1);
                        b.write(cstringBytes(out));
                        b.write(body, z2 + 1, body.length - z2 - 1);
                        body = b.toByteArray();
                    }
                    break;
                }
                case 'B': {
                    int z1 = indexOfZero(body, 0);
                    int z2 = indexOfZero(body, z1 + 1);
                    String portal = new String(body, 0, z1, StandardCharsets.UTF_8);
                    String stmt = new String(body, z1 + 1, z2 - z1 - 1, StandardCharsets.UTF_8);
                    portals.put(portal, statements.get(stmt));
                    Settings.swapBytes(body, z2 + 1, names, '_', '.', true);
                    break;
                }
                case 'E': {
                    String portal = cstring(body, 0);
                    String sql = portals.get(portal);
                    if (sql != null) {
                        countHgVersion(sql);
                    }
                    break;
                }
                case 'C': {
                    if (body.length > 1) {
                        String name = cstring(body, 1);
                        (body[0] == 'S' ? statements : portals).remove(name);
                    }
                    break;
                }
                case 'S':
                    roundTrips.incrementAndGet();
                    break;
                default:
                    break;
            }
            sout.write(type);
            sout.write(intBytes(body.length + 4));
            sout.write(body);
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
            out = processor.process(sql, this);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "holo-sim: statement passed through unchanged", e);
            out = Settings.toServer(sql, processor.settingNames());
        }
        if (!out.equals(sql)) {
            synchronized (originals) {
                originals.put(out, sql);
            }
            return out;
        }
        return sql;
    }

    private void countHgVersion(String sql) {
        if (Settings.containsIgnoreCase(sql, "hg_version")) {
            hgVersionCalls.incrementAndGet();
            sim.hgVersionCalled();
        }
    }

    // ---------------------------------------------------------------- server -> client

    private void pumpServerToClient(InputStream sin, OutputStream cout) {
        String[] names = sim.processor().settingNames();
        try {
            while (true) {
                int type = sin.read();
                if (type < 0) {
                    break;
                }
                int len = readInt(sin);
                byte[] body = readFully(sin, len - 4);
                if (type == 'N' && handleNotice(body)) {
                    continue;
                }
                if (type == 'E') {
                    searchPathState.transactionFailed();
                    body = stripInternalContext(body);
                } else if (type == 'C' && body.length >= 8 && body[0] == 'R' && "ROLLBACK".equals(cstring(body, 0))) {
                    searchPathState.transactionFailed();
                } else if (type == 'Z' && body.length > 0) {
                    searchPathState.readyForQuery(body[0]);
                    if (body[0] == 'I' && !uncommitted.isEmpty()) {
                        // Transaction over (committed or not): the shared catalog is the truth again.
                        uncommitted.clear();
                        sim.catalog(database).markDirty();
                    }
                }
                Settings.swapBytes(body, 0, names, '.', '_', false);
                cout.write(type);
                cout.write(intBytes(body.length + 4));
                cout.write(body);
                if (sin.available() == 0) {
                    cout.flush();
                }
            }
            cout.flush();
        } catch (IOException e) {
            LOG.log(Level.FINE, "holo-sim connection " + id + ": server side ended", e);
        } finally {
            close();
        }
    }

    /** Drops the CONTEXT ('W') field of errors raised by the simulator's own functions (hg_sim.*). */
    static byte[] stripInternalContext(byte[] body) {
        ByteArrayOutputStream out = null;
        int pos = 0;
        while (pos < body.length && body[pos] != 0) {
            int z = indexOfZero(body, pos + 1);
            if (body[pos] == 'W' && new String(body, pos + 1, z - pos - 1, StandardCharsets.UTF_8).contains("hg_sim.")) {
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
            int z = indexOfZero(body, pos + 1);
            if (code == 'M') {
                String msg = new String(body, pos + 1, z - pos - 1, StandardCharsets.UTF_8);
                if (msg.startsWith(FT_MARKER)) {
                    String[] f = msg.split("\u001f", -1);
                    if (f.length == 9) {
                        uncommitted.put(ForeignTableCatalog.key(f[1], f[2]), new ForeignTableCatalog.ForeignTable(
                                f[1], f[2], emptyToNull(f[3]), emptyToNull(f[4]), f[5], f[6], "true".equals(f[7]),
                                Long.parseLong(f[8])));
                    }
                    return true;
                }
                if (msg.startsWith(DROP_MARKER)) {
                    String[] f = msg.split("\u001f", -1);
                    if (f.length == 3) {
                        uncommitted.put(ForeignTableCatalog.key(f[1], f[2]), ForeignTableCatalog.DROPPED);
                    }
                    return true;
                }
                if (!msg.startsWith(READ_MARKER)) {
                    return false;
                }
                String[] f = msg.split("\u001f", 9);
                if (f.length == 9) {
                    String query;
                    synchronized (originals) {
                        query = originals.getOrDefault(f[8], f[8]);
                    }
                    sim.recordRead(new QueryLogEntry(Instant.now(), id, f[1], user, query, f[2], f[3],
                            Encryption.valueOf(f[4]), Engine.valueOf(f[5]), "ok".equals(f[6])));
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

    // ---------------------------------------------------------------- framing helpers

    static int readInt(InputStream in) throws IOException {
        int a = in.read();
        int b = in.read();
        int c = in.read();
        int d = in.read();
        if ((a | b | c | d) < 0) {
            throw new EOFException();
        }
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    static byte[] readFully(InputStream in, int n) throws IOException {
        if (n < 0) {
            throw new IOException("bad message length");
        }
        byte[] buf = new byte[n];
        int off = 0;
        while (off < n) {
            int r = in.read(buf, off, n - off);
            if (r < 0) {
                throw new EOFException();
            }
            off += r;
        }
        return buf;
    }

    static int getInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static int indexOfZero(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return b.length;
    }

    static String cstring(byte[] b, int from) {
        int z = indexOfZero(b, from);
        return new String(b, from, z - from, StandardCharsets.UTF_8);
    }

    static byte[] cstringBytes(String s) {
        byte[] t = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[t.length + 1];
        System.arraycopy(t, 0, out, 0, t.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
