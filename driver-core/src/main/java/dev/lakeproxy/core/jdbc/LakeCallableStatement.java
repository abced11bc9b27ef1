package dev.lakeproxy.core.jdbc;

import java.sql.CallableStatement;

/** The callable-statement wrapper: the prepared-statement behaviour, the rest forwarded. */
public class LakeCallableStatement extends LakePreparedStatement
        implements CallableStatementForwarding {

    private final CallableStatement real;

    protected LakeCallableStatement(
            LakeConnection owner, CallableStatement real, String originalSql) {
        super(owner, real, originalSql);
        this.real = real;
    }

    @Override
    public final CallableStatement callableStatementDelegate() {
        return real;
    }
}
