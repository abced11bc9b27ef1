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

import java.util.Collections;
import java.util.List;

/** A snapshot of the simulator's wire-level counters (see {@link HoloSimulator#stats()}). */
public final class SimStats {
    private final long connections;
    private final long hgVersionCalls;
    private final List<ConnectionStats> perConnection;

    SimStats(long connections, long hgVersionCalls, List<ConnectionStats> perConnection) {
        this.connections = connections;
        this.hgVersionCalls = hgVersionCalls;
        this.perConnection = Collections.unmodifiableList(perConnection);
    }

    /** Client connections that completed a startup packet since start (or the last reset). */
    public long connections() { return connections; }

    /**
     * Statements executed that call {@code hg_version()} (one per executed statement naming it).
     */
    public long hgVersionCalls() {
        return hgVersionCalls; }

    /** Client round trips (Sync and simple Query messages), summed over all connections. */
    public long roundTrips() {
        return perConnection.stream().mapToLong(ConnectionStats::roundTrips).sum();
    }

    /** Per client connection, in the order they were opened (closed ones included). */
    public List<ConnectionStats> perConnection() { return perConnection; }

    @Override
    public String toString() {
        return "SimStats{connections="
                + connections
                + ", hgVersionCalls="
                + hgVersionCalls
                + ", roundTrips="
                + roundTrips()
                + ", perConnection="
                + perConnection
                + "}";
    }

    /** Counters of one client connection. */
    public static final class ConnectionStats {
        private final long id;
        private final String database;
        private final String user;
        private final long roundTrips;
        private final long hgVersionCalls;
        private final boolean open;

        ConnectionStats(
                long id,
                String database,
                String user,
                long roundTrips,
                long hgVersionCalls,
                boolean open) {
            this.id = id;
            this.database = database;
            this.user = user;
            this.roundTrips = roundTrips;
            this.hgVersionCalls = hgVersionCalls;
            this.open = open;
        }

        public long id() { return id; }
        public String database() { return database; }
        public String user() { return user; }
        /** Sync and simple Query messages received from this client. */
        public long roundTrips() { return roundTrips; }
        public long hgVersionCalls() { return hgVersionCalls; }
        public boolean open() { return open; }

        @Override
        public String toString() {
            return "#"
                    + id
                    + "("
                    + database
                    + ", roundTrips="
                    + roundTrips
                    + ", hgVersion="
                    + hgVersionCalls
                    + (open ? "" : ", closed")
                    + ")";
        }
    }
}
