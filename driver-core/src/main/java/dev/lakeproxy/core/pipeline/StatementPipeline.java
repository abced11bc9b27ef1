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

import dev.lakeproxy.Explanation;
import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.errors.LakeErrors;
import dev.lakeproxy.core.sql.SqlAnalyzer;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.spi.TransactionEvent;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection's statement pipeline. {@link #interest} is the whole fast-path test: one pass over
 * the active rules' lexical checks, no allocation, no parsing; 0 sends the call straight to the
 * real object. The slow path ({@link #execute}) lets the interested rules rewrite, run settings
 * first, observe, translate and retry once. {@link #explain} runs the very same path in dry-run
 * mode, stopping before anything is sent.
 */
public final class StatementPipeline {

    private static final Logger LOG = Logger.getLogger(StatementPipeline.class.getName());

    private final Connection real;
    private final ActiveRules active;
    private final LakeMetrics metrics;
    private final SqlAnalyzer analyzer;
    private final RuleHooks hooks;
    private final boolean warnings;

    public StatementPipeline(
            Connection real,
            List<SessionPlugin> plugins,
            LakeMetrics metrics,
            SqlAnalyzer analyzer,
            boolean warnings) {
        this.real = real;
        this.warnings = warnings;
        this.active = new ActiveRules(plugins, metrics);
        this.metrics = metrics;
        this.analyzer = analyzer;
        this.hooks = new RuleHooks(active, metrics, real, ownStatementTimeout(plugins));
    }

    /**
     * The tightest bound the plugins ask for on the statements lakeproxy runs first; 0 when none
     * asks.
     */
    private static int ownStatementTimeout(List<SessionPlugin> plugins) {
        int millis = 0;
        for (SessionPlugin p : plugins) {
            int ms = p.ownStatementTimeoutMillis();
            if (ms > 0 && (millis == 0 || ms < millis)) {
                millis = ms;
            }
        }
        return millis;
    }

    /**
     * The rules that may care about {@code sql} (a bit set); 0 means the fast path. Decided once
     * per call.
     */
    public long interest(String sql) {
        return active.interest(sql);
    }

    /**
     * The SQL to prepare (or to add to a batch): rewritten once, when a rule wants to. Settings and
     * retries do not apply to batches.
     */
    public String prepare(String sql, WarningTarget target) throws SQLException {
        long interest = active.interest(sql);
        if (interest == 0) {
            return sql;
        }
        metrics.analysed.increment();
        Execution ex = new Execution(this, sql, sql, true, false, interest);
        try {
            hooks.rewrite(ex);
        } finally {
            tell(ex, target);
        }
        return ex.sql();
    }

    /**
     * Runs a statement on the slow path. {@code sql} is the text the application wrote: plain
     * statements ({@code prepared} false) are rewritten here; prepared ones were rewritten once by
     * {@link #prepare}.
     */
    public <T> T execute(
            String sql, boolean prepared, long interest, SqlCall<T> call, WarningTarget target)
            throws SQLException {
        metrics.analysed.increment();
        Execution ex = new Execution(this, sql, sql, prepared, false, interest);
        try {
            return run(ex, call);
        } finally {
            tell(ex, target);
        }
    }

    /**
     * A statement that went the fast path failed: every rule may still explain the error or ask for
     * one retry (an error can teach what no lexical test could know). Costs nothing until something
     * fails.
     */
    public <T> T recover(
            String sql, boolean prepared, SQLException error, SqlCall<T> call, WarningTarget target)
            throws SQLException {
        if (active.isEmpty()) {
            throw error;
        }
        Execution ex = new Execution(this, sql, sql, prepared, false, 0);
        try {
            return hooks.recover(ex, error, call);
        } finally {
            tell(ex, target);
        }
    }

    /**
     * Tells the statement what lakeproxy did to it, as an SQLWarning (unless
     * lakeproxy.warnings=false).
     */
    private void tell(Execution ex, WarningTarget target) {
        if (warnings && !ex.visible.isEmpty()) {
            target.warn(
                    new SQLWarning(
                            LakeErrors.message("pipeline.warning", String.join("; ", ex.visible)),
                            "01000"));
        }
    }

    /**
     * What would happen to {@code sql}, without running anything: the execution path in dry-run
     * mode.
     */
    public Explanation explain(String sql) {
        long interest = active.interest(sql);
        if (interest == 0) {
            return new Explanation(sql, sql, List.of(), null);
        }
        Execution ex = new Execution(this, sql, sql, false, true, interest);
        try {
            run(ex, null);
        } catch (SQLException refused) {
            return new Explanation(sql, ex.sql(), ex.actions, refused.getMessage());
        }
        return new Explanation(sql, ex.sql(), ex.actions, null);
    }

    /**
     * The one slow path, shared by execution and {@code explain} (which stops before anything is
     * sent).
     */
    private <T> T run(Execution ex, SqlCall<T> call) throws SQLException {
        if (!ex.isPrepared()) {
            hooks.rewrite(ex);
        }
        hooks.beforeExecute(ex);
        if (ex.isDryRun()) {
            return null;
        }
        hooks.runFirsts(ex);
        T result;
        try {
            result = call.run(ex.sql());
        } catch (SQLException error) {
            return hooks.recover(ex, error, call);
        }
        hooks.afterExecute(ex);
        return result;
    }

    /** The metadata the plugins put in front of the real driver's (usually the real one itself). */
    public DatabaseMetaData metaData(DatabaseMetaData realMeta) {
        DatabaseMetaData m = realMeta;
        for (SessionPlugin p : active.plugins) {
            m = p.metaData(m);
        }
        return m;
    }

    /**
     * The first plugin's answer to {@code Connection.getSchema()}, or {@code null} to ask the real
     * driver.
     */
    public String currentSchema() throws SQLException {
        for (SessionPlugin p : active.plugins) {
            String s = p.currentSchema();
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /**
     * The first plugin's answer to {@code Connection.getNetworkTimeout()}, or -1 to ask the real
     * driver.
     */
    public int networkTimeout() throws SQLException {
        for (SessionPlugin p : active.plugins) {
            int ms = p.networkTimeout();
            if (ms >= 0) {
                return ms;
            }
        }
        return -1;
    }

    /**
     * Whether a plugin took {@code Connection.setNetworkTimeout()} (then the real driver is not
     * called).
     */
    public boolean setNetworkTimeout(int milliseconds) throws SQLException {
        for (SessionPlugin p : active.plugins) {
            if (p.setNetworkTimeout(milliseconds)) {
                return true;
            }
        }
        return false;
    }

    public void transaction(TransactionEvent event) {
        for (SessionPlugin p : active.plugins) {
            try {
                p.onTransactionEvent(event);
            } catch (RuntimeException | LinkageError bug) {
                active.contained(bug, "onTransactionEvent");
            }
        }
    }

    public boolean bindsParameters() {
        return active.binders() != 0;
    }

    public Object bind(String sql, int index, Object value) throws SQLException {
        return hooks.bind(sql, index, value);
    }

    public void close() {
        for (SessionPlugin p : active.plugins) {
            try {
                p.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "a plugin failed while closing", e);
            }
        }
    }

    Connection realConnection() {
        return real;
    }

    SqlAnalyzer analysis() {
        return analyzer;
    }

    LakeMetrics metrics() {
        return metrics;
    }
}
