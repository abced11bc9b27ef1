package dev.lakeproxy.spi;

import dev.lakeproxy.spi.sql.SqlAnalysis;
import java.sql.Connection;
import java.sql.SQLException;

/** One execution of a statement. */
public interface ExecutionContext {

    String originalSql();

    /** The SQL the real driver runs (after rewrites). */
    String sql();

    boolean isPrepared();

    /** The real connection's autocommit at the time of the call. */
    boolean autoCommit() throws SQLException;

    /** The real connection, for the plugin's own lookups (they bypass the pipeline). */
    Connection realConnection();

    /**
     * Runs {@code sql} on the real connection before the statement (or before its retry). {@code
     * onSuccess} runs only if it really ran, so a plugin's tracked state follows the server's.
     */
    void runFirst(String sql, String reason, Runnable onSuccess);

    /** Records a decision, for the FINE log and {@code explain}. */
    void note(String action);

    /**
     * As {@link RewriteContext#warn}: what the user should hear of, on the statement's SQLWarning.
     */
    default void warn(String message) {
        note(message);
    }

    /** True when this is the single retry. */
    boolean isRetry();

    /** True inside {@code explain}: nothing will run. */
    boolean isDryRun();

    /** Parsing, cached by text. */
    SqlAnalysis analysis();

    /** A plugin's counter, by name (e.g. {@code holo.engineSwitches}); bumping it is cheap. */
    java.util.concurrent.atomic.LongAdder counter(String name);
}
