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

import dev.lakeproxy.spi.sql.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one name resolver of a database, shared by its connections and rules: which MaxCompute
 * projects a table name in a statement reads, resolved like PostgreSQL resolves it (quoted parts
 * exactly, unquoted ones folded, unqualified ones along the session's search_path), against the
 * server's catalog, views through their dependencies. The catalog is cached, dropped on DDL sent
 * through lakeproxy and after a TTL.
 */
final class ProjectsReadResolver {

    static final Duration TTL = Duration.ofSeconds(60);

    private volatile RelationCatalog catalog;
    private volatile long loadedAt;

    /** The cached catalog, fresh or not; {@code null} before the first load. */
    RelationCatalog catalog() {
        return catalog;
    }

    boolean stale() {
        return catalog == null || System.nanoTime() - loadedAt > TTL.toNanos();
    }

    void offer(RelationCatalog loaded) {
        catalog = loaded;
        loadedAt = System.nanoTime();
    }

    /**
     * DDL went through lakeproxy (or an error showed the catalog was wrong): reload at the next
     * need.
     */
    void invalidate() {
        loadedAt = System.nanoTime() - TTL.toNanos() - 1;
    }

    /** Reads the catalog from the server (one round trip) and shares it. */
    RelationCatalog refresh(Connection real) throws SQLException {
        RelationCatalog loaded = RelationCatalog.load(real);
        offer(loaded);
        return loaded;
    }

    /**
     * The projects {@code name} reads. {@code searchPath} is the session's {@code
     * current_schemas(true)}, or {@code null} when not known: then every relation of that name
     * counts (the safe side).
     */
    static Set<String> projectsRead(RelationCatalog c, TableName name, List<String> searchPath) {
        List<RelationCatalog.Relation> candidates = c.named(name.table());
        if (candidates.isEmpty()) {
            return Set.of();
        }
        String schema = name.qualifier();
        if (schema != null) {
            for (RelationCatalog.Relation r : candidates) {
                if (r.schema.equals(schema)) {
                    return r.projects;
                }
            }
            return Set.of();
        }
        if (searchPath == null) {
            Set<String> all = new HashSet<>();
            candidates.forEach(r -> all.addAll(r.projects));
            return all;
        }
        for (String s : searchPath) {
            for (RelationCatalog.Relation r : candidates) {
                if (r.schema.equals(s)) {
                    return r.projects;
                }
            }
        }
        return Set.of();
    }
}
