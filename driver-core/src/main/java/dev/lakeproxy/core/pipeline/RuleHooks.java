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
package dev.lakeproxy.core.pipeline;

import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.errors.LakeErrors;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.spi.OwnStatements;
import dev.lakeproxy.spi.Secrets;
import dev.lakeproxy.spi.StatementRule;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls the rules' hooks for one execution, in rule order, each rule's failure contained: a rule
 * that throws a runtime exception is skipped (its partial rewrite undone), counted and logged, and
 * the statement goes on.
 */
final class RuleHooks {

    private static final Logger LOG = Logger.getLogger(RuleHooks.class.getName());

    private final ActiveRules active;
    private final StatementRule[] rules;
    private final LakeMetrics metrics;
    private final Connection real;
    /**
     * How long a statement run first may wait for the server (0: the connection's own timeouts
     * only).
     */
    private final int ownTimeoutMillis;

    RuleHooks(ActiveRules active, LakeMetrics metrics, Connection real, int ownTimeoutMillis) {
        this.active = active;
        this.rules = active.rules;
        this.metrics = metrics;
        this.real = real;
        this.ownTimeoutMillis = ownTimeoutMillis;
    }

    private static boolean has(long interest, int rule) {
        return (interest & (1L << rule)) != 0;
    }

    /** Lets each interested rule rewrite or refuse; a refusal is counted and thrown. */
    void rewrite(Execution ex) throws SQLException {
        String before = ex.sql();
        for (int r = 0; r < rules.length; r++) {
            if (!has(ex.interest, r)) {
                continue;
            }
            String mark = ex.sql();
            try {
                rules[r].rewrite(ex);
            } catch (RuntimeException | LinkageError bug) {
                ex.restore(mark);
                active.contained(bug, rules[r].name() + ".rewrite");
            } catch (SQLException refused) {
                ex.visible.add(LakeErrors.message("pipeline.refused", rules[r].name()));
                if (!ex.isDryRun()) {
                    metrics.refused.increment();
                    LOG.log(Level.FINE, "lakeproxy refused a statement: {0}", refused.getMessage());
                }
                throw refused;
            }
        }
        if (!before.equals(ex.sql()) && !ex.isDryRun()) {
            metrics.rewritten.increment();
            if (LOG.isLoggable(Level.FINE)) {
                LOG.log(Level.FINE, "lakeproxy rewrote a statement ({0}) into: {1}",
                        new Object[] {String.join("; ", ex.actions), Secrets.maskSql(ex.sql())});
            }
        }
    }

    void beforeExecute(Execution ex) throws SQLException {
        for (int r = 0; r < rules.length; r++) {
            if (has(ex.interest, r)) {
                try {
                    rules[r].beforeExecute(ex);
                } catch (RuntimeException | LinkageError bug) {
                    active.contained(bug, rules[r].name() + ".beforeExecute");
                    ex.note(LakeErrors.message("pipeline.ruleFailed", rules[r].name()));
                }
            }
        }
    }

    void afterExecute(Execution ex) {
        for (int r = 0; r < rules.length; r++) {
            if (has(ex.interest, r)) {
                try {
                    rules[r].afterExecute(ex);
                } catch (RuntimeException | LinkageError bug) {
                    active.contained(bug, rules[r].name() + ".afterExecute");
                }
            }
        }
    }

    /**
     * Offers the failure to every rule: the first that translates or asks for a retry decides; one
     * retry at most.
     */
    <T> T recover(Execution ex, SQLException first, SqlCall<T> call) throws SQLException {
        SQLException error = first;
        while (true) {
            Outcome outcome = outcomeOf(ex, error);
            if (outcome.isRetry() && !ex.isRetry()) {
                ex.markRetry();
                metrics.retries.increment();
                LOG.log(
                        Level.FINE,
                        "lakeproxy retries a statement once: {0}",
                        outcome.retryReason());
                ex.note(LakeErrors.message("pipeline.retry", outcome.retryReason()));
                ex.visible.add(LakeErrors.message("pipeline.retried", outcome.retryReason()));
                runFirsts(ex);
                try {
                    T result = call.run(ex.sql());
                    afterExecute(ex);
                    return result;
                } catch (SQLException again) {
                    error = again;
                    continue;
                }
            }
            if (outcome.translated() != null) {
                metrics.translatedErrors.increment();
                LOG.log(Level.FINE, "lakeproxy explained a {0} error", error.getSQLState());
                throw outcome.translated();
            }
            throw error;
        }
    }

    private Outcome outcomeOf(Execution ex, SQLException error) throws SQLException {
        for (StatementRule rule : rules) {
            Outcome o;
            try {
                o = rule.onError(ex, error);
            } catch (RuntimeException | LinkageError bug) {
                active.contained(bug, rule.name() + ".onError");
                continue;
            }
            if (o.isRetry() || o.translated() != null) {
                return o;
            }
        }
        return Outcome.propagate();
    }

    /**
     * Sends the statements the rules asked to run first; each one's follow-up runs only if it
     * really ran.
     */
    void runFirsts(Execution ex) throws SQLException {
        if (ex.firsts.isEmpty()) {
            return;
        }
        List<Execution.First> pending = new ArrayList<>(ex.firsts);
        ex.firsts.clear();
        for (Execution.First f : pending) {
            try (Statement s = real.createStatement()) {
                OwnStatements.bounded(real, ownTimeoutMillis, () -> s.execute(f.sql));
            } catch (SQLException e) {
                throw LakeErrors.translate(
                        e, "statement.firstFailed", f.sql, f.reason, e.getMessage());
            }
            metrics.settingsSent.increment();
            LOG.log(
                    Level.FINE,
                    "lakeproxy ran {0} before the statement ({1})",
                    new Object[] {f.sql, f.reason});
            if (f.onSuccess != null) {
                f.onSuccess.run();
            }
        }
    }

    Object bind(String sql, int index, Object value) throws SQLException {
        long binders = active.binders();
        Object v = value;
        for (int r = 0; r < rules.length; r++) {
            if (has(binders, r)) {
                v = rules[r].bindParameter(sql, index, v);
            }
        }
        return v;
    }
}
