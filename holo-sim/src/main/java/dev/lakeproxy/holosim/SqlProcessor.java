package dev.lakeproxy.holosim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Rewrites client SQL (simple Query and Parse messages) on its way to the embedded PostgreSQL:
 * validates the boolean setting, implements {@code IMPORT FOREIGN SCHEMA ... FROM SERVER odps_server},
 * replaces references to MaxCompute foreign tables with checked reads of the store, and swaps the
 * setting names to their dotted server-side spelling. Anything it does not understand passes unchanged.
 */
final class SqlProcessor {
    private static final String IDENT = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$#]*)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern SET_BOOL = Pattern.compile(
            "^SET\\s+(?:SESSION\\s+|LOCAL\\s+)?" + Settings.ORC_VIA_HOLO + "(?:\\s*=\\s*|\\s+TO\\s+)(.+?)\\s*$", FLAGS);
    private static final Pattern ALTER_BOOL = Pattern.compile(
            "^ALTER\\s+(?:DATABASE|ROLE|USER)\\s+.+?\\s+SET\\s+" + Settings.ORC_VIA_HOLO
                    + "(?:\\s*=\\s*|\\s+TO\\s+)(.+?)\\s*$", FLAGS);
    private static final Pattern IMPORT = Pattern.compile(
            "^IMPORT\\s+FOREIGN\\s+SCHEMA\\s+" + IDENT
                    + "(?:\\s+(LIMIT\\s+TO|EXCEPT)\\s*\\(([^)]*)\\)\\s*|\\s+)FROM\\s+SERVER\\s+odps_server\\s+INTO\\s+"
                    + IDENT + "(?:\\s+OPTIONS\\s*\\((.*)\\))?\\s*$", FLAGS);
    private static final Pattern IF_TABLE_EXIST = Pattern.compile("if_table_exist\\s+'([^']*)'", FLAGS);
    /** {@code PREPARE name [(types)] AS <query>} and {@code DECLARE name ... CURSOR ... FOR <query>}. */
    private static final Pattern PREPARE = Pattern.compile("^PREPARE\\s+\\S+?\\s*(?:\\([^)]*\\))?\\s*AS\\s+", FLAGS);
    private static final Pattern DECLARE = Pattern.compile("^DECLARE\\s+.*?\\bCURSOR\\b.*?\\bFOR\\s+", FLAGS);
    private static final Pattern COPY_QUERY = Pattern.compile("^COPY\\s*\\(", FLAGS);
    private static final Pattern DROP_DATABASE = Pattern.compile("^DROP\\s+DATABASE\\b", FLAGS);

    private final HoloSimulator sim;
    private final String[] settingNames;

    SqlProcessor(HoloSimulator sim) {
        this.sim = sim;
        this.settingNames = Settings.namesFor(sim.version());
    }

    String[] settingNames() {
        return settingNames;
    }

    /** The text to send to PostgreSQL instead of {@code sql} (the same instance when nothing changes). */
    String process(String sql, ProxySession session) {
        List<int[]> spans = SqlText.split(sql);
        StringBuilder out = null;
        int copied = 0;
        for (int[] span : spans) {
            String stmt = sql.substring(span[0], span[1]);
            String replaced = processStatement(stmt, session);
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
                return importForeignSchema(head.trim(), stmt);
            }
            case "drop":
                ddl(session, catalog, head);
                if (DROP_DATABASE.matcher(head).find()) {
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
            case "create": {
                String out = rewriteTables(stmt, catalog, session);
                ddl(session, catalog, head); // after the rewrite: the catalog is re-read at the next statement
                return out;
            }
            case "select":
                if (Settings.containsIgnoreCase(head, "search_path")) {
                    SearchPaths.track(head, session.searchPathState);
                }
                return rewriteTables(stmt, catalog, session);
            case "with":
            case "insert":
            case "update":
            case "delete":
            case "explain":
            case "values":
            case "table":
                return rewriteTables(stmt, catalog, session);
            default:
                // "(SELECT ...) UNION ..." starts with a parenthesis
                return head.startsWith("(") ? rewriteTables(stmt, catalog, session) : stmt;
        }
    }

    /**
     * DDL that may change the foreign tables the rewriter knows. (Foreign-table DDL itself is also reported by
     * the event triggers as it happens; this covers renames, dropped schemas and databases.)
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
        return raise("22023", "parameter \"" + Settings.ORC_VIA_HOLO + "\" requires a Boolean value");
    }

    static String raise(String sqlState, String message) {
        return "SELECT hg_sim.raise_error(" + SqlText.quoteLiteral(sqlState) + ", " + SqlText.quoteLiteral(message)
                + ")";
    }

    private static String importForeignSchema(String head, String stmt) {
        Matcher m = IMPORT.matcher(head);
        if (!m.matches()) {
            return stmt;
        }
        String project = SqlText.unquoteIdent(m.group(1)).toLowerCase(Locale.ROOT);
        String mode = m.group(2) == null ? null : m.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String list = m.group(3);
        String into = SqlText.unquoteIdent(m.group(4));
        String options = m.group(5);
        String ifExists = "error";
        if (options != null) {
            Matcher o = IF_TABLE_EXIST.matcher(options);
            if (o.find()) {
                ifExists = o.group(1).toLowerCase(Locale.ROOT);
            }
        }
        String array = "NULL::text[]";
        if (list != null) {
            List<String> names = new ArrayList<>();
            for (String part : list.split(",")) {
                if (!part.trim().isEmpty()) {
                    names.add(SqlText.quoteLiteral(SqlText.unquoteIdent(part).toLowerCase(Locale.ROOT)));
                }
            }
            array = "ARRAY[" + String.join(", ", names) + "]::text[]";
        }
        boolean limit = "LIMIT TO".equals(mode);
        boolean except = "EXCEPT".equals(mode);
        return "SELECT hg_sim.import_foreign_schema(" + SqlText.quoteLiteral(project) + ", "
                + SqlText.quoteLiteral(into) + ", " + (limit ? array : "NULL::text[]") + ", "
                + (except ? array : "NULL::text[]") + ", " + SqlText.quoteLiteral(ifExists) + ")";
    }

    /** Rewrites the query that follows a prefix (PREPARE ... AS, DECLARE ... FOR). */
    private String rewriteTail(String stmt, String head, Pattern prefix, ForeignTableCatalog catalog,
                               ProxySession session) {
        Matcher m = prefix.matcher(head);
        if (!m.find()) {
            return stmt;
        }
        int offset = stmt.length() - head.length() + m.end();
        String tail = stmt.substring(offset);
        String out = rewriteTables(tail, catalog, session);
        return out == tail ? stmt : stmt.substring(0, offset) + out;
    }

    /** Rewrites the query of {@code COPY (query) TO ...}. */
    private String rewriteCopy(String stmt, String head, ForeignTableCatalog catalog, ProxySession session) {
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
        String out = rewriteTables(inner, catalog, session);
        return out == inner ? stmt : stmt.substring(0, open + 1) + out + stmt.substring(i);
    }

    private String rewriteTables(String stmt, ForeignTableCatalog catalog, ProxySession session) {
        Map<String, List<ForeignTableCatalog.ForeignTable>> known =
                ForeignTableCatalog.overlay(catalog.tables(), session.uncommitted);
        if (known.isEmpty()) {
            return stmt;
        }
        boolean mentioned = false;
        for (String w : SqlText.words(stmt)) {
            if (known.containsKey(w)) {
                mentioned = true;
                break;
            }
        }
        if (!mentioned) {
            return stmt;
        }
        // The same statement text is parsed again and again (pgjdbc re-sends Parse for unnamed statements).
        CacheKey key = new CacheKey(known, session.searchPath(), stmt);
        String cached = cache.get(key);
        if (cached != null) {
            return cached.equals(stmt) ? stmt : cached;
        }
        String out = parseAndRewrite(stmt, known, session);
        if (cache.size() >= CACHE_SIZE) {
            cache.clear();
        }
        cache.put(key, out);
        return out;
    }

    private static final int CACHE_SIZE = 2048;
    private final Map<CacheKey, String> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** A rewrite depends on the statement, the catalog snapshot (compared by identity) and the search path. */
    private static final class CacheKey {
        private final Map<String, List<ForeignTableCatalog.ForeignTable>> catalog;
        private final List<String> searchPath;
        private final String sql;

        CacheKey(Map<String, List<ForeignTableCatalog.ForeignTable>> catalog, List<String> searchPath, String sql) {
            this.catalog = catalog;
            this.searchPath = searchPath;
            this.sql = sql;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof CacheKey)) {
                return false;
            }
            CacheKey k = (CacheKey) o;
            return k.catalog == catalog && k.sql.equals(sql) && k.searchPath.equals(searchPath);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(catalog) * 31 + searchPath.hashCode()) * 31 + sql.hashCode();
        }
    }

    private String parseAndRewrite(String stmt, Map<String, List<ForeignTableCatalog.ForeignTable>> known,
                                   ProxySession session) {
        Statement parsed;
        try {
            parsed = CCJSqlParserUtil.newParser(stmt).Statement();
        } catch (Throwable e) {
            // JSqlParser does not know every PostgreSQL construct: fall back to a lexical scan of FROM lists.
            return lexicalRewrite(stmt, known, session);
        }
        Statement inner = parsed instanceof ExplainStatement ? ((ExplainStatement) parsed).getStatement() : parsed;
        Set<Table> targets = Collections.newSetFromMap(new IdentityHashMap<>());
        if (inner instanceof Insert) {
            targets.add(((Insert) inner).getTable());
        } else if (inner instanceof Update) {
            targets.add(((Update) inner).getTable());
        } else if (inner instanceof Delete) {
            targets.add(((Delete) inner).getTable());
        } else if (inner instanceof CreateView) {
            targets.add(((CreateView) inner).getView());
        } else if (inner instanceof CreateTable) {
            targets.add(((CreateTable) inner).getTable());
        } else if (!(inner instanceof Select)) {
            return stmt;
        }
        List<Table> seen = new ArrayList<>();
        Set<String> realNames;
        try {
            realNames = new TablesNamesFinder<Void>() {
                @Override
                public <S> Void visit(Table table, S context) {
                    seen.add(table);
                    return super.visit(table, context);
                }
            }.getTables(inner);
        } catch (Throwable e) {
            return lexicalRewrite(stmt, known, session); // JSqlParser's visitor fails on some constructs
        }
        List<int[]> edits = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Set<SimpleNode> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Table t : seen) {
            if (targets.contains(t) || !realNames.contains(t.getFullyQualifiedName())) {
                continue;
            }
            ForeignTableCatalog.ForeignTable ft = resolve(t, known, session);
            SimpleNode node = t.getASTNode();
            if (ft == null || node == null || !done.add(node)) {
                continue;
            }
            int b = node.jjtGetFirstToken().absoluteBegin - 1;
            int e = node.jjtGetLastToken().absoluteEnd - 1;
            String first = node.jjtGetFirstToken().image;
            if (b < 0 || e > stmt.length() || b >= e || !stmt.startsWith(first, b)) {
                return stmt; // positions not as expected: do not risk a wrong splice
            }
            String span = stmt.substring(b, e);
            b = includeOnly(stmt, b); // "FROM ONLY t": ONLY cannot stay in front of a subquery
            String reference = reference(t.getSchemaName(), t.getName());
            String replacement;
            if (t.getAlias() == null) {
                replacement = ft.subquery(reference) + " AS " + SqlText.quoteIdent(ft.name);
            } else {
                String alias = t.getAlias().toString().trim();
                if (span.trim().endsWith(alias) || span.trim().toLowerCase(Locale.ROOT).endsWith(
                        alias.toLowerCase(Locale.ROOT))) {
                    replacement = ft.subquery(reference) + " " + alias;
                } else {
                    replacement = ft.subquery(reference);
                }
            }
            edits.add(new int[] {b, e});
            texts.add(replacement);
        }
        if (edits.isEmpty()) {
            return stmt;
        }
        Integer[] order = new Integer[edits.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(edits.get(y)[0], edits.get(x)[0]));
        StringBuilder sb = new StringBuilder(stmt);
        int lastBegin = Integer.MAX_VALUE;
        for (int i : order) {
            int[] ed = edits.get(i);
            if (ed[1] > lastBegin) {
                return stmt; // overlapping spans: leave alone
            }
            sb.replace(ed[0], ed[1], texts.get(i));
            lastBegin = ed[0];
        }
        return sb.toString();
    }

    private static final Set<String> QUERY_STARTS = new java.util.HashSet<>(Arrays.asList(
            "select", "with", "values", "table"));
    private static final Set<String> CLAUSE_ENDS = new java.util.HashSet<>(Arrays.asList(
            "where", "group", "having", "order", "limit", "offset", "union", "intersect", "except", "window",
            "on", "using", "returning", "for", "fetch", "set", "select", "values", "into"));
    private static final Set<String> NOT_ALIAS = new java.util.HashSet<>(Arrays.asList(
            "where", "group", "having", "order", "limit", "offset", "union", "intersect", "except", "window",
            "on", "using", "returning", "for", "fetch", "join", "left", "right", "inner", "full", "cross",
            "natural", "tablesample", "outer", "lateral"));

    /**
     * Lexical fallback: finds {@code FROM name}, {@code JOIN name} and {@code , name} in FROM lists of (sub)queries
     * (not inside function-call parentheses such as {@code extract(x FROM y)}), and splices the checked subquery.
     */
    private String lexicalRewrite(String stmt, Map<String, List<ForeignTableCatalog.ForeignTable>> known,
                                  ProxySession session) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < stmt.length()) {
            char c = stmt.charAt(i);
            int j = SqlText.skipToken(stmt, i);
            boolean comment = (c == '-' && stmt.startsWith("--", i)) || (c == '/' && stmt.startsWith("/*", i));
            if (!Character.isWhitespace(c) && !comment) {
                tokens.add(new int[] {i, j});
            }
            i = j;
        }
        java.util.ArrayDeque<boolean[]> stack = new java.util.ArrayDeque<>(); // {isQuery, inFrom}
        stack.push(new boolean[] {true, false});
        boolean expectTable = false;
        String prev = "";
        List<int[]> edits = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            String raw = stmt.substring(tokens.get(k)[0], tokens.get(k)[1]);
            String word = raw.toLowerCase(Locale.ROOT);
            boolean[] top = stack.peek();
            if (word.equals("(")) {
                String next = k + 1 < tokens.size()
                        ? stmt.substring(tokens.get(k + 1)[0], tokens.get(k + 1)[1]).toLowerCase(Locale.ROOT) : "";
                stack.push(new boolean[] {QUERY_STARTS.contains(next), false});
                expectTable = false;
            } else if (word.equals(")")) {
                if (stack.size() > 1) {
                    stack.pop();
                }
                expectTable = false;
            } else if (!top[0]) {
                // inside a function call or expression list
            } else if (word.equals("from")) {
                top[1] = !prev.equals("delete");
                expectTable = top[1];
            } else if (word.equals("join")) {
                top[1] = true;
                expectTable = true;
            } else if (word.equals(",")) {
                expectTable = top[1];
            } else if (CLAUSE_ENDS.contains(word)) {
                top[1] = false;
                expectTable = false;
            } else if (expectTable && (word.equals("only") || word.equals("lateral"))) {
                // still expecting the table
            } else if (expectTable && (SqlText.isIdentStart(raw.charAt(0)) || raw.charAt(0) == '"')) {
                expectTable = false;
                int first = k;
                List<String> parts = new ArrayList<>();
                parts.add(SqlText.unquoteIdent(raw));
                while (k + 2 < tokens.size() && stmt.startsWith(".", tokens.get(k + 1)[0])) {
                    k += 2;
                    parts.add(SqlText.unquoteIdent(stmt.substring(tokens.get(k)[0], tokens.get(k)[1])));
                }
                String name = parts.get(parts.size() - 1);
                List<ForeignTableCatalog.ForeignTable> candidates = known.get(name);
                if (candidates != null) {
                    String schema = parts.size() == 1 ? null : parts.get(parts.size() - 2);
                    ForeignTableCatalog.ForeignTable ft = pick(candidates, schema, session);
                    if (ft != null) {
                        String next = k + 1 < tokens.size()
                                ? stmt.substring(tokens.get(k + 1)[0], tokens.get(k + 1)[1]).toLowerCase(Locale.ROOT) : "";
                        boolean alias = !next.isEmpty() && (next.equals("as") || next.startsWith("\"")
                                || (SqlText.isIdentStart(next.charAt(0)) && !NOT_ALIAS.contains(next)
                                    && !CLAUSE_ENDS.contains(next)));
                        edits.add(new int[] {includeOnly(stmt, tokens.get(first)[0]), tokens.get(k)[1]});
                        String reference = schema == null ? SqlText.quoteIdent(name)
                                : SqlText.quoteIdent(schema) + "." + SqlText.quoteIdent(name);
                        texts.add(alias ? ft.subquery(reference)
                                : ft.subquery(reference) + " AS " + SqlText.quoteIdent(ft.name));
                    }
                }
            } else {
                expectTable = false;
            }
            prev = word;
        }
        if (edits.isEmpty()) {
            return stmt;
        }
        StringBuilder sb = new StringBuilder(stmt);
        for (int e = edits.size() - 1; e >= 0; e--) {
            sb.replace(edits.get(e)[0], edits.get(e)[1], texts.get(e));
        }
        return sb.toString();
    }

    /** The start of a preceding {@code ONLY} keyword, else {@code b}. */
    private static int includeOnly(String stmt, int b) {
        int p = b;
        while (p > 0 && Character.isWhitespace(stmt.charAt(p - 1))) {
            p--;
        }
        if (p >= 4 && stmt.regionMatches(true, p - 4, "only", 0, 4)
                && (p == 4 || !SqlText.isIdentPart(stmt.charAt(p - 5)))) {
            return p - 4;
        }
        return b;
    }

    /**
     * The candidate a reference means: a qualified name exactly; an unqualified one in the first schema of the
     * session's search_path as the proxy saw it, else the only (or first) candidate. PostgreSQL resolves the name
     * again itself, and {@code hg_sim.read_check} refuses a read whose resolution is not the chosen table.
     */
    private static ForeignTableCatalog.ForeignTable pick(List<ForeignTableCatalog.ForeignTable> candidates,
                                                         String schema, ProxySession session) {
        List<String> path = schema == null ? session.searchPath() : Collections.singletonList(schema);
        for (String s : path) {
            for (ForeignTableCatalog.ForeignTable ft : candidates) {
                if (ft.schema.equals(s)) {
                    return ft;
                }
            }
        }
        return schema == null ? candidates.get(0) : null;
    }

    /** The foreign table a parsed reference names, or null. */
    private static ForeignTableCatalog.ForeignTable resolve(Table t, Map<String, List<ForeignTableCatalog.ForeignTable>> known,
                                                           ProxySession session) {
        List<ForeignTableCatalog.ForeignTable> candidates = known.get(SqlText.unquoteIdent(t.getName()));
        if (candidates == null) {
            return null;
        }
        return pick(candidates, t.getSchemaName() == null ? null : SqlText.unquoteIdent(t.getSchemaName()), session);
    }

    /** The reference as PostgreSQL's regclass input reads it: {@code "schema"."name"} or {@code "name"}. */
    private static String reference(String schema, String name) {
        String n = SqlText.quoteIdent(SqlText.unquoteIdent(name));
        return schema == null ? n : SqlText.quoteIdent(SqlText.unquoteIdent(schema)) + "." + n;
    }
}
