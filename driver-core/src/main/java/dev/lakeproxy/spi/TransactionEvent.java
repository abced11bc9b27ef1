package dev.lakeproxy.spi;

/** What happened to the transaction, as seen through the JDBC API. */
public enum TransactionEvent {
    COMMIT,
    ROLLBACK,
    ROLLBACK_TO_SAVEPOINT,
    AUTOCOMMIT_ON,
    AUTOCOMMIT_OFF
}
