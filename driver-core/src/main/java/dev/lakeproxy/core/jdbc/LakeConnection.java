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
package dev.lakeproxy.core.jdbc;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.pipeline.SqlCall;
import dev.lakeproxy.core.pipeline.StatementPipeline;
import dev.lakeproxy.spi.Check;
import dev.lakeproxy.spi.TransactionEvent;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The connection wrapper. Hand-written here: what creates statements (so they go through the
 * pipeline), transaction events the plugins track, identity ({@code getMetaData}, {@code unwrap})
 * and close. Every other method is forwarded by the generated {@link ConnectionForwarding}.
 */
public class LakeConnection extends LakeWrapper
        implements ConnectionForwarding, LakeproxyConnection {

    protected final Connection real;
    final StatementPipeline pipeline;
    final LakeMetrics metrics;
    private final ConnectionServices services;
    private LakeDatabaseMetaData metaData;
    private volatile boolean closedByUser;

    protected LakeConnection(Connection real, ConnectionServices services) {
        super(real);
        this.real = real;
        this.services = services;
        this.pipeline = services.pipeline;
        this.metrics = services.metrics;
    }

    @Override
    public final Connection connectionDelegate() {
        return real;
    }

    /** For a flavour's own routed APIs (pgjdbc's copy API). */
    protected final StatementPipeline pipeline() {
        return pipeline;
    }

    final WrapperFactory wrappers() {
        return services.wrappers;
    }

    @Override
    public Statement createStatement() throws SQLException {
        return wrappers().statement(this, real.createStatement());
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return wrappers()
                .statement(this, real.createStatement(resultSetType, resultSetConcurrency));
    }

    @Override
    public Statement createStatement(
            int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return wrappers()
                .statement(
                        this,
                        real.createStatement(
                                resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    /** Wraps a real prepared (or callable) statement. */
    private interface Wrap<R, W> {
        W wrap(R real, String originalSql);
    }

    /**
     * Prepares on the real connection with the SQL the rules settled on; the wrapper keeps the
     * original.
     */
    private <R, W extends LakePreparedStatement> W prepare(
            String sql, SqlCall<R> onReal, Wrap<R, W> wrap) throws SQLException {
        SQLWarning[] said = new SQLWarning[1];
        String settled = pipeline.prepare(sql, w -> said[0] = w);
        W wrapper = wrap.wrap(onReal.run(settled), sql);
        wrapper.preparedWith(said[0]);
        return wrapper;
    }

    private PreparedStatement prepared(String sql, SqlCall<PreparedStatement> onReal)
            throws SQLException {
        return prepare(sql, onReal, (r, original) -> wrappers().prepared(this, r, original));
    }

    private CallableStatement callable(String sql, SqlCall<CallableStatement> onReal)
            throws SQLException {
        return prepare(sql, onReal, (r, original) -> wrappers().callable(this, r, original));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepared(sql, real::prepareStatement);
    }

    @Override
    public PreparedStatement prepareStatement(
            String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return prepared(sql, s -> real.prepareStatement(s, resultSetType, resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(
            String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return prepared(
                sql,
                s ->
                        real.prepareStatement(
                                s, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys)
            throws SQLException {
        return prepared(sql, s -> real.prepareStatement(s, autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepared(sql, s -> real.prepareStatement(s, columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames)
            throws SQLException {
        return prepared(sql, s -> real.prepareStatement(s, columnNames));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return callable(sql, real::prepareCall);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return callable(sql, s -> real.prepareCall(s, resultSetType, resultSetConcurrency));
    }

    @Override
    public CallableStatement prepareCall(
            String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return callable(
                sql,
                s ->
                        real.prepareCall(
                                s, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        DatabaseMetaData realMeta = real.getMetaData();
        LakeDatabaseMetaData m = metaData;
        if (m == null || m.realMetaData() != realMeta) {
            metaData = m = new LakeDatabaseMetaData(this, realMeta, pipeline.metaData(realMeta));
        }
        return m;
    }

    @Override
    public String getSchema() throws SQLException {
        String s = pipeline.currentSchema();
        return s != null ? s : real.getSchema();
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        int ms = pipeline.networkTimeout();
        return ms >= 0 ? ms : real.getNetworkTimeout();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        if (!pipeline.setNetworkTimeout(milliseconds)) {
            real.setNetworkTimeout(executor, milliseconds);
        }
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        boolean was = real.getAutoCommit();
        real.setAutoCommit(autoCommit);
        if (was != autoCommit) {
            pipeline.transaction(
                    autoCommit ? TransactionEvent.AUTOCOMMIT_ON : TransactionEvent.AUTOCOMMIT_OFF);
        }
    }

    @Override
    public void commit() throws SQLException {
        real.commit();
        pipeline.transaction(TransactionEvent.COMMIT);
    }

    @Override
    public void rollback() throws SQLException {
        try {
            real.rollback();
        } finally {
            pipeline.transaction(TransactionEvent.ROLLBACK);
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        try {
            real.rollback(savepoint);
        } finally {
            pipeline.transaction(TransactionEvent.ROLLBACK_TO_SAVEPOINT);
        }
    }

    /**
     * What lakeproxy told at connect (a plugin that stayed off, and why), then the real driver's
     * warnings.
     */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        SQLWarning fromDriver = real.getWarnings();
        List<String> mine = services.connectWarnings;
        SQLWarning first = null;
        for (int i = mine.size() - 1; i >= 0; i--) {
            SQLWarning w = new SQLWarning(mine.get(i), "01000");
            w.setNextWarning(first != null ? first : fromDriver);
            first = w;
        }
        return first != null ? first : fromDriver;
    }

    /**
     * A connection that broke under a statement lakeproxy sent on its own (a RESET after a
     * statement that succeeded) has no warnings left to clear: a pool's close, which clears them,
     * does not fail for it where raw's would not.
     */
    @Override
    public void clearWarnings() throws SQLException {
        services.connectWarnings = List.of();
        if (closedByUser || !real.isClosed()) {
            real.clearWarnings();
        }
    }

    @Override
    public void close() throws SQLException {
        closedByUser = true;
        try {
            pipeline.close();
        } finally {
            real.close();
        }
    }


    @Override
    public Explanation explain(String sql) {
        return pipeline.explain(sql);
    }

    @Override
    public List<Check> diagnose() {
        return services.diagnosis.run(this, real);
    }

    @Override
    public List<String> activePlugins() {
        return services.activePlugins;
    }

    @Override
    public List<String> connectActions() {
        return services.connectActions;
    }

    @Override
    public LakeMetrics metrics() {
        return metrics;
    }

    @Override
    public String toString() {
        return "lakeproxy connection to " + services.displayUrl + " " + services.activePlugins;
    }
}
