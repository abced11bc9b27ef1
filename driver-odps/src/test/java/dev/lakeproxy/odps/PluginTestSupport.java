package dev.lakeproxy.odps;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.LakeproxyConnection;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The lakeproxy side of the tests: the same emulator reached through lakeproxy ({@code
 * jdbc:lakeproxy:odps:}) instead of raw ({@code jdbc:odps:}), and what lakeproxy reports. The
 * emulator side is {@code MaxComputeTestSupport} (the emulator's test jar).
 */
final class PluginTestSupport {

    static {
        try {
            Class.forName("dev.lakeproxy.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private PluginTestSupport() {
    }

    static String lake(String rawUrl, String... options) {
        StringBuilder sb =
                new StringBuilder("jdbc:lakeproxy:" + rawUrl.substring("jdbc:".length()));
        for (String o : options) {
            sb.append('&').append(o);
        }
        return sb.toString();
    }

    static Explanation explain(Connection c, String sql) throws SQLException {
        return c.unwrap(LakeproxyConnection.class).explain(sql);
    }

    static long counter(Connection c, String name) throws SQLException {
        return c.unwrap(LakeproxyConnection.class).metrics().snapshot().getOrDefault(name, 0L);
    }
}
