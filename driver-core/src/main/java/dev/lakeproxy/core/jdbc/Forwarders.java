package dev.lakeproxy.core.jdbc;

import dev.lakeproxy.codegen.GenerateForwarding;
import dev.lakeproxy.codegen.GenerateRouting;
import dev.lakeproxy.core.pipeline.SqlCall;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Asks the build for the plain delegation of the JDBC interfaces lakeproxy wraps (see {@code
 * *Forwarding}), and for the routing of their SQL-running methods (see {@code *Routing}).
 * DatabaseMetaData's delegation is the SPI's.
 */
@GenerateForwarding({
    Connection.class,
    Statement.class,
    PreparedStatement.class,
    CallableStatement.class,
    ResultSet.class
})
@GenerateRouting(
        value = {Statement.class, PreparedStatement.class},
        call = SqlCall.class)
final class Forwarders {
    private Forwarders() {
    }
}
