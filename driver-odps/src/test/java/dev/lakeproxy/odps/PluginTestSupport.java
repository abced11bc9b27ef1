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
