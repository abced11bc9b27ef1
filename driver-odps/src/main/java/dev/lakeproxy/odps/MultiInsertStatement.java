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
package dev.lakeproxy.odps;

import dev.lakeproxy.odps.SqlTokens.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * MaxCompute's MULTI INSERT, {@code [SET k=v; ...] FROM <source> INSERT OVERWRITE|INTO TABLE t1
 * [PARTITION (..)] SELECT .. [WHERE ..] INSERT .. SELECT ..} (MaxCompute "MULTI INSERT"), found
 * lexically: the shared source's span and shape, and each branch read as an {@link InsertStatement}
 * over its own tokens (offsets stay the text's).
 */
final class MultiInsertStatement {

    /**
     * TABLE: {@code name [[AS] alias]}; SUBQUERY: {@code (query) [[AS] alias]}; OTHER: joins,
     * LATERAL VIEW, ...
     */
    enum Source {
        TABLE, SUBQUERY, OTHER }

    final List<Token> tokens;
    final Source source;

    /**
     * Token indexes of the source's first and last tokens (after FROM, before the first INSERT).
     */
    final int sourceFirst;

    final int sourceLast;

    /**
     * TABLE: the end (exclusive) of the name tokens; SUBQUERY: the index of the bracket closing the
     * query.
     */
    final int sourceEnd;

    /** Whether an alias follows the table or subquery. */
    final boolean aliased;
    /** The source already says where rows go: DISTRIBUTE BY or CLUSTER BY somewhere in it. */
    final boolean distributed;
    final List<InsertStatement> branches;

    private MultiInsertStatement(
            List<Token> tokens,
            Source source,
            int sourceFirst,
            int sourceLast,
            int sourceEnd,
            boolean aliased,
            List<InsertStatement> branches) {
        this.tokens = tokens;
        this.source = source;
        this.sourceFirst = sourceFirst;
        this.sourceLast = sourceLast;
        this.sourceEnd = sourceEnd;
        this.aliased = aliased;
        this.distributed = InsertStatement.hasDistribution(tokens, sourceFirst, sourceLast);
        this.branches = Collections.unmodifiableList(branches);
    }

    /**
     * The statement's shape, or {@code null} when it is not one MULTI INSERT this scanner
     * understands.
     */
    static MultiInsertStatement parse(List<Token> t) {
        int from = InsertStatement.afterSettings(t);
        int n = t.size();
        int last = n - 1;
        while (last > from && t.get(last).isSymbol(';')) {
            last--;
        }
        if (from >= last || !t.get(from).is("FROM")) {
            return null;
        }
        int depth = t.get(from).depth;
        List<Integer> inserts = new ArrayList<>();
        for (int j = from + 1; j <= last; j++) {
            if (t.get(j).isSymbol(';')) {
                return null; // more than one statement
            }
            if (t.get(j).depth == depth && t.get(j).is("INSERT")) {
                inserts.add(j);
            }
        }
        if (inserts.isEmpty() || inserts.get(0) == from + 1) {
            return null;
        }
        List<InsertStatement> branches = new ArrayList<>();
        for (int b = 0; b < inserts.size(); b++) {
            int stop = b + 1 < inserts.size() ? inserts.get(b + 1) : n;
            InsertStatement branch = InsertStatement.parse(t.subList(inserts.get(b), stop));
            if (branch == null || branch.values) {
                return null;
            }
            branches.add(branch);
        }
        int first = from + 1;
        int sourceLast = inserts.get(0) - 1;
        boolean bracket = t.get(first).isSymbol('(');
        boolean query = bracket && first + 1 <= sourceLast && t.get(first + 1).is("SELECT");
        int end =
                query
                        ? SqlTokens.closing(t, first) + 1
                        : bracket ? -1 : tableNameEnd(t, first, sourceLast);
        Source kind = query ? Source.SUBQUERY : Source.TABLE;
        int rest = end;
        if (rest > 0 && rest <= sourceLast && t.get(rest).is("AS")) {
            rest++;
        }
        boolean aliased = rest > 0 && rest == sourceLast && t.get(rest).isIdentifier();
        if (end <= first || (!aliased && end - 1 != sourceLast)) {
            kind = Source.OTHER;
        }
        return new MultiInsertStatement(
                t,
                kind,
                first,
                sourceLast,
                kind == Source.SUBQUERY ? end - 1 : end,
                aliased,
                branches);
    }

    /** Whether the branch reads the shared source (a branch with its own FROM keeps it). */
    static boolean readsSharedSource(InsertStatement branch) {
        int depth = branch.tokens.get(branch.bodyFirst).depth;
        for (int j = branch.bodyFirst; j <= branch.queryLast; j++) {
            Token x = branch.tokens.get(j);
            if (x.depth == depth && x.is("FROM")) {
                return false;
            }
        }
        return true;
    }

    /** The end (exclusive) of {@code name[.name[.name]]} starting at {@code at}, or -1. */
    private static int tableNameEnd(List<Token> t, int at, int last) {
        if (!t.get(at).isIdentifier() || t.get(at).is("SELECT") || t.get(at).is("LATERAL")) {
            return -1;
        }
        int j = at + 1;
        while (j + 1 <= last && t.get(j).isSymbol('.') && t.get(j + 1).isIdentifier()) {
            j += 2;
        }
        return j;
    }
}
