package dev.lakeproxy.spi.sql;

/**
 * What a statement does, as far as a plugin needs to know (for example, to decide whether a retry
 * is safe).
 */
public enum StatementKind {
    /** Only reads: runs twice harmlessly. */
    READ,
    /** Changes data (INSERT, UPDATE, DELETE, MERGE, COPY, a data-modifying SELECT...). */
    WRITE,
    /** Changes the schema or privileges (CREATE, ALTER, DROP, TRUNCATE, GRANT...). */
    DDL,
    /** Controls the transaction (BEGIN, COMMIT, ROLLBACK, SAVEPOINT...). */
    TRANSACTION,
    /** Reads or changes session settings (SET, RESET, SHOW, DISCARD). */
    SESSION,
    /** Anything else, or a statement that could not be told apart: never treated as a read. */
    OTHER;

    /** Whether running it twice loses and repeats nothing. */
    public boolean isRead() {
        return this == READ;
    }
}
