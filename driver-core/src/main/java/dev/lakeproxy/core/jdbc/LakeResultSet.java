package dev.lakeproxy.core.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Wraps a result set only for identity: {@code getStatement()} returns the statement wrapper. */
public final class LakeResultSet implements ResultSetForwarding {

    private final LakeStatement statement;
    private final ResultSet real;

    LakeResultSet(LakeStatement statement, ResultSet real) {
        this.statement = statement;
        this.real = real;
    }

    @Override
    public ResultSet resultSetDelegate() {
        return real;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, real, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, real, iface);
    }

    @Override
    public String toString() {
        return real.toString();
    }
}
