package dev.lakeproxy.core.jdbc;

import java.sql.ResultSet;
import java.sql.Statement;

/** Wraps a result set only for identity: {@code getStatement()} returns the statement wrapper. */
public final class LakeResultSet extends LakeWrapper implements ResultSetForwarding {

    private final LakeStatement statement;
    private final ResultSet real;

    LakeResultSet(LakeStatement statement, ResultSet real) {
        super(real);
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


}
