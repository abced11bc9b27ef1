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

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * The prepared-statement wrapper. Its SQL was rewritten, if at all, when it was prepared; each
 * execution (generated, {@link PreparedStatementRouting}) still lets interested rules run settings
 * first, translate errors and retry once. Timestamp parameters go through plugins that adjust
 * values (e.g. precision truncation).
 */
public class LakePreparedStatement extends LakeStatement implements PreparedStatementRouting {

    private final PreparedStatement real;
    private final String originalSql;
    private SQLWarning prepareWarning;

    protected LakePreparedStatement(
            LakeConnection owner, PreparedStatement real, String originalSql) {
        super(owner, real);
        this.real = real;
        this.originalSql = originalSql;
    }

    @Override
    public final PreparedStatement preparedStatementDelegate() {
        return real;
    }

    @Override
    public final String routedSql() {
        return originalSql;
    }

    /** The rewrite made at prepare applies to every execution: so does its warning. */
    void preparedWith(SQLWarning warning) {
        prepareWarning = warning;
        if (warning != null) {
            warn(standingWarning());
        }
    }

    @Override
    SQLWarning standingWarning() {
        SQLWarning w = prepareWarning;
        return w == null ? null : new SQLWarning(w.getMessage(), w.getSQLState());
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        real.setTimestamp(parameterIndex, (Timestamp) bound(parameterIndex, x));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        real.setTimestamp(parameterIndex, (Timestamp) bound(parameterIndex, x), cal);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        real.setObject(parameterIndex, bound(parameterIndex, x));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        real.setObject(parameterIndex, bound(parameterIndex, x), targetSqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength)
            throws SQLException {
        real.setObject(parameterIndex, bound(parameterIndex, x), targetSqlType, scaleOrLength);
    }

    private Object bound(int index, Object value) throws SQLException {
        return owner.pipeline.bindsParameters()
                ? owner.pipeline.bind(originalSql, index, value)
                : value;
    }

}
