package dev.lakeproxy.spi;

import dev.lakeproxy.spi.sql.SqlAnalysis;

/** A statement's text on its way to the real driver. */
public interface RewriteContext {

    /** The SQL as the application wrote it. */
    String originalSql();

    /** The SQL as it stands after earlier rewrites. */
    String sql();

    /**
     * Replaces the SQL. Build the new text by splicing the original at parsed positions
     * ({@link dev.lakeproxy.spi.sql.SqlSplice}), never by printing an AST.
     */
    void rewrite(String newSql, String reason);

    /** Records a decision that changed nothing, for the FINE log and {@code explain}. */
    void note(String action);

    /**
     * Records what the user should hear of although nothing changed (a fix that could not be
     * applied, and why): for the FINE log, {@code explain} and the statement's SQLWarning. The same
     * text is told once per execution.
     */
    default void warn(String message) {
        note(message);
    }

    boolean isPrepared();

    /** True inside {@code explain}: nothing will run. */
    boolean isDryRun();

    /** Parsing, cached by text. */
    SqlAnalysis analysis();
}
