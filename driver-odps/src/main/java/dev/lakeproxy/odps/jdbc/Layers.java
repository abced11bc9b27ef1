package dev.lakeproxy.odps.jdbc;

import dev.lakeproxy.codegen.GenerateForwarding;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * Asks the build for the guarded delegation of every JDBC interface odps-jdbc hands out ({@code
 * XForwarding} in this package): each call is forwarded, and what odps-jdbc throws unchecked (an
 * IllegalArgumentException from {@code setQueryTimeout(0)}, a RuntimeException from a metadata
 * iterator) becomes an SQLException through {@link DriverFailures}. The layers of this package
 * write by hand only what they change; the metadata is guarded by {@link DocumentedMetaData}.
 */
@GenerateForwarding(
        value = {
            Connection.class,
            Statement.class,
            PreparedStatement.class,
            CallableStatement.class,
            ResultSet.class,
            ResultSetMetaData.class,
            ParameterMetaData.class
        },
        guard = DriverFailures.class)
final class Layers {
    private Layers() {
    }
}
