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

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites client SQL (simple Query and Parse messages) on its way to the embedded PostgreSQL:
 * validates the boolean setting, implements {@code IMPORT FOREIGN SCHEMA ... FROM SERVER
 * odps_server}, replaces references to MaxCompute foreign tables with checked reads of the store,
 * and swaps the setting names to their dotted server-side spelling. Anything it does not understand
 * passes unchanged.
 */
final class SqlProcessor {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern SET_BOOL =
            Pattern.compile(
                    "^SET\\s+(?:SESSION\\s+|LOCAL\\s+)?"
                            + Settings.ORC_VIA_HOLO
                            + "(?:\\s*=\\s*|\\s+TO\\s+)(.+?)\\s*$",
                    FLAGS);
    private static final Pattern ALTER_BOOL = Pattern.compile(
            "^ALTER\\s+(?:DATABASE|ROLE|USER)\\s+.+?\\s+SET\\s+" + Settings.ORC_VIA_HOLO
                    + "(?:\\s*=\\s*|\\s+TO\\s+)(.+?)\\s*$", FLAGS);
    private static final Pattern SET_CONFIG_BOOL = Pattern.compile(
            "set_config\\s*\\(\\s*'" + Settings.ORC_VIA_HOLO + "'\\s*,\\s*'((?:[^']|'')*)'", FLAGS);

    /**
     * {@code PREPARE name [(types)] AS <query>} and {@code DECLARE name ... CURSOR ... FOR
     * <query>}.
     */
    private static final Pattern PREPARE =
            Pattern.compile("^PREPARE\\s+\\S+?\\s*(?:\\([^)]*\\))?\\s*AS\\s+", FLAGS);

    private static final Pattern DECLARE =
            Pattern.compile("^DECLARE\\s+.*?\\bCURSOR\\b.*?\\bFOR\\s+", FLAGS);
    private static final Pattern COPY_QUERY = Pattern.compile("^COPY\\s*\\(", FLAGS);
    private static final Pattern ROUTINE = Pattern.compile(
            "^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:FUNCTION|PROCEDURE)\\b", FLAGS);
    private static final Pattern DROP_DATABASE = Pattern.compile("^DROP\\s+DATABASE\\b", FLAGS);

    private final HoloSimulator sim;
    private final String[] settingNames;
    private final ForeignReadRewriter rewriter = new ForeignReadRewriter();

    SqlProcessor(HoloSimulator sim) {
        this.sim = sim;
        this.settingNames = Settings.namesFor(sim.version());
    }

    String[] settingNames() {
        return settingNames;
    }

    /**
     * The text to send to PostgreSQL instead of {@code sql} (the same instance when nothing
     * changes).
     */
    String process(String sql, ProxySession session) {
        if (Settings.containsIgnoreCase(sql, "hg_query_log")) {
            sim.flushQueryLog(); // the rows of earlier reads are written in the background
        }
        List<int[]> spans = SqlText.split(sql);
        StringBuilder out = null;
        int copied = 0;
        for (int[] span : spans) {
            String stmt = sql.substring(span[0], span[1]);
            String replaced = processStatement(stmt, session);
            if (Settings.containsIgnoreCase(stmt, "foreign")) {
                // Statements after it (in the same string, or pipelined by the client) may read the
                // new table.
                ProvisionalForeignTables.register(SqlText.stripLeading(stmt), session, sim);
            }
            if (replaced != stmt) {
                if (out == null) {
                    out = new StringBuilder(sql.length() + 256);
                }
                out.append(sql, copied, span[0]).append(replaced);
                copied = span[1];
            }
        }
        String result = sql;
        if (out != null) {
            out.append(sql, copied, sql.length());
            result = out.toString();
        }
        return Settings.toServer(result, settingNames);
    }

    private String processStatement(String stmt, ProxySession session) {
        String head = SqlText.stripLeading(stmt);
        if (head.isEmpty()) {
            return stmt;
        }
        int end = 0;
        while (end < head.length() && SqlText.isIdentPart(head.charAt(end))) {
            end++;
        }
        String keyword = head.substring(0, end).toLowerCase(Locale.ROOT);
        ForeignTableCatalog catalog = sim.catalog(session.database());
        switch (keyword) {
            case "set":
                SearchPaths.track(head, session.searchPathState);
                return checkBool(SET_BOOL, head, stmt);
            case "reset":
                SearchPaths.track(head, session.searchPathState);
                return stmt;
            case "prepare":
                return rewriteTail(stmt, head, PREPARE, catalog, session);
            case "declare":
                return rewriteTail(stmt, head, DECLARE, catalog, session);
            case "copy":
                return rewriteCopy(stmt, head, catalog, session);
            case "alter": {
                if (Settings.containsIgnoreCase(head, "search_path")) {
                    sim.defaultSearchPaths().forget();
                }
                ddl(session, catalog, head);
                return checkBool(ALTER_BOOL, head, stmt);
            }
            case "import": {
                ddl(session, catalog, head);
                String call = ImportForeignSchema.rewrite(head.trim(), stmt);
                String preview = ImportForeignSchema.previewQuery(call);
                if (preview != null) {
                    ProvisionalForeignTables.registerImport(preview, session, sim);
                }
                return call;
            }
            case "drop":
                ddl(session, catalog, head);
                if (DROP_DATABASE.matcher(head).find()) {
                    sim.flushQueryLog(); // its writer may hold a connection to the database
                    sim.closeAdminConnections();
                }
                return stmt;
            case "comment":
            case "grant":
            case "revoke":
                ddl(session, catalog, head);
                return stmt;
            case "commit":
            case "end":
            case "rollback":
            case "abort":
                if (session.pendingDdl) {
                    session.pendingDdl = false;
                    catalog.markDirty();
                }
                return stmt;
            case "do":
                return rewriteBodies(stmt, catalog, session);
            case "create": {
                String out = ROUTINE.matcher(head).find() ? rewriteBodies(stmt, catalog, session)
                        : rewriter.rewrite(stmt, catalog, session);
                // after the rewrite: the catalog is re-read at the next statement
                ddl(session, catalog, head);
                return out;
            }
            case "select": {
                if (Settings.containsIgnoreCase(head, "search_path")) {
                    SearchPaths.track(head, session.searchPathState);
                }
                String checked = checkSetConfigBool(head, stmt);
                return checked != stmt ? checked : rewriter.rewrite(stmt, catalog, session);
            }
            case "with":
            case "insert":
            case "update":
            case "delete":
            case "explain":
            case "values":
            case "table":
                return rewriter.rewrite(stmt, catalog, session);
            default:
                // "(SELECT ...) UNION ..." starts with a parenthesis
                return head.startsWith("(") ? rewriter.rewrite(stmt, catalog, session) : stmt;
        }
    }

