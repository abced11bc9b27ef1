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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Replaces each read of a MaxCompute foreign table in one statement with its checked read of the
 * store ({@link ForeignTableCatalog.ForeignTable#subquery}), splicing the original text. Statements
 * are parsed with JSqlParser; what it cannot parse goes to {@link LexicalRewriter}. Results are
 * cached per statement text, catalog snapshot and search_path.
 */
final class ForeignReadRewriter {
    /**
     * The statement with its foreign-table reads replaced (the same instance when there are none).
     */
    String rewrite(String stmt, ForeignTableCatalog catalog, ProxySession session) {
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
        // The same statement text is parsed again and again (pgjdbc re-sends Parse for unnamed
        // statements).
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
    private final Map<CacheKey, String> cache = new ConcurrentHashMap<>();

    /**
     * A rewrite depends on the statement, the catalog snapshot (compared by identity) and the
     * search path.
     */
    private static final class CacheKey {
        private final Map<String, List<ForeignTableCatalog.ForeignTable>> catalog;
        private final List<String> searchPath;
        private final String sql;

        CacheKey(
                Map<String, List<ForeignTableCatalog.ForeignTable>> catalog,
                List<String> searchPath,
                String sql) {
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
            return (System.identityHashCode(catalog) * 31 + searchPath.hashCode()) * 31
                    + sql.hashCode();
        }
    }

    private String parseAndRewrite(
            String stmt,
            Map<String, List<ForeignTableCatalog.ForeignTable>> known,
            ProxySession session) {
        Statement parsed;
        try {
            parsed = CCJSqlParserUtil.newParser(stmt).Statement();
        } catch (Throwable e) {
            // JSqlParser does not know every PostgreSQL construct: fall back to a lexical scan of
            // FROM lists.
            return LexicalRewriter.rewrite(stmt, known, session);
        }
        Statement inner =
                parsed instanceof ExplainStatement
                        ? ((ExplainStatement) parsed).getStatement()
                        : parsed;
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
            return LexicalRewriter.rewrite(
                    stmt, known, session); // JSqlParser's visitor fails on some constructs
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
        Arrays.sort(order, (x, y) -> Integer.compare(edits.get(y)[0], edits.get(x)[0]));
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

    /** The start of a preceding {@code ONLY} keyword, else {@code b}. */
    static int includeOnly(String stmt, int b) {
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
     * The candidate a reference means: a qualified name exactly; an unqualified one in the first
     * schema of the session's search_path as the proxy saw it, else the only (or first) candidate.
     * PostgreSQL resolves the name again itself, and {@code hg_sim.read_check} refuses a read whose
     * resolution is not the chosen table.
     */
    static ForeignTableCatalog.ForeignTable pick(
            List<ForeignTableCatalog.ForeignTable> candidates,
            String schema,
            ProxySession session) {
        List<String> path =
                schema == null ? session.searchPath() : Collections.singletonList(schema);
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
    private static ForeignTableCatalog.ForeignTable resolve(
            Table t,
            Map<String, List<ForeignTableCatalog.ForeignTable>> known,
            ProxySession session) {
        List<ForeignTableCatalog.ForeignTable> candidates =
                known.get(SqlText.unquoteIdent(t.getName()));
        if (candidates == null) {
            return null;
        }
        return pick(
                candidates,
                t.getSchemaName() == null ? null : SqlText.unquoteIdent(t.getSchemaName()),
                session);
    }

    /**
     * The reference as PostgreSQL's regclass input reads it: {@code "schema"."name"} or {@code
     * "name"}.
     */
    private static String reference(String schema, String name) {
        String n = SqlText.quoteIdent(SqlText.unquoteIdent(name));
        return schema == null ? n : SqlText.quoteIdent(SqlText.unquoteIdent(schema)) + "." + n;
    }
}
