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
