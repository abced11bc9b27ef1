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

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executor;

/**
 * Statements lakeproxy sends on its own (a detection query, a setting before a statement, its
 * reset, a catalog read) wait for the server at most a bounded time: the real connection's network
 * timeout is tightened for them, and put back. A timeout the connection already has that is shorter
 * (pgjdbc's {@code socketTimeout}) stays. When the bound passes, the real driver reports it as it
 * reports its own socket timeout (pgjdbc: SQLState 08006, and the connection closed), so nothing
 * lakeproxy sent can hang a caller, and no setting can outlive a session that stopped answering.
 */
public final class OwnStatements {

    /** pgjdbc does not use the executor; JDBC asks for one, so the calling thread is it. */
    private static final Executor CALLER = Runnable::run;

    private OwnStatements() {}

    /** Some work on the real connection. */
    public interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} with each wait for the server bounded by {@code millis} (0: the
     * connection's own only).
     */
    public static <T> T bounded(Connection real, int millis, Work<T> work) throws SQLException {
        int own = millis > 0 ? real.getNetworkTimeout() : 0;
        boolean tighten = millis > 0 && (own == 0 || own > millis);
        if (tighten) {
            real.setNetworkTimeout(CALLER, millis);
        }
        try {
            return work.run();
        } finally {
            if (tighten && !real.isClosed()) {
                real.setNetworkTimeout(CALLER, own);
            }
        }
    }
}
