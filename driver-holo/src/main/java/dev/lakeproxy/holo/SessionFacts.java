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

import java.util.List;

/**
 * What a new session starts with, as one query at connect read it (or as cached for the startup
 * mechanism).
 */
final class SessionFacts {

    final HoloVersion version;
    /** The routing in effect once the session started, lakeproxy's own included ("" when none). */
    final String routing;
    /** The routing lakeproxy made effective, or {@code null} when it left the routing alone. */
    final String appliedRouting;
    /** Why the routing was left alone ({@code null} when lakeproxy applied it). */
    final String routingNote;

    /**
     * The engine the legacy setting selects when the session starts (startup options, role,
     * database).
     */
    final EngineMode engineAtStart;

    /** {@code current_schemas(true)}: the schemas unqualified names resolve in, in order. */
    final List<String> searchPath;
    final String database;

    /**
     * The relation catalog's listing when the query read it (the database's cache was stale), else
     * null.
     */
    final String catalogListing;

    /**
     * True when this connection read the facts itself; false when they came from the instance
     * cache.
     */
    final boolean fresh;

    SessionFacts(
            HoloVersion version,
            String routing,
            String appliedRouting,
            String routingNote,
            EngineMode engineAtStart,
            List<String> searchPath,
            String database,
            String catalogListing,
            boolean fresh) {
        this.version = version;
        this.routing = routing;
        this.appliedRouting = appliedRouting;
        this.routingNote = routingNote;
        this.engineAtStart = engineAtStart;
        this.searchPath = searchPath;
        this.database = database;
        this.catalogListing = catalogListing;
        this.fresh = fresh;
    }

    /** The same facts, as a later connection reuses them from the cache. */
    SessionFacts cached() {
        return new SessionFacts(
                version,
                routing,
                appliedRouting,
                routingNote,
                engineAtStart,
                searchPath,
                database,
                null,
                false);
    }

    boolean legacy() {
        return version.legacyRange();
    }
}
