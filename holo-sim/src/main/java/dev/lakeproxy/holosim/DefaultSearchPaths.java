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

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The search_path a new session starts with from {@code ALTER ROLE/DATABASE ... SET search_path},
 * with PostgreSQL's precedence (role in database, role, database, all roles). Cached per (database,
 * user) and forgotten whenever a statement that mentions search_path alters a role or database.
 */
final class DefaultSearchPaths {
    private static final String QUERY = "SELECT substr(c, 13) FROM pg_db_role_setting s,"
            + " unnest(s.setconfig) c WHERE c LIKE 'search\\_path=%'"
            + " AND s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = ?))"
            + " AND s.setrole IN (0, (SELECT oid FROM pg_roles WHERE rolname = ?))"
            + " ORDER BY s.setrole = 0, s.setdatabase = 0 LIMIT 1";

    private final HoloSimulator sim;
    private final Map<String, Optional<List<String>>> cache = new ConcurrentHashMap<>();

    DefaultSearchPaths(HoloSimulator sim) {
        this.sim = sim;
    }

    void forget() {
        cache.clear();
    }

    /** The configured search_path, or null for the server default. */
    List<String> lookup(String database, String user) {
        return cache.computeIfAbsent(
                        database + "\u0000" + user, k -> Optional.ofNullable(load(database, user)))
                .orElse(null);
    }

    private List<String> load(String database, String user) {
        try {
            return sim.withAdmin(database, c -> {
                try (PreparedStatement ps = c.prepareStatement(QUERY)) {
                    ps.setString(1, database);
                    ps.setString(2, user);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? SearchPaths.parse(rs.getString(1), false) : null;
                    }
                }
            });
        } catch (SQLException e) {
            return null; // no such database: PostgreSQL refuses the connection itself
        }
    }
}
