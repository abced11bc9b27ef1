package dev.lakeproxy.spi;

import java.sql.SQLException;

/** A plugin's answer to a failed execution. */
public final class Outcome {

    private static final Outcome PROPAGATE = new Outcome(null, null);

    private final String retryReason;
    private final SQLException translated;

    private Outcome(String retryReason, SQLException translated) {
        this.retryReason = retryReason;
        this.translated = translated;
    }

    /** Leave the error to the next plugin, or to the caller. */
    public static Outcome propagate() {
        return PROPAGATE;
    }

    /**
     * Run the statement once more (after any statements the plugin asked for with
     * {@link ExecutionContext#runFirst}). The plugin must only ask when running it twice is safe.
     */
    public static Outcome retry(String reason) {
        return new Outcome(reason, null);
    }

    /** Throw this instead (it should keep the original as cause, and its SQLState). */
    public static Outcome translate(SQLException translated) {
        return new Outcome(null, translated);
    }

    public boolean isRetry() {
        return retryReason != null;
    }

    public String retryReason() {
        return retryReason;
    }

    public SQLException translated() {
        return translated;
    }
}
