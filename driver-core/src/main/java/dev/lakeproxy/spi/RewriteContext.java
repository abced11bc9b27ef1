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

/** A statement's text on its way to the real driver. */
public interface RewriteContext {

    /** The SQL as the application wrote it. */
    String originalSql();

    /** The SQL as it stands after earlier rewrites. */
    String sql();

    /**
     * Replaces the SQL. Build the new text by splicing the original at parsed positions
     * ({@link dev.lakeproxy.spi.sql.SqlSplice}), never by printing an AST.
     */
    void rewrite(String newSql, String reason);

    /** Records a decision that changed nothing, for the FINE log and {@code explain}. */
    void note(String action);

    /**
     * Records what the user should hear of although nothing changed (a fix that could not be
     * applied, and why): for the FINE log, {@code explain} and the statement's SQLWarning. The same
     * text is told once per execution.
     */
    default void warn(String message) {
        note(message);
    }

    boolean isPrepared();

    /** True inside {@code explain}: nothing will run. */
    boolean isDryRun();

    /** Parsing, cached by text. */
    SqlAnalysis analysis();
}
