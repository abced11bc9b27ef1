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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code CREATE FOREIGN TABLE ... SERVER odps_server} followed by more statements in the same
 * simple-query string (or pipelined Parse messages): the proxy rewrites them before PostgreSQL
 * creates the table, so they would not know it. The table is registered for the session from the
 * DDL text (oid 0: PostgreSQL still resolves the name, and the read check accepts whichever odps
 * foreign table it finds); the event trigger's report replaces the entry.
 */
final class ProvisionalForeignTables {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern CREATE =
            Pattern.compile(
                    "^CREATE\\s+FOREIGN\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?("
                            + NAME
                            + ")(?:\\s*\\.\\s*("
                            + NAME
                            + "))?\\s*\\((.*)\\)"
                            + "\\s*SERVER\\s+odps_server\\s+OPTIONS\\s*\\((.*)\\)\\s*$",
                    FLAGS);
    private static final String STORE_CHECK =
            "SELECT to_regclass(format('%I.%I', ?::text, ?::text)) IS NOT NULL";
    private static final Pattern PROJECT =
            Pattern.compile("\\bproject_name\\s+'((?:[^']|'')*)'", FLAGS);
    private static final Pattern TABLE =
            Pattern.compile("\\btable_name\\s+'((?:[^']|'')*)'", FLAGS);

    /** Words that end the type of a column definition, or start a table constraint. */
    private static final Set<String> TYPE_ENDS =
            new HashSet<>(
                    Arrays.asList(
                            "not",
                            "null",
                            "default",
                            "constraint",
                            "check",
                            "collate",
                            "generated",
                            "options",
                            "references",
                            "unique",
                            "primary"));

    private static final Set<String> TABLE_CONSTRAINTS =
            new HashSet<>(
                    Arrays.asList(
                            "constraint",
                            "check",
                            "unique",
                            "primary",
                            "foreign",
                            "exclude",
                            "like"));

    private ProvisionalForeignTables() {
    }

    /**
     * Registers the table a {@code CREATE FOREIGN TABLE} statement will create, if it can be read
     * from the text.
     */
    static void register(String head, ProxySession session, HoloSimulator sim) {
        Matcher m = CREATE.matcher(head.trim());
        if (!m.matches()) {
            return;
        }
        Matcher p = PROJECT.matcher(m.group(4));
        Matcher t = TABLE.matcher(m.group(4));
        List<String[]> columns = columns(m.group(3));
        if (!p.find() || !t.find() || columns.isEmpty()) {
            return;
        }
        String schema =
                m.group(2) == null ? defaultSchema(session) : SqlText.unquoteIdent(m.group(1));
        String name = SqlText.unquoteIdent(m.group(2) == null ? m.group(1) : m.group(2));
        String project = p.group(1).replace("''", "'").toLowerCase(Locale.ROOT);
        String table = t.group(1).replace("''", "'").toLowerCase(Locale.ROOT);
        StringBuilder select = new StringBuilder();
        StringBuilder nulls = new StringBuilder();
        for (String[] col : columns) {
            String sep = select.length() == 0 ? "" : ", ";
            String ident = SqlText.quoteIdent(col[0]);
            select.append(sep)
                    .append("CAST(")
                    .append(ident)
                    .append(" AS ")
                    .append(col[1])
                    .append(") AS ")
                    .append(ident);
            nulls.append(sep).append("CAST(NULL AS ").append(col[1]).append(") AS ").append(ident);
        }
        // An existing table of that name stays (IF NOT EXISTS, or an error: either way nothing
        // new).
        register(
                session,
                sim,
                new ForeignTableCatalog.ForeignTable(
                        schema,
                        name,
                        project,
                        table,
                        select.toString(),
                        nulls.toString(),
                        storeExists(sim, session, project, table),
                        0));
    }

    /**
     * Registers the tables an {@code IMPORT FOREIGN SCHEMA} will create ({@code
     * hg_sim.import_preview}).
     */
    static void registerImport(String previewQuery, ProxySession session, HoloSimulator sim) {
        try {
            sim.withAdmin(
                    session.database(),
                    c -> {
                        try (Statement st = c.createStatement();
                                ResultSet rs = st.executeQuery(previewQuery)) {
                            while (rs.next()) {
                                register(
                                        session,
                                        sim,
                                        new ForeignTableCatalog.ForeignTable(
                                                rs.getString(1),
                                                rs.getString(2),
                                                rs.getString(3),
                                                rs.getString(2),
                                                rs.getString(4),
                                                rs.getString(5),
                                                true,
                                                0));
                            }
                        }
                        return null;
                    });
        } catch (SQLException e) {
            // no such project or schema: the import itself fails with the right error
        }
    }

    /** Adds a provisional table unless the catalog already has one of that name in that schema. */
    private static void register(
            ProxySession session, HoloSimulator sim, ForeignTableCatalog.ForeignTable ft) {
        List<ForeignTableCatalog.ForeignTable> known =
                sim.catalog(session.database()).tables().get(ft.name);
        if (known == null || known.stream().noneMatch(k -> k.schema.equals(ft.schema))) {
            session.uncommitted.put(ForeignTableCatalog.key(ft.schema, ft.name), ft);
        }
    }

    /**
     * Where PostgreSQL creates an unqualified table: the first schema of the path ($user rarely
     * exists).
     */
    private static String defaultSchema(ProxySession session) {
        List<String> path = session.searchPath();
        return path.size() > 1 && path.get(0).equals(session.user()) ? path.get(1) : path.get(0);
    }

    /** {name, type} per column definition; table constraints are skipped. */
    static List<String[]> columns(String list) {
        List<String[]> out = new ArrayList<>();
        for (String def : splitTopLevel(list)) {
            List<int[]> tokens = tokens(def);
            if (tokens.size() < 2) {
                continue;
            }
            String first = def.substring(tokens.get(0)[0], tokens.get(0)[1]);
            if (TABLE_CONSTRAINTS.contains(first.toLowerCase(Locale.ROOT))) {
                continue;
            }
            int typeEnd = def.length();
            for (int i = 1; i < tokens.size(); i++) {
                String word =
                        def.substring(tokens.get(i)[0], tokens.get(i)[1]).toLowerCase(Locale.ROOT);
                if (TYPE_ENDS.contains(word)) {
                    typeEnd = tokens.get(i)[0];
                    break;
                }
            }
            out.add(
                    new String[] {
                        SqlText.unquoteIdent(first), def.substring(tokens.get(1)[0], typeEnd).trim()
                    });
        }
        return out;
    }

    private static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i = SqlText.skipToken(list, i)) {
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        return parts;
    }

    private static List<int[]> tokens(String s) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            int j = SqlText.skipToken(s, i);
            if (!Character.isWhitespace(s.charAt(i))) {
                out.add(new int[] {i, j});
            }
            i = j;
        }
        return out;
    }

    private static boolean storeExists(
            HoloSimulator sim, ProxySession session, String project, String table) {
        try {
            return sim.withAdmin(session.database(), c -> {
                try (PreparedStatement ps = c.prepareStatement(STORE_CHECK)) {
                    ps.setString(1, ForeignTableCatalog.STORE_SCHEMA_PREFIX + project);
                    ps.setString(2, table);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() && rs.getBoolean(1);
                    }
                }
            });
        } catch (SQLException e) {
            return false;
        }
    }
}
