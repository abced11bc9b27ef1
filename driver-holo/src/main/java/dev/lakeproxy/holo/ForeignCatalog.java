package dev.lakeproxy.holo;

import dev.lakeproxy.spi.sql.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The MaxCompute foreign tables of one database (server {@code odps_server}), with their projects. */
final class ForeignCatalog {

    static final ForeignCatalog EMPTY = new ForeignCatalog(List.of());

    /** One column set the detection query can fold in: schema, table, project (lower-cased), one per line. */
    static final String LIST_SQL = "SELECT string_agg(n.nspname || chr(9) || c.relname || chr(9) || "
            + "coalesce((SELECT substr(o, 14) FROM unnest(ft.ftoptions) o WHERE o LIKE 'project_name=%'), ''), chr(10)) "
            + "FROM pg_foreign_table ft JOIN pg_class c ON c.oid = ft.ftrelid "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_foreign_server s ON s.oid = ft.ftserver "
            + "WHERE s.srvname = 'odps_server'";

    static final class Entry {
        final String schema;
        final String name;
        final String project;

        Entry(String schema, String name, String project) {
            this.schema = schema;
            this.name = name;
            this.project = project;
        }
    }

    private final List<Entry> entries;
    private final String[] allNames;

    private ForeignCatalog(List<Entry> entries) {
        this.entries = entries;
        this.allNames = entries.stream().map(e -> e.name).distinct().toArray(String[]::new);
    }

    /** Parses the text {@link #LIST_SQL} returns. */
    static ForeignCatalog parse(String listing) {
        if (listing == null || listing.isEmpty()) {
            return EMPTY;
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 3) {
                entries.add(new Entry(f[0].toLowerCase(Locale.ROOT), f[1].toLowerCase(Locale.ROOT), f[2].toLowerCase(Locale.ROOT)));
            }
        }
        return new ForeignCatalog(entries);
    }

    static ForeignCatalog load(Connection real) throws SQLException {
        try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery(LIST_SQL)) {
            return rs.next() ? parse(rs.getString(1)) : EMPTY;
        }
    }

    /** Every foreign table's (unqualified) name. */
    String[] allNames() {
        return allNames;
    }

    /** The names of the foreign tables of these projects. */
    String[] namesIn(Collection<String> projects) {
        return entries.stream().filter(e -> projects.contains(e.project)).map(e -> e.name).distinct().toArray(String[]::new);
    }

    /**
     * The projects a table reference may read: exact for a qualified name; for an unqualified name, every
     * foreign table of that name (the search path decides among them, and either way the engine must fit).
     */
    Set<String> projectsOf(TableName t) {
        String name = t.table();
        String schema = t.qualifier();
        Set<String> projects = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.name.equals(name) && (schema == null || e.schema.equals(schema))) {
                projects.add(e.project);
            }
        }
        return projects;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

}
