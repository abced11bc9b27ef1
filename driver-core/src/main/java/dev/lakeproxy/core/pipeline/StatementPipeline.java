package dev.lakeproxy.core.pipeline;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.errors.LakeErrors;
import dev.lakeproxy.core.log.Secrets;
import dev.lakeproxy.core.sql.SqlAnalyzer;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.spi.TransactionEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection's statement pipeline. {@link #passThrough} is the whole fast path: with no active plugin,
 * or none interested in the SQL, the call goes straight to the real object without allocating or parsing.
 * The slow path lets the interested plugins rewrite, run settings first, observe, translate and retry once.
 */
public final class StatementPipeline {

    private static final Logger LOG = Logger.getLogger(StatementPipeline.class.getName());
    private static final SessionPlugin[] NONE = new SessionPlugin[0];

    private final Connection real;
    private final SessionPlugin[] plugins;
    private final SessionPlugin[] binders;
    private final LakeMetrics metrics;
    private final SqlAnalyzer analyzer;

    public StatementPipeline(Connection real, List<SessionPlugin> active, LakeMetrics metrics, SqlAnalyzer analyzer) {
        this.real = real;
        this.plugins = active.toArray(NONE);
        this.binders = active.stream().filter(SessionPlugin::bindsParameters).toArray(SessionPlugin[]::new);
        this.metrics = metrics;
        this.analyzer = analyzer;
    }

