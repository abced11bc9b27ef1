/*
 * Copyright The lakeproxy developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.lakeproxy.spi;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The per-connection side of an active plugin: a set of small {@link StatementRule}s, plus what is
 * per connection rather than per statement (metadata, transaction events, close).
 */
public interface SessionPlugin {

    /**
     * The plugin's one cheap lexical pre-check, run for every statement before any rule's: {@code
     * false} means no rule of this plugin can care, so the statement skips them all. It must not
     * parse or allocate.
     */
    default boolean interested(String sql) {
        return true;
    }

    /** The rules, in the order their hooks run. */
    List<StatementRule> rules();

    /**
     * May put the plugin's own layer in front of the real driver's connection, to answer the JDBC
     * calls that driver gets wrong (a method it refuses, a value it gets wrong, an unchecked
     * exception it lets out); the layer's statements, result sets and metadata are its connection's
     * to make. Return {@code real} to change nothing. The core still wraps what the layer returns
     * (identity, the statement pipeline), {@code unwrap} still reaches the real objects, and
     * lakeproxy's own statements (settings, lookups) still go to the real connection. Build a layer
     * from generated {@code XForwarding} interfaces so that only the methods it changes are written
     * by hand.
     */
    default java.sql.Connection driverLayer(java.sql.Connection real) throws SQLException {
        return real;
    }

    /**
     * May put its own metadata in front of the real driver's (for example to fix how a driver reads
     * schemas); return {@code real} to change nothing. The result is still wrapped by the core, so
     * {@code getConnection()} and the driver name stay lakeproxy's. Implementing {@link
     * DatabaseMetaDataForwarding} keeps it small.
     */
    default DatabaseMetaData metaData(DatabaseMetaData real) {
        return real;
    }

    /**
     * Answers {@code Connection.getSchema()} when the plugin knows the schema unqualified names
     * resolve in better than the real driver does; {@code null} asks the real driver.
     */
    default String currentSchema() throws SQLException {
        return null;
    }

    /**
     * Answers {@code Connection.getNetworkTimeout()} in place of the real driver (milliseconds, 0
     * for none), for a driver that does not support it; -1 asks the real driver.
     */
    default int networkTimeout() throws SQLException {
        return -1;
    }

    /**
     * Takes {@code Connection.setNetworkTimeout()} in place of the real driver; false lets the
     * driver take it.
     */
    default boolean setNetworkTimeout(int milliseconds) throws SQLException {
        return false;
    }

    /**
     * How long a statement lakeproxy runs first for this plugin's rules ({@link
     * ExecutionContext#runFirst}) may wait for the server, in milliseconds ({@link OwnStatements});
     * 0 leaves it to the real connection's own timeouts.
     */
    default int ownStatementTimeoutMillis() {
        return 0;
    }

    /** Told when a transaction ends or a savepoint is rolled back to, through the JDBC API. */
    default void onTransactionEvent(TransactionEvent event) {
    }

    /** The connection is closing. */
    default void close() {
    }
}
