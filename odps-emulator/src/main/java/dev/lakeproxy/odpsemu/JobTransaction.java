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
package dev.lakeproxy.odpsemu;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A job is atomic: its PostgreSQL work runs in one transaction, and its catalog changes (tables,
 * schemas, partitions, lifecycle, comment) register how to undo them. A failed job rolls both back,
 * so it changes nothing. Writes to the simulated Tablestore are outside (an external system: the
 * seed says batches sent before a failing one stay written).
 */
public final class JobTransaction {

    private final Connection pg;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private boolean open;

    JobTransaction(Connection pg) {
        this.pg = pg;
    }

    void begin() throws SQLException {
        pg.setAutoCommit(false);
        undo.clear();
        open = true;
    }

    /** Runs one statement on PostgreSQL, inside the job's transaction when one is open. */
    public void exec(String sql) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute(sql);
        }
    }

    /** Registers the undo of a catalog change made by the running job. */
    public void onRollback(Runnable action) {
        if (open) {
            undo.push(action);
        }
    }

    void commit() throws SQLException {
        try {
            pg.commit();
        } finally {
            end();
        }
    }

    void rollback() {
        try {
            pg.rollback();
        } catch (SQLException e) {
            throw PgErrors.translate(e);
        } finally {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
            end();
        }
    }

    private void end() {
        open = false;
        undo.clear();
        try {
            pg.setAutoCommit(true);
        } catch (SQLException e) {
            throw PgErrors.translate(e);
        }
    }
}
