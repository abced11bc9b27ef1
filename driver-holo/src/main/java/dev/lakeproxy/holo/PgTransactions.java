package dev.lakeproxy.holo;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The one place that uses pgjdbc's internal API: whether the real connection is inside a
 * transaction.
 */
final class PgTransactions {

    private PgTransactions() {
    }

    /**
     * True inside a transaction block (also a failed one); pgjdbc tracks it from the server's
     * ReadyForQuery.
     */
    static boolean isOpen(Connection real) throws SQLException {
        return real.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
    }
}
