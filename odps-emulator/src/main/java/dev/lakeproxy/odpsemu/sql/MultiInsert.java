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
package dev.lakeproxy.odpsemu.sql;

import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MULTI INSERT: {@code FROM src INSERT OVERWRITE|INTO TABLE t1 [PARTITION (..)] SELECT .. [INSERT
 * ..]...}, one source written to several destinations (MaxCompute "MULTI INSERT"). Each branch
 * becomes an ordinary INSERT whose query is its SELECT with the shared FROM clause spliced in, so
 * every branch goes through the same partition, Paimon and Tablestore rules; the job stays one
 * transaction, so a failing branch writes nothing at all.
 */
public final class MultiInsert {

    /** "A single MULTI INSERT statement supports a maximum of 255 INSERT operations." */
    static final int MAX_INSERTS = 255;

    /** Words that end a SELECT list at depth 0: the shared FROM goes before them. */
    private static final Set<String> AFTER_FROM =
            new HashSet<>(
                    Arrays.asList(
                            "WHERE", "GROUP", "HAVING", "WINDOW", "DISTRIBUTE", "SORT", "ORDER",
                            "CLUSTER", "LIMIT"));

    private MultiInsert() {}

    /**
     * Whether a statement (its significant tokens) starts with FROM and has an INSERT outside
     * parentheses.
     */
    public static boolean matches(List<Token> toks) {
        return !toks.isEmpty() && toks.get(0).isWord("FROM") && !insertsAtDepthZero(toks).isEmpty();
    }

    /**
     * The INSERT statements the MULTI INSERT {@code sql} (with its significant tokens) amounts to,
     * after its destination rules.
     */
    static List<String> branches(String sql, List<Token> toks) {
        List<Integer> inserts = insertsAtDepthZero(toks);
        if (inserts.size() > MAX_INSERTS) {
            throw new OdpsSqlException(
                    "ODPS-0130161",
                    "[1,1] Parse exception - a MULTI INSERT has at most "
                            + MAX_INSERTS
                            + " INSERT operations, this one has "
                            + inserts.size());
        }
        int end = sql.length();
        Token last = toks.get(toks.size() - 1);
        if (last.isOp(";")) {
            end = last.pos;
        }
        // kept to its line end: a trailing "-- comment" must not swallow what follows it
        String from =
                sql.substring(toks.get(0).pos + 4, toks.get(inserts.get(0)).pos).stripLeading();
        List<String> out = new ArrayList<>();
        for (int b = 0; b < inserts.size(); b++) {
            int first = inserts.get(b);
            int stop = b + 1 < inserts.size() ? inserts.get(b + 1) : toks.size();
            int branchEnd = b + 1 < inserts.size() ? toks.get(stop).pos : end;
            out.add(branch(sql, toks, first, stop, branchEnd, from));
        }
        checkDestinations(out);
        return out;
    }

    /** One branch: its header and SELECT list, the shared FROM, then the rest of its SELECT. */
    private static String branch(
            String sql, List<Token> toks, int first, int stop, int branchEnd, String from) {
        int select = -1;
        int splice = -1;
        int depth = 0;
        for (int k = first; k < stop; k++) {
            Token t = toks.get(k);
            if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")")) {
                depth--;
            } else if (depth == 0 && select < 0 && t.isWord("SELECT")) {
                select = k;
            } else if (depth == 0 && select >= 0 && t.isWord("FROM")) {
                return sql.substring(toks.get(first).pos, branchEnd).trim() + "\n"; // its own FROM
            } else if (depth == 0 && select >= 0 && splice < 0 && t.kind == Kind.WORD
                    && AFTER_FROM.contains(t.value)) {
                splice = t.pos;
            }
        }
        if (select < 0) {
            throw new OdpsSqlException(
                    "ODPS-0130161", "[1,1] Parse exception - MULTI INSERT branch without SELECT");
        }
        int at = splice < 0 ? branchEnd : splice;
        // line breaks around the splice, so that a "-- comment" in either part ends where it did
        return sql.substring(toks.get(first).pos, at).stripTrailing()
                + "\nFROM "
                + from.stripTrailing()
                + "\n"
                + sql.substring(at, branchEnd).trim();
    }

    /**
     * "You cannot specify the same destination partition for multiple INSERT operations"; a
     * non-partitioned table takes INSERT OVERWRITE at most once and never OVERWRITE and INTO
     * together, but INSERT INTO any number of times.
     */
    private static void checkDestinations(List<String> branches) {
        Set<String> partitions = new HashSet<>();
        Map<String, Boolean> plainTables = new HashMap<>(); // table -> overwritten
        for (String b : branches) {
            SqlCursor c = new SqlCursor(b);
            c.expectWord("INSERT");
            boolean overwrite = c.acceptWord("OVERWRITE");
            if (!overwrite) {
                c.expectWord("INTO");
            }
            c.acceptWord("TABLE");
            String table = String.join(".", c.qualifiedName());
            if (c.acceptWord("PARTITION")) {
                Map<String, String> spec = InsertStatements.partitionSpec(c);
                if (!partitions.add(table + spec)) {
                    throw refused("partition " + spec + " of table " + table + " is written twice");
                }
            } else {
                Boolean earlier = plainTables.put(table, overwrite);
                if (earlier != null && (earlier || overwrite)) {
                    throw refused(
                            "table " + table + " is overwritten and written in one MULTI INSERT");
                }
            }
        }
    }

    private static OdpsSqlException refused(String why) {
        return new OdpsSqlException("ODPS-0130071", "[1,1] Semantic analysis exception - " + why);
    }

    private static List<Integer> insertsAtDepthZero(List<Token> toks) {
        List<Integer> out = new ArrayList<>();
        int depth = 0;
        for (int k = 0; k < toks.size(); k++) {
            Token t = toks.get(k);
            if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")")) {
                depth--;
            } else if (depth == 0 && t.isWord("INSERT")) {
                out.add(k);
            }
        }
        return out;
    }
}
