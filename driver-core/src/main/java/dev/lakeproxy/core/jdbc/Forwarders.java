package dev.lakeproxy.core.jdbc;

import dev.lakeproxy.codegen.GenerateForwarding;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/** Asks the build for the plain delegation of the JDBC interfaces lakeproxy wraps (see {@code *Forwarding}). */
@GenerateForwarding({Connection.class, Statement.class, PreparedStatement.class, CallableStatement.class,
        ResultSet.class, DatabaseMetaData.class})
final class Forwarders {
    private Forwarders() {
    }
}
