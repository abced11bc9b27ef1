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

/**
 * Whether the session itself chose a setting (SET, SET LOCAL, set_config), with PostgreSQL's
 * transaction rules: a SET inside a transaction stands only if it commits, a SET LOCAL ends with
 * its transaction, RESET undoes the choice. A session's explicit choice wins over the database's,
 * the role's and lakeproxy's.
 */
final class UserChoice {

    private boolean chosen;
    /** What stands once the open transaction ends with a commit (or now, outside one). */
    private boolean afterCommit;
    /** What stood when the open transaction began. */
    private boolean beforeTransaction;
    private boolean inTransaction;

    /** The session chose the setting now (chosen) or undid its choice (RESET: not chosen). */
    void record(boolean choose, boolean local, boolean transactionOpen) {
        if (!transactionOpen) {
            if (!local) { // SET LOCAL outside a transaction changes nothing
                chosen = choose;
                afterCommit = choose;
            }
            return;
        }
        if (!inTransaction) {
            inTransaction = true;
            beforeTransaction = chosen;
            afterCommit = chosen;
        }
        chosen = choose;
        if (!local) {
            afterCommit = choose;
        }
    }

    /**
     * The transaction ended: a commit keeps the session-level choices, a rollback undoes them all.
     */
    void transactionEnded(boolean committed) {
        if (inTransaction) {
            chosen = committed ? afterCommit : beforeTransaction;
            inTransaction = false;
        }
    }

    /** A rollback to a savepoint undid an unknown part: the session's value decides from now on. */
    void unknownRollback() {
        transactionEnded(false);
    }

    boolean chosen() {
        return chosen;
    }
}
