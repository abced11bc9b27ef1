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