    /**
     * DDL that may change the foreign tables the rewriter knows. (Foreign-table DDL itself is also
     * reported by the event triggers as it happens; this covers renames, dropped schemas and
     * databases.)
     */
    private void ddl(ProxySession session, ForeignTableCatalog catalog, String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("database")) {
            sim.markAllCatalogsDirty();
        }
        if (lower.contains("foreign") || lower.contains("schema") || lower.contains("rename")
                || lower.contains("database") || lower.contains("odps_server")) {
            session.pendingDdl = true;
            catalog.markDirty();
        }
    }

    private static String checkBool(Pattern p, String head, String stmt) {
        if (!Settings.containsIgnoreCase(head, Settings.ORC_VIA_HOLO)) {
            return stmt;
        }
        Matcher m = p.matcher(head);
        if (!m.matches()) {
            return stmt;
        }
        String value = SqlText.unquoteValue(m.group(1));
        if (value.equalsIgnoreCase("default") || Settings.isValidBool(value)) {
            return stmt;
        }
        return raise("22023", Settings.REQUIRES_BOOLEAN);
    }

    /**
     * {@code set_config('<bool setting>', 'value', ...)} with a literal value is validated like
     * SET.
     */
    private static String checkSetConfigBool(String head, String stmt) {
        if (!Settings.containsIgnoreCase(head, Settings.ORC_VIA_HOLO)) {
            return stmt;
        }
        Matcher m = SET_CONFIG_BOOL.matcher(head);
        while (m.find()) {
            if (!Settings.isValidBool(m.group(1).replace("''", "'"))) {
                return raise("22023", Settings.REQUIRES_BOOLEAN);
            }
        }
        return stmt;
    }

    static String raise(String sqlState, String message) {
        return "SELECT hg_sim.raise_error("
                + SqlText.quoteLiteral(sqlState)
                + ", "
                + SqlText.quoteLiteral(message)
                + ")";
    }

    /** Rewrites the query that follows a prefix (PREPARE ... AS, DECLARE ... FOR). */
    private String rewriteTail(
            String stmt,
            String head,
            Pattern prefix,
            ForeignTableCatalog catalog,
            ProxySession session) {
        Matcher m = prefix.matcher(head);
        if (!m.find()) {
            return stmt;
        }
        int offset = stmt.length() - head.length() + m.end();
        String tail = stmt.substring(offset);
        String out = rewriter.rewrite(tail, catalog, session);
        return out == tail ? stmt : stmt.substring(0, offset) + out;
    }

    /**
     * Rewrites the reads inside the dollar-quoted bodies of {@code DO} and {@code CREATE
     * FUNCTION/PROCEDURE} (SQL and PL/pgSQL statements; the names are resolved when the body runs,
     * like PostgreSQL does).
     */
    private String rewriteBodies(String stmt, ForeignTableCatalog catalog, ProxySession session) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < stmt.length(); ) {
            int j = SqlText.skipToken(stmt, i);
            int tag = stmt.charAt(i) == '$' ? stmt.indexOf('$', i + 1) + 1 : 0;
            if (tag > i
                    && j - i > 2 * (tag - i)
                    && stmt.startsWith(stmt.substring(i, tag), j - (tag - i))) {
                String body = stmt.substring(tag, j - (tag - i));
                String rewritten = rewriter.rewrite(body, catalog, session);
                if (rewritten != body) {
                    out = out == null ? new StringBuilder(stmt.length() + 256) : out;
                    out.append(stmt, copied, tag).append(rewritten);
                    copied = j - (tag - i);
                }
            }
            i = j;
        }
        return out == null ? stmt : out.append(stmt, copied, stmt.length()).toString();
    }

    /** Rewrites the query of {@code COPY (query) TO ...}. */
    private String rewriteCopy(
            String stmt, String head, ForeignTableCatalog catalog, ProxySession session) {
        Matcher m = COPY_QUERY.matcher(head);
        if (!m.find()) {
            return stmt;
        }
        int open = stmt.length() - head.length() + m.end() - 1;
        int depth = 0;
        int i = open;
        while (i < stmt.length()) {
            char c = stmt.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                break;
            }
            i = SqlText.skipToken(stmt, i);
        }
        if (i >= stmt.length()) {
            return stmt;
        }
        String inner = stmt.substring(open + 1, i);
        String out = rewriter.rewrite(inner, catalog, session);
        return out == inner ? stmt : stmt.substring(0, open + 1) + out + stmt.substring(i);
    }

}
