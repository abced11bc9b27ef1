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

import dev.lakeproxy.core.pipeline.SqlCall;
import dev.lakeproxy.core.pipeline.WarningTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * The statement wrapper. Its SQL-running methods are generated ({@link StatementRouting}): each
 * asks {@link #routeInterest} once, calls the real statement straight away when no rule is
 * interested, and goes through the pipeline otherwise. Hand-written here: the route's three hooks,
 * batches, and identity.
 */
public class LakeStatement extends LakeWrapper implements StatementRouting, WarningTarget {

    protected final LakeConnection owner;
    private final Statement real;
    private LakeResultSet lastResult;
    /** What lakeproxy did to the last execution, shown before the real driver's warnings. */
    private SQLWarning lakeWarning;

    protected LakeStatement(LakeConnection owner, Statement real) {
        super(real);
        this.owner = owner;
        this.real = real;
    }

    @Override
    public final Statement statementDelegate() {
        return real;
    }

    @Override
    public final long routeInterest(String sql) {
        owner.metrics.statements.increment();
        if (lakeWarning != null) {
            // JDBC clears a statement's warnings at each execution (read first: a store costs more)
            lakeWarning = null;
        }
        return owner.pipeline.interest(sql);
    }

    @Override
    public final <T> T routeRecover(
            String sql, boolean prepared, SQLException error, SqlCall<T> call) throws SQLException {
        lakeWarning = standingWarning();
        return owner.pipeline.recover(sql, prepared, error, call, this);
    }

    @Override
    public final <T> T routePipeline(String sql, boolean prepared, long interest, SqlCall<T> call)
            throws SQLException {
        lakeWarning = standingWarning();
        return owner.pipeline.execute(sql, prepared, interest, call, this);
    }

    /**
     * Wraps a result set so that {@code getStatement()} returns this wrapper; the same real object
     * gets the same wrapper.
     */
    @Override
    public final ResultSet routedResult(ResultSet rs) {
        if (rs == null) {
            return null;
        }
        LakeResultSet last = lastResult;
        if (last != null && last.resultSetDelegate() == rs) {
            return last;
        }
        lastResult = last = new LakeResultSet(this, rs);
        return last;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        owner.metrics.statements.increment();
        real.addBatch(owner.pipeline.prepare(sql, this));
    }

    @Override
    public final void warn(SQLWarning warning) {
        if (lakeWarning == null) {
            lakeWarning = warning;
        } else {
            lakeWarning.setNextWarning(warning);
        }
    }

    /**
     * A fresh copy of the warning every slow-path execution starts with: none for a plain
     * statement; a prepared one keeps telling its prepare-time rewrite. (A statement on the fast
     * path needed no change: it starts clean.)
     */
    SQLWarning standingWarning() {
        return null;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        SQLWarning fromDriver = real.getWarnings();
        SQLWarning mine = lakeWarning;
        if (mine == null) {
            return fromDriver;
        }
        // a fresh copy of lakeproxy's chain each call, followed by the real driver's warnings
        SQLWarning first = null;
        SQLWarning last = null;
        for (SQLWarning w = mine; w != null; w = w.getNextWarning()) {
            SQLWarning copy = new SQLWarning(w.getMessage(), w.getSQLState());
            if (first == null) {
                first = copy;
            } else {
                last.setNextWarning(copy);
            }
            last = copy;
        }
        last.setNextWarning(fromDriver);
        return first;
    }

    @Override
    public void clearWarnings() throws SQLException {
        lakeWarning = null;
        real.clearWarnings();
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return routedResult(real.getResultSet());
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return routedResult(real.getGeneratedKeys());
    }

    @Override
    public Connection getConnection() {
        return owner;
    }
}
