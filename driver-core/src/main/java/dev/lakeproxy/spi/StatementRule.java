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

/**
 * One feature of a plugin, as it applies to statements (for example "scatter Tablestore writes").
 * Each rule has its own cheap {@link #interested(String)} test; the pipeline decides interest once
 * per call and calls a rule's statement hooks only when it said yes. {@link #onError} is the
 * exception: it is offered every failure, since an error can teach what no lexical test could know.
 * {@code explain()} runs the same hooks with {@link RewriteContext#isDryRun()} true.
 */
public interface StatementRule {

    /** A short name for logs and {@code explain}, e.g. {@code odps.tablestoreScatter}. */
    String name();

    /**
     * A cheap lexical test: may this SQL concern the rule? It must not parse or allocate. {@code
     * false} for every rule sends the statement straight to the real driver.
     */
    boolean interested(String sql);

    /**
     * Sees the SQL once per text (at execution for a Statement, at prepare for a PreparedStatement)
     * and may rewrite it with {@link RewriteContext#rewrite}, or refuse it by throwing.
     */
    default void rewrite(RewriteContext context) throws SQLException {}

    /** Runs before each execution: may ask for statements to run first (session settings). */
    default void beforeExecute(ExecutionContext context) throws SQLException {
    }

    /** Observes a failure: propagate it, translate it, or ask for one retry. */
    default Outcome onError(ExecutionContext context, SQLException error) throws SQLException {
        return Outcome.propagate();
    }

    /** Observes a success. */
    default void afterExecute(ExecutionContext context) {
    }

    /** Whether {@link #bindParameter} should see PreparedStatement parameters. */
    default boolean bindsParameters() {
        return false;
    }

    /** May replace a parameter value before it reaches the real PreparedStatement. */
    default Object bindParameter(String sql, int index, Object value) throws SQLException {
        return value;
    }
}
