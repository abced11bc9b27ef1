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
import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.RewriteContext;
import dev.lakeproxy.spi.sql.SqlAnalysis;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The state of one statement on the slow path: its SQL, the actions taken, the statements to run
 * first.
 */
final class Execution implements RewriteContext, ExecutionContext {

    /** A statement to run before the user's, and what to do once it ran. */
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

    private final Connection real;
    private final SqlAnalysis analysis;
    private final LakeMetrics metrics;
    private final String originalSql;
    private final boolean prepared;
    private final boolean dryRun;
    /** The rules interested in this statement (a bit set over the connection's rules). */
    final long interest;
    private String sql;
    private boolean retry;
    final List<String> actions = new ArrayList<>();

    /**
     * What the user should be told (rewrites, settings run first, retries, refusals): the
     * statement's SQLWarning.
     */
    final List<String> visible = new ArrayList<>(2);

    final List<First> firsts = new ArrayList<>();

    Execution(
            StatementPipeline pipeline,
            String originalSql,
            String sql,
            boolean prepared,
            boolean dryRun,
            long interest) {
        this.real = pipeline.realConnection();
        this.analysis = pipeline.analysis();
        this.metrics = pipeline.metrics();
        this.originalSql = originalSql;
        this.sql = sql;
        this.prepared = prepared;
        this.dryRun = dryRun;
        this.interest = interest;
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
            actions.add(LakeErrors.message("pipeline.action.rewrite", reason));
            visible.add(LakeErrors.message("pipeline.rewrote", reason));
        }
    }

    /** Undoes a failed rule's partial rewrite. */
    void restore(String sqlBefore) {
        sql = sqlBefore;
    }

    @Override
    public void note(String action) {
        actions.add(action);
    }

    @Override
    public void warn(String message) {
        if (!visible.contains(message)) {
            actions.add(message);
            visible.add(message);
        }
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
    public SqlAnalysis analysis() {
        return analysis;
    }

    @Override
    public LongAdder counter(String name) {
        return metrics.counter(name);
    }

    @Override
    public boolean autoCommit() throws SQLException {
        return real.getAutoCommit();
    }

    @Override
    public Connection realConnection() {
        return real;
    }

    @Override
    public void runFirst(String firstSql, String reason, Runnable onSuccess) {
        firsts.add(new First(firstSql, reason, onSuccess));
        actions.add(LakeErrors.message("pipeline.action.runFirst", firstSql, reason));
        visible.add(LakeErrors.message("pipeline.ranFirst", firstSql, reason));
    }

    @Override
    public boolean isRetry() {
        return retry;
    }

    void markRetry() {
        retry = true;
    }
}
