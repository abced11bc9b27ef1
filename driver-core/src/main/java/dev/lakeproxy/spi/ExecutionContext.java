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

import dev.lakeproxy.spi.sql.SqlAnalysis;
import java.sql.Connection;
import java.sql.SQLException;

/** One execution of a statement. */
public interface ExecutionContext {

    String originalSql();

    /** The SQL the real driver runs (after rewrites). */
    String sql();

    boolean isPrepared();

    /** The real connection's autocommit at the time of the call. */
    boolean autoCommit() throws SQLException;

    /** The real connection, for the plugin's own lookups (they bypass the pipeline). */
    Connection realConnection();

    /**
     * Runs {@code sql} on the real connection before the statement (or before its retry). {@code
     * onSuccess} runs only if it really ran, so a plugin's tracked state follows the server's.
     */
    void runFirst(String sql, String reason, Runnable onSuccess);

    /** Records a decision, for the FINE log and {@code explain}. */
    void note(String action);

    /**
     * As {@link RewriteContext#warn}: what the user should hear of, on the statement's SQLWarning.
     */
    default void warn(String message) {
        note(message);
    }

    /** True when this is the single retry. */
    boolean isRetry();

    /** True inside {@code explain}: nothing will run. */
    boolean isDryRun();

    /** Parsing, cached by text. */
    SqlAnalysis analysis();

    /** A plugin's counter, by name (e.g. {@code holo.engineSwitches}); bumping it is cheap. */
    java.util.concurrent.atomic.LongAdder counter(String name);
}
