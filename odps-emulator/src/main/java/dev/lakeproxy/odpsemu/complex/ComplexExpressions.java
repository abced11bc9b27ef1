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
package dev.lakeproxy.odpsemu.complex;

import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.PgErrors;
import dev.lakeproxy.odpsemu.complex.ComplexArgTypes.Probed;
import dev.lakeproxy.odpsemu.sql.SqlLexer;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Token;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites MaxCompute's complex-type functions (ARRAY, MAP, STRUCT, NAMED_STRUCT, MAP_FROM_ENTRIES,
 * SIZE) and subscripts ({@link Subscripts}) in a query's text into PostgreSQL expressions over
 * {@link ComplexCarriers}, before {@link dev.lakeproxy.odpsemu.sql.SqlTranslator} runs. Each call's
 * type is worked out from its arguments' types; an argument that is not a literal is typed by
 * PostgreSQL: the call is first written as {@code odps_probe_N(args)}, a function that does not
 * exist, and PostgreSQL's "function odps_probe_N(integer, text) does not exist" names the argument
 * types (parse only, nothing runs).
 */
public final class ComplexExpressions {

    /** MaxCompute text to PostgreSQL text (the rest of the translation). */
    public interface Translator {
        String toPostgres(String maxComputeSql);
    }

    private static final Set<String> FUNCTIONS =
            new HashSet<>(
                    Arrays.asList(
                            "ARRAY", "MAP", "STRUCT", "NAMED_STRUCT", "MAP_FROM_ENTRIES", "SIZE",
                            "ARRAY_CONTAINS", "MAP_KEYS", "MAP_VALUES", "COLLECT_LIST",
                            "COLLECT_SET"));

    private static final int MAX_ROUNDS = 64;

    /** A piece of rewritten text and its MaxCompute type (null when not known). */
    static final class Typed {
        final String text;
        final String type;

        Typed(String text, String type) {
            this.text = text;
            this.type = type;
        }
    }

    private final List<Token> toks;
    private final ComplexCarriers carriers;
    private final String policy;
    private final Map<Integer, List<String>> probed;
    private boolean needsProbe;

    private ComplexExpressions(
            List<Token> toks,
            ComplexCarriers carriers,
            String policy,
            Map<Integer, List<String>> probed) {
        this.toks = toks;
        this.carriers = carriers;
        this.policy = policy;
        this.probed = probed;
    }

    /** The query as PostgreSQL text, or null when it calls none of these functions. */
    public static String toPostgres(
            String sql,
            Map<String, String> settings,
            ComplexCarriers carriers,
            Connection pg,
            Translator translator)
            throws SQLException {
        String subscripted = Subscripts.rewrite(sql);
        List<Token> toks = SqlLexer.lex(subscripted);
        if (!callsAny(toks) && subscripted.equals(sql)) {
            return null;
        }
        String policy = ComplexCalls.dedupPolicy(settings);
        Map<Integer, List<String>> probed = new HashMap<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ComplexExpressions x = new ComplexExpressions(toks, carriers, policy, probed);
            String pgSql = translator.toPostgres(x.span(0, toks.size()).text);
            if (!x.needsProbe) {
                return pgSql;
            }
            Probed p = probe(pg, pgSql, carriers);
            probed.put(p.site, p.types);
        }
        throw new OdpsSqlException(
                "ODPS-0130071", "[1,1] Semantic analysis exception - too many nested calls");
    }

    private static boolean callsAny(List<Token> toks) {
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.kind == Kind.WORD && FUNCTIONS.contains(t.value)) {
                int next = nextSig(toks, i + 1, toks.size());
                if (next >= 0 && toks.get(next).isOp("(")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Parses (never runs) the query; the error names the first probed call's argument types. */
    private static Probed probe(Connection pg, String pgSql, ComplexCarriers carriers)
            throws SQLException {
        Savepoint sp = pg.getAutoCommit() ? null : pg.setSavepoint();
        try (PreparedStatement ps = pg.prepareStatement(pgSql)) {
            ps.getMetaData();
        } catch (SQLException e) {
            if (sp != null) {
                pg.rollback(sp);
            }
            Probed p = ComplexArgTypes.probed(e.getMessage(), carriers);
            if (p == null) {
                throw PgErrors.translate(e);
            }
            return p;
        }
        throw new OdpsSqlException(
                "ODPS-0010000", "System internal error - argument types could not be probed");
    }

    private Typed span(int from, int to) {
        StringBuilder out = new StringBuilder();
        Typed last = null;
        int calls = 0;
        int lastName = -1;
        int lastClose = -1;
        for (int i = from; i < to; i++) {
            Token t = toks.get(i);
            boolean named = t.kind == Kind.WORD && FUNCTIONS.contains(t.value);
            int open = named ? nextSig(toks, i + 1, to) : -1;
            if (open >= 0 && toks.get(open).isOp("(") && !afterDot(i, from)) {
                int close = matching(open, to);
                last = call(t, open, close);
                calls++;
                lastName = i;
                lastClose = close;
                out.append(last.text);
                i = close;
            } else {
                out.append(t.text);
            }
        }
        if (calls == 1 && nextSig(toks, from, to) == lastName && lastSig(from, to) == lastClose) {
            return new Typed(out.toString(), last.type); // the argument is exactly one call
        }
        List<Token> sig = SqlLexer.significant(toks.subList(from, to));
        return new Typed(out.toString(), calls == 0 ? ComplexArgTypes.literal(sig) : null);
    }

    private Typed call(Token name, int open, int close) {
        List<Typed> args = new ArrayList<>();
        int start = open + 1;
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            Token t = toks.get(i);
            depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
            if (depth == 0 && t.isOp(",")) {
                args.add(span(start, i));
                start = i + 1;
            }
        }
        if (nextSig(toks, open + 1, close) >= 0) {
            args.add(span(start, close));
        }
        if (name.value.equals("SIZE") || name.value.equals("ARRAY_CONTAINS")) {
            return ComplexCalls.untyped(name.value, args);
        }
        List<String> types = new ArrayList<>();
        List<String> fromProbe = probed.get(name.pos);
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).type;
            if (t == null && fromProbe != null && i < fromProbe.size()) {
                t = fromProbe.get(i);
            }
            if (t == null) {
                needsProbe = true;
                StringBuilder p = new StringBuilder("odps_probe_").append(name.pos).append('(');
                for (int k = 0; k < args.size(); k++) {
                    p.append(k == 0 ? "" : ", ").append(args.get(k).text);
                }
                return new Typed(p.append(')').toString(), null);
            }
            types.add(t);
        }
        return new ComplexCalls(carriers, policy).build(name.value, args, types);
    }

    private boolean afterDot(int i, int from) {
        for (int k = i - 1; k >= from; k--) {
            if (toks.get(k).significant()) {
                return toks.get(k).isOp(".");
            }
        }
        return false;
    }

    private int matching(int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            depth += toks.get(i).isOp("(") ? 1 : toks.get(i).isOp(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new OdpsSqlException("ODPS-0130161", "[1,1] Parse exception - missing ')'");
    }

    private int lastSig(int from, int to) {
        for (int k = to - 1; k >= from; k--) {
            if (toks.get(k).significant()) {
                return k;
            }
        }
        return -1;
    }

    private static int nextSig(List<Token> toks, int from, int to) {
        for (int k = from; k < to; k++) {
            if (toks.get(k).significant()) {
                return k;
            }
        }
        return -1;
    }
}
