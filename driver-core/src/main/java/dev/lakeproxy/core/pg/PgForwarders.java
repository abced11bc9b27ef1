package dev.lakeproxy.core.pg;

import dev.lakeproxy.codegen.GenerateForwarding;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

/** Asks the build for the delegation of pgjdbc's public interfaces. */
@GenerateForwarding({PGConnection.class, PGStatement.class})
final class PgForwarders {
    private PgForwarders() {
    }
}
