package dev.lakeproxy.core.jdbc;

import dev.lakeproxy.core.pipeline.SqlCall;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * The prepared-statement wrapper. Its SQL was rewritten, if at all, when it was prepared; each execution
 * still lets interested plugins run settings first, translate errors and retry once. Timestamp parameters
 * go through plugins that adjust values (e.g. precision truncation).
 */
public class LakePreparedStatement extends LakeStatement implements PreparedStatementForwarding {

    private final PreparedStatement real;
    private final String originalSql;

    protected LakePreparedStatement(LakeConnection owner, PreparedStatement real, String originalSql) {
        super(owner, real);
        this.real = real;
        this.originalSql = originalSql;
    }

    @Override
    public final PreparedStatement preparedStatementDelegate() {
        return real;
    }

    private <T> T prepared(SqlCall<T> call) throws SQLException {
        return owner.pipeline.execute(originalSql, originalSql, true, call);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (direct(originalSql)) {
            try {
                return wrap(real.executeQuery());
            } catch (SQLException e) {
                return wrap(owner.pipeline.recoverFastPath(originalSql, true, e, s -> real.executeQuery()));
            }
        }
        return wrap(prepared(s -> real.executeQuery()));
    }

    @Override
    public int executeUpdate() throws SQLException {
        if (direct(originalSql)) {
            try {
                return real.executeUpdate();
            } catch (SQLException e) {
                return owner.pipeline.recoverFastPath(originalSql, true, e, s -> real.executeUpdate());
            }
        }
        return prepared(s -> real.executeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        if (direct(originalSql)) {
            try {
                return real.executeLargeUpdate();
            } catch (SQLException e) {
                return owner.pipeline.recoverFastPath(originalSql, true, e, s -> real.executeLargeUpdate());
            }
        }
        return prepared(s -> real.executeLargeUpdate());
    }

    @Override
    public boolean execute() throws SQLException {
        if (direct(originalSql)) {
            try {
                return real.execute();
            } catch (SQLException e) {
                return owner.pipeline.recoverFastPath(originalSql, true, e, s -> real.execute());
            }
        }
        return prepared(s -> real.execute());
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
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        real.setObject(parameterIndex, bound(parameterIndex, x), targetSqlType, scaleOrLength);
    }

    private Object bound(int index, Object value) throws SQLException {
        return owner.pipeline.bindsParameters() ? owner.pipeline.bind(originalSql, index, value) : value;
    }

}
