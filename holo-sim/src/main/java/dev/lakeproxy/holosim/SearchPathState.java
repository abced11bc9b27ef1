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
package dev.lakeproxy.holosim;

import java.util.List;

/**
 * One session's search_path with PostgreSQL's transactional GUC semantics, as far as the proxy sees
 * them: a {@code SET} (or session {@code set_config}) counts from the next statement and is undone
 * when its transaction rolls back or fails; {@code SET LOCAL} lasts until the transaction ends. The
 * server's CommandComplete, ErrorResponse and ReadyForQuery messages say how each transaction
 * ended.
 */
final class SearchPathState {
    /** Marks "no value set at this level". */
    private static final Object UNSET = new Object();

    private Object committed = UNSET;
    private Object pending = UNSET;
    private Object local = UNSET;
    private boolean failed;

    /** {@code SET [SESSION] search_path} and friends; null means DEFAULT/RESET. */
    synchronized void set(List<String> path) {
        pending = path;
        local = UNSET;
    }

    /** {@code SET LOCAL search_path}. */
    synchronized void setLocal(List<String> path) {
        local = path;
    }

    /** A startup option or a role/database-level value: the session's base value. */
    synchronized void base(List<String> path) {
        committed = path;
    }

    /** The value in effect, or null for the server default. */
    @SuppressWarnings("unchecked")
    synchronized List<String> current() {
        Object v = local != UNSET ? local : pending != UNSET ? pending : committed;
        return v == UNSET ? null : (List<String>) v;
    }

    /**
     * The server reported an error or a ROLLBACK: the open transaction's SETs will not survive it.
     */
    synchronized void transactionFailed() {
        failed = true;
    }

    /**
     * ReadyForQuery with the transaction status byte: 'I' idle (transaction over), 'T' open, 'E'
     * failed. An open transaction after an error or a ROLLBACK was saved by {@code ROLLBACK TO
     * SAVEPOINT}; the SETs since the savepoint are not told apart from those before it (the proxy's
     * view is a hint, see {@link SearchPaths}).
     */
    synchronized void readyForQuery(byte status) {
        if (status == 'T') {
            failed = false;
        }
        if (status != 'I') {
            return;
        }
        if (!failed && pending != UNSET) {
            committed = pending;
        }
        pending = UNSET;
        local = UNSET;
        failed = false;
    }
}
