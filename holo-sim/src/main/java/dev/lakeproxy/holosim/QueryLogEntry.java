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

import java.time.Instant;

/**
 * One read of a MaxCompute foreign table, as seen by the simulator: which engine served it and
 * whether it succeeded. Entries are recorded outside the user's transaction, so they survive
 * ROLLBACK.
 */
public final class QueryLogEntry {
    private final Instant time;
    private final long connectionId;
    private final String database;
    private final String user;
    private final String query;
    private final String project;
    private final String table;
    private final Encryption encryption;
    private final Engine engine;
    private final boolean success;

    QueryLogEntry(
            Instant time,
            long connectionId,
            String database,
            String user,
            String query,
            String project,
            String table,
            Encryption encryption,
            Engine engine,
            boolean success) {
        this.time = time;
        this.connectionId = connectionId;
        this.database = database;
        this.user = user;
        this.query = query;
        this.project = project;
        this.table = table;
        this.encryption = encryption;
        this.engine = engine;
        this.success = success;
    }

    public Instant time() { return time; }
    /** The simulator's id of the client connection (see {@link SimStats.ConnectionStats#id()}). */
    public long connectionId() { return connectionId; }
    public String database() { return database; }
    public String user() { return user; }
    /** The statement text as the client sent it (before the simulator's rewrite). */
    public String query() { return query; }
    /** MaxCompute project ({@code project_name} option of the foreign table). */
    public String project() { return project; }
    /** MaxCompute table ({@code table_name} option of the foreign table). */
    public String table() { return table; }
    public Encryption encryption() { return encryption; }
    public Engine engine() { return engine; }
    /** False when the read failed with the pangu error. */
    public boolean success() { return success; }

    @Override
    public String toString() {
        return "QueryLogEntry{"
                + time
                + " conn="
                + connectionId
                + " db="
                + database
                + " "
                + project
                + "."
                + table
                + " "
                + encryption
                + " engine="
                + engine
                + (success ? " ok" : " FAILED")
                + " query="
                + query
                + "}";
    }
}
