package dev.lakeproxy.core.pipeline;

import dev.lakeproxy.core.sql.SqlAnalyzer;
import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.RewriteContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The state of one statement on the slow path: its SQL, the actions taken, the statements to run first. */
final class Execution implements RewriteContext, ExecutionContext {

    static final class First {
        final String sql;
        final String reason;
        final Runnable onSuccess;

        First(String sql, String reason, Runnable onSuccess) {
            this.sql = sql;
            this.reason = reason;
            this.onSuccess = onSuccess;
        }
    }

    private final StatementPipeline pipeline;
    private final String originalSql;
    private final boolean prepared;
    private final boolean dryRun;
    private String sql;
    private boolean retry;
    final List<String> actions = new ArrayList<>();
    final List<First> firsts = new ArrayList<>();

    Execution(StatementPipeline pipeline, String originalSql, String sql, boolean prepared, boolean dryRun) {
        this.pipeline = pipeline;
        this.originalSql = originalSql;
        this.sql = sql;
        this.prepared = prepared;
        this.dryRun = dryRun;
    }

    @Override
    public String originalSql() {
        return originalSql;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public void rewrite(String newSql, String reason) {
        if (!newSql.equals(sql)) {
            sql = newSql;
            actions.add("rewrite: " + reason);
        }
    }

    /** Undoes a failed plugin's partial rewrite. */
    void restore(String sqlBefore) {
        sql = sqlBefore;
    }

    @Override
    public void note(String action) {
        actions.add(action);
    }

    @Override
    public boolean isPrepared() {
        return prepared;
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @Override
    public SqlAnalyzer analyzer() {
        return pipeline.analyzer();
    }

    @Override
    public boolean autoCommit() throws SQLException {
        return pipeline.realConnection().getAutoCommit();
    }

    @Override
    public Connection realConnection() {
        return pipeline.realConnection();
    }

    @Override
    public void runFirst(String firstSql, String reason, Runnable onSuccess) {
        firsts.add(new First(firstSql, reason, onSuccess));
        actions.add("run first: " + firstSql + " (" + reason + ")");
    }

    @Override
    public boolean isRetry() {
        return retry;
    }

    void markRetry() {
        retry = true;
    }
}
