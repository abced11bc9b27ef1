package dev.lakeproxy.core.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Makes the wrappers of one flavour: plain JDBC, or pgjdbc's (whose wrappers also implement
 * {@code PGConnection}/{@code PGStatement}, so code that casts keeps working).
 */
public interface WrapperFactory {

    /** Whether this flavour fits the real connection. */
    boolean accepts(Connection real);

    LakeConnection connection(Connection real, ConnectionServices services);

    LakeStatement statement(LakeConnection owner, Statement real);

    LakePreparedStatement prepared(
            LakeConnection owner, PreparedStatement real, String originalSql);

    LakeCallableStatement callable(
            LakeConnection owner, CallableStatement real, String originalSql);
}
