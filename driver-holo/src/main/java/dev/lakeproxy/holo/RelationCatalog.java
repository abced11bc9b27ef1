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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One database's relations that read MaxCompute data, as the server's catalog says: the foreign
 * tables of {@code odps_server} and the views over them (through {@code pg_depend}, view over view
 * included), each with the projects it reads; plus every other relation of the same name, so that
 * search_path shadowing resolves as PostgreSQL resolves it. Names are kept exactly as stored (the
 * catalog holds quoted names as written).
 */
final class RelationCatalog {

    static final RelationCatalog EMPTY = new RelationCatalog(List.of());

    /**
     * One text value: schema, name and the comma-separated projects read (empty for none), one per
     * line.
     */
    static final String LIST_SQL =
            "WITH RECURSIVE reads(oid, project) AS (SELECT ft.ftrelid, lower(coalesce((SELECT"
                + " substr(o, 14) FROM unnest(ft.ftoptions) o WHERE o LIKE 'project_name=%'), ''))"
                + " FROM pg_foreign_table ft JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE"
                + " s.srvname = 'odps_server' UNION SELECT r.ev_class, reads.project FROM reads"
                + " JOIN pg_depend d ON d.refobjid = reads.oid AND d.refclassid ="
                + " 'pg_class'::regclass AND d.classid = 'pg_rewrite'::regclass JOIN pg_rewrite r"
                + " ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class AND v.relkind = 'v'"
                + " WHERE r.ev_class <> reads.oid) SELECT string_agg(n.nspname || chr(9) ||"
                + " c.relname || chr(9) || coalesce(p.projects, ''), chr(10)) FROM pg_class c JOIN"
                + " pg_namespace n ON n.oid = c.relnamespace LEFT JOIN (SELECT oid,"
                + " string_agg(DISTINCT project, ',') AS projects FROM reads GROUP BY oid) p ON"
                + " p.oid = c.oid WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND c.relname IN"
                + " (SELECT k.relname FROM reads JOIN pg_class k ON k.oid = reads.oid)";

    /** A relation: its schema and the MaxCompute projects it reads (empty when none). */
    static final class Relation {
        final String schema;
        final Set<String> projects;

        Relation(String schema, Set<String> projects) {
            this.schema = schema;
            this.projects = projects;
        }
    }

    private final Map<String, List<Relation>> byName = new HashMap<>();

    private RelationCatalog(List<String[]> rows) {
        for (String[] r : rows) {
            Set<String> projects = new LinkedHashSet<>();
            for (String p : r[2].split(",")) {
                if (!p.isEmpty()) {
                    projects.add(p.toLowerCase(Locale.ROOT));
                }
            }
            byName.computeIfAbsent(r[1], k -> new ArrayList<>())
                    .add(new Relation(r[0], Set.copyOf(projects)));
        }
    }

    static RelationCatalog parse(String listing) {
        if (listing == null || listing.isEmpty()) {
            return EMPTY;
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 3) {
                rows.add(f);
            }
        }
        return new RelationCatalog(rows);
    }

    static RelationCatalog load(Connection real) throws SQLException {
        try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery(LIST_SQL)) {
            return rs.next() ? parse(rs.getString(1)) : EMPTY;
        }
    }

    /** The relations of this exact (folded) name, in every schema. */
    List<Relation> named(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** The names of the relations that read any of {@code projects} (for the lexical pre-check). */
    String[] namesReading(Collection<String> projects) {
        Set<String> names = new LinkedHashSet<>();
        byName.forEach((name, rels) -> {
            for (Relation r : rels) {
                if (r.projects.stream().anyMatch(projects::contains)) {
                    names.add(name);
                }
            }
        });
        return names.toArray(new String[0]);
    }
}
