package dev.lakeproxy.spi;

import java.sql.SQLException;

/**
 * The per-connection side of an active plugin. Every hook has a no-op default; the pipeline calls a
 * statement hook only after {@link #interested(String)} said yes, so a plugin that cares about nothing
 * costs one cheap call per statement.
 */
public interface SessionPlugin {

    /**
     * A cheap lexical test, run for every statement: may this SQL concern the plugin? It must not parse
     * or allocate. {@code false} sends the statement straight to the real driver.
     */
    default boolean interested(String sql) {
        return false;
    }

    /**
     * Sees the SQL once per text (at execution for a Statement, at prepare for a PreparedStatement) and
     * may rewrite it with {@link RewriteContext#rewrite}, or refuse it by throwing.
     */
    default void rewrite(RewriteContext context) throws SQLException {
    }

    /** Runs before each execution: may ask for statements to run first (session settings). */
    default void beforeExecute(ExecutionContext context) throws SQLException {
    }

    /**
     * Observes a failure: propagate it, translate it, or ask for one retry. Offered for every failed statement,
     * also those the plugin was not interested in (an error can teach what no lexical test could know).
     */
    default Outcome onError(ExecutionContext context, SQLException error) throws SQLException {
        return Outcome.propagate();
    }

    /** Observes a success. */
    default void afterExecute(ExecutionContext context) {
    }

    /** Whether {@link #bindParameter} should see PreparedStatement parameters. */
    default boolean bindsParameters() {
        return false;
    }

    /** May replace a parameter value before it reaches the real PreparedStatement. */
    default Object bindParameter(String sql, int index, Object value) throws SQLException {
        return value;
    }

    /**
     * May put its own metadata in front of the real driver's (for example to fix how a driver reads schemas);
     * return {@code real} to change nothing. The result is still wrapped by the core, so {@code getConnection()}
     * and the driver name stay lakeproxy's. Implementing {@code DatabaseMetaDataForwarding} keeps it small.
     */
    default java.sql.DatabaseMetaData metaData(java.sql.DatabaseMetaData real) {
        return real;
    }

    /** Told when a transaction ends or a savepoint is rolled back to, through the JDBC API. */
    default void onTransactionEvent(TransactionEvent event) {
    }

    /** The connection is closing. */
    default void close() {
    }
}
