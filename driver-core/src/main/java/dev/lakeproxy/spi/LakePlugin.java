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
package dev.lakeproxy.spi;

import java.sql.SQLException;
import java.util.List;

/**
 * A lakeproxy plugin, discovered with {@link java.util.ServiceLoader}. It serves one kind of real
 * driver and decides per connection, after detection, whether it is active.
 */
public interface LakePlugin {

    /** A short name, used by {@code lakeproxy.plugins} and in logs. */
    String name();

    /**
     * Whether this plugin serves the real driver of this subprotocol ({@code postgresql}, {@code
     * odps}, ...).
     */
    boolean serves(String subprotocol);

    /** The plugin's {@code lakeproxy.*} options; they join the one option registry. */
    default List<LakeOption<?>> options() {
        return List.of();
    }

    /**
     * Runs before the real connection is opened: may adjust the real connection's properties (for
     * example a startup parameter, or a decrypted password). Must not do I/O that a cached answer
     * could avoid.
     */
    default void beforeConnect(ConnectRequest request) throws SQLException {}

    /**
     * The real driver refused the connection. A plugin that added something in {@link
     * #beforeConnect} (a startup parameter, say) drops what it knew about the server and may take
     * its addition back out of {@code request}; returning {@code true} asks for one more attempt
     * with the request as it stands then. The default does nothing, so the real driver's error
     * reaches the caller as it is.
     */
    default boolean connectFailed(ConnectRequest request, SQLException error) {
        return false;
    }

    /**
     * Runs once the real connection is open. Detection happens here. Returns the per-connection
     * session, or {@code null} to stay off for this connection (then lakeproxy is pure pass-through
     * for it).
     */
    SessionPlugin activate(PluginContext context) throws SQLException;

    /**
     * The plugin's checks of an open connection, for {@code lakeproxy doctor}: each says what was
     * found and, when it is not OK, the exact fix. Called for every plugin that serves the
     * connection's driver, active or not. A failure to check is itself a check (WARN or FAIL), not
     * an exception.
     */
    default List<Check> diagnose(DiagnosisContext context) {
        return List.of();
    }
}