    /** The fast-path test: true when no active plugin is interested in this SQL. */
    public boolean passThrough(String sql) {
        for (SessionPlugin p : plugins) {
            if (p.interested(sql)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A plugin that fails with a runtime exception (a bug, or a parser library's) must not break the user's
     * statement: what it was doing is abandoned, the failure is counted and logged, and the statement goes on.
     */
    private void contained(RuntimeException bug, String hook) {
        metrics.counter("pluginFailures").increment();
        LOG.log(Level.FINE, "a lakeproxy plugin failed in " + hook + "; the statement goes on without it", bug);
    }

    public boolean bindsParameters() {
        return binders.length > 0;
    }

    public boolean hasPlugins() {
        return plugins.length > 0;
    }

    /**
     * The SQL to prepare (or to add to a batch): rewritten once, when a plugin wants to. Settings and retries do
     * not apply to batches.
     */
    public String prepare(String sql) throws SQLException {
        if (passThrough(sql)) {
            return sql;
        }
        metrics.analysed.increment();
        Execution ex = new Execution(this, sql, sql, true, false);
        rewrite(ex, interested(sql));
        return ex.sql();
    }

    /**
     * Runs a statement on the slow path. {@code rewriteNow} is true for plain statements (their SQL is seen
     * at execution) and false for prepared ones (already rewritten by {@link #prepare}).
     */
    public <T> T execute(String originalSql, String preparedSql, boolean prepared, SqlCall<T> call) throws SQLException {
        metrics.analysed.increment();
        SessionPlugin[] interested = interested(originalSql);
        Execution ex = new Execution(this, originalSql, preparedSql, prepared, false);
        if (!prepared) {
            rewrite(ex, interested);
        }
        for (SessionPlugin p : interested) {
            try {
                p.beforeExecute(ex);
            } catch (RuntimeException bug) {
                contained(bug, "beforeExecute");
            }
        }
        runFirsts(ex);
        T result;
        try {
            result = call.run(ex.sql());
        } catch (SQLException error) {
            return recover(ex, error, call);
        }
        for (SessionPlugin p : interested) {
            try {
                p.afterExecute(ex);
            } catch (RuntimeException bug) {
                contained(bug, "afterExecute");
            }
        }
        return result;
    }

    /**
     * A statement that went the fast path failed: every active plugin may still explain the error or ask for one
     * retry (a plugin may learn from an error what no lexical test could know). Costs nothing until it fails.
     */
    public <T> T recoverFastPath(String sql, boolean prepared, SQLException error, SqlCall<T> call) throws SQLException {
        if (plugins.length == 0) {
            throw error;
        }
        return recover(new Execution(this, sql, sql, prepared, false), error, call);
    }

    private <T> T recover(Execution ex, SQLException first, SqlCall<T> call) throws SQLException {
        SQLException error = first;
        while (true) {
            Outcome outcome = outcomeOf(ex, error);
            if (outcome.isRetry() && !ex.isRetry()) {
                ex.markRetry();
                metrics.retries.increment();
                LOG.log(Level.FINE, "lakeproxy retries a statement once: {0}", outcome.retryReason());
                runFirsts(ex);
                try {
                    return call.run(ex.sql());
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

    /** What would happen to {@code sql}, without running anything. */
    public Explanation explain(String sql) {
        SessionPlugin[] interested = interested(sql);
        if (interested.length == 0) {
            return new Explanation(sql, sql, List.of(), null);
        }
        Execution ex = new Execution(this, sql, sql, false, true);
        try {
            applyRewrites(ex, interested);
            for (SessionPlugin p : interested) {
                try {
                    p.beforeExecute(ex);
                } catch (RuntimeException bug) {
                    contained(bug, "beforeExecute");
                    ex.note("a plugin failed; the statement would go on without it");
                }
            }
        } catch (SQLException refused) {
            return new Explanation(sql, ex.sql(), ex.actions, refused.getMessage());
        }
        return new Explanation(sql, ex.sql(), ex.actions, null);
    }

    /** The metadata the plugins put in front of the real driver's (usually the real one itself). */
    public java.sql.DatabaseMetaData metaData(java.sql.DatabaseMetaData real) {
        java.sql.DatabaseMetaData m = real;
        for (SessionPlugin p : plugins) {
            m = p.metaData(m);
        }
        return m;
    }

    public void transaction(TransactionEvent event) {
        for (SessionPlugin p : plugins) {
            p.onTransactionEvent(event);
        }
    }

    public Object bind(String sql, int index, Object value) throws SQLException {
        Object v = value;
        for (SessionPlugin p : binders) {
            v = p.bindParameter(sql, index, v);
        }
        return v;
    }

    public void close() {
        for (SessionPlugin p : plugins) {
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

    SqlAnalyzer analyzer() {
        return analyzer;
    }

    private SessionPlugin[] interested(String sql) {
        List<SessionPlugin> list = new ArrayList<>(plugins.length);
        for (SessionPlugin p : plugins) {
            if (p.interested(sql)) {
                list.add(p);
            }
        }
        return list.toArray(NONE);
    }

    /** Lets each interested plugin rewrite; a plugin that breaks leaves the text as it was. */
    private void applyRewrites(Execution ex, SessionPlugin[] interested) throws SQLException {
        for (SessionPlugin p : interested) {
            String mark = ex.sql();
            try {
                p.rewrite(ex);
            } catch (RuntimeException bug) {
                ex.restore(mark);
                contained(bug, "rewrite");
            }
        }
    }

    private void rewrite(Execution ex, SessionPlugin[] interested) throws SQLException {
        String before = ex.sql();
        try {
            applyRewrites(ex, interested);
        } catch (SQLException refused) {
            metrics.refused.increment();
            LOG.log(Level.FINE, "lakeproxy refused a statement: {0}", refused.getMessage());
            throw refused;
        }
        if (!before.equals(ex.sql())) {
            metrics.rewritten.increment();
            if (LOG.isLoggable(Level.FINE)) {
                LOG.log(Level.FINE, "lakeproxy rewrote a statement ({0}) into: {1}",
                        new Object[] {String.join("; ", ex.actions), Secrets.maskSql(ex.sql())});
            }
        }
    }

    private Outcome outcomeOf(Execution ex, SQLException error) throws SQLException {
        for (SessionPlugin p : plugins) {
            Outcome o;
            try {
                o = p.onError(ex, error);
            } catch (RuntimeException bug) {
                contained(bug, "onError");
                continue;
            }
            if (o.isRetry() || o.translated() != null) {
                return o;
            }
        }
        return Outcome.propagate();
    }

    private void runFirsts(Execution ex) throws SQLException {
        if (ex.firsts.isEmpty()) {
            return;
        }
        List<Execution.First> pending = new ArrayList<>(ex.firsts);
        ex.firsts.clear();
        for (Execution.First f : pending) {
            try (Statement s = real.createStatement()) {
                s.execute(f.sql);
            } catch (SQLException e) {
                throw LakeErrors.translate(e, "statement.firstFailed", f.sql, f.reason, e.getMessage());
            }
            metrics.settingsSent.increment();
            LOG.log(Level.FINE, "lakeproxy ran {0} before the statement ({1})", new Object[] {f.sql, f.reason});
            if (f.onSuccess != null) {
                f.onSuccess.run();
            }
        }
    }
}
