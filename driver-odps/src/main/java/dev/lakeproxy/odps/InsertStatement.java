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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code [SET k=v; ...] [WITH cte AS (...), ...] INSERT INTO|OVERWRITE [TABLE] t [PARTITION (...)]
 * [(cols)] <query> | VALUES ...}, found lexically (JSqlParser cannot parse MaxCompute's form): the
 * target's name parts, the column list, the partition spec, and the exact span of the query, so
 * that a rewrite splices the original text. The query may itself start with a WITH list; {@link
 * #bodyFirst} is its main SELECT.
 */
final class InsertStatement {

    final List<Token> tokens;
    final List<String> target;
    final boolean overwrite;
    /** The column list, or {@code null}. */
    final List<String> columns;

    /**
     * The partition spec: column → value text (unquoted), or {@code null} for a dynamic partition
     * column.
     */
    final Map<String, String> partition;

    final boolean values;

    /**
     * Token indexes of the query's first and last tokens, and of its main SELECT after any WITH
     * list (-1: VALUES).
     */
    final int queryFirst;

    final int queryLast;
    final int bodyFirst;
    /** The query already says where rows go: DISTRIBUTE BY or CLUSTER BY somewhere in it. */
    final boolean distributed;

    private InsertStatement(
            List<Token> tokens,
            List<String> target,
            boolean overwrite,
            List<String> columns,
            Map<String, String> partition,
            int queryFirst,
            int queryLast,
            int bodyFirst,
            boolean distributed) {
        this.tokens = tokens;
        this.target = Collections.unmodifiableList(target);
        this.overwrite = overwrite;
        this.columns = columns;
        this.partition = partition;
        this.values = queryFirst < 0;
        this.queryFirst = queryFirst;
        this.queryLast = queryLast;
        this.bodyFirst = bodyFirst;
        this.distributed = distributed;
    }

    /** The query span in the text: {@code [queryBegin(), queryEnd())}. */
    int queryBegin() {
        return tokens.get(queryFirst).begin;
    }

    int queryEnd() {
        return tokens.get(queryLast).end;
    }

    /**
     * The statement's shape, or {@code null} when it is not a single INSERT this scanner
     * understands.
     */
    static InsertStatement parse(List<Token> t) {
        int n = t.size();
        int i = afterSettings(t);
        if (i < n && t.get(i).is("WITH")) {
            i = afterWithList(t, i);
        }
        if (i < 0 || i + 1 >= n || !t.get(i).is("INSERT")
                || !(t.get(i + 1).is("INTO") || t.get(i + 1).is("OVERWRITE"))) {
            return null;
        }
        boolean overwrite = t.get(i + 1).is("OVERWRITE");
        i += 2;
        // TABLE is the keyword unless it is the table's own name (then the query, a PARTITION or a
        // bracket follows)
        if (i + 1 < n
                && t.get(i).is("TABLE")
                && t.get(i + 1).isIdentifier()
                && !startsQuery(t.get(i + 1))
                && !t.get(i + 1).is("PARTITION")) {
            i++;
        }
        if (i >= n || !t.get(i).isIdentifier()) {
            return null;
        }
        List<String> target = new ArrayList<>();
        target.add(t.get(i).name());
        i++;
        while (i + 1 < n
                && t.get(i).isSymbol('.')
                && t.get(i + 1).isIdentifier()
                && target.size() < 3) {
            target.add(t.get(i + 1).name());
            i += 2;
        }
        Map<String, String> partition = null;
        if (i < n && t.get(i).is("PARTITION")) {
            int close = i + 1 < n && t.get(i + 1).isSymbol('(') ? SqlTokens.closing(t, i + 1) : -1;
            partition = close < 0 ? null : partitionSpec(t, i + 2, close);
            if (partition == null) {
                return null;
            }
            i = close + 1;
        }
        List<String> columns = null;
        if (i + 1 < n
                && t.get(i).isSymbol('(')
                && t.get(i + 1).isIdentifier()
                && !startsQuery(t.get(i + 1))) {
            int close = SqlTokens.closing(t, i);
            columns = close < 0 ? null : columnList(t, i + 1, close);
            if (columns == null) {
                return null;
            }
            i = close + 1;
        }
        int last = n - 1;
        while (last >= i && t.get(last).isSymbol(';')) {
            last--;
        }
        if (last < i) {
            return null;
        }
        for (int j = i; j <= last; j++) {
            if (t.get(j).isSymbol(';')) {
                return null; // more than one statement
            }
        }
        Token first = t.get(i);
        if (first.is("VALUES")) {
            return new InsertStatement(t, target, overwrite, columns, partition, -1, -1, -1, false);
        }
        if (!(startsQuery(first) || first.isSymbol('(') || first.is("FROM"))) {
            return null;
        }
        int body = first.is("WITH") ? afterWithList(t, i) : i;
        if (body < 0 || body > last) {
            return null;
        }
        return new InsertStatement(t, target, overwrite, columns, partition, i, last, body,
                hasDistribution(t, i, last));
    }

    /**
     * Whether tokens {@code [first, last)} say where rows go: DISTRIBUTE BY or CLUSTER BY anywhere.
     */
    static boolean hasDistribution(List<Token> t, int first, int last) {
        for (int j = first; j < last; j++) {
            if ((t.get(j).is("DISTRIBUTE") || t.get(j).is("CLUSTER")) && t.get(j + 1).is("BY")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index after any leading {@code SET k=v;} lines (odps-jdbc sends them as the job's
     * settings).
     */
    static int afterSettings(List<Token> t) {
        int n = t.size();
        int i = 0;
        while (i < n && t.get(i).is("SET")) {
            while (i < n && !t.get(i).isSymbol(';')) {
                i++;
            }
            i++;
        }
        return i;
    }

    private static boolean startsQuery(Token t) {
        return t.is("SELECT") || t.is("WITH") || t.is("VALUES");
    }

    /**
     * The index after {@code WITH name [(cols)] AS (...) [, ...]} starting at {@code with}, or -1.
     */
    static int afterWithList(List<Token> t, int with) {
        int i = with + 1;
        int n = t.size();
        while (i < n && t.get(i).isIdentifier()) {
            i++;
            if (i < n && t.get(i).isSymbol('(')) {
                i = SqlTokens.closing(t, i) + 1; // a column list
                if (i <= 0) {
                    return -1;
                }
            }
            if (i + 1 >= n || !t.get(i).is("AS") || !t.get(i + 1).isSymbol('(')) {
                return -1;
            }
            int close = SqlTokens.closing(t, i + 1);
            if (close < 0) {
                return -1;
            }
            i = close + 1;
            if (i < n && t.get(i).isSymbol(',')) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> partitionSpec(List<Token> t, int from, int close) {
        Map<String, String> partition = new LinkedHashMap<>();
        int j = from;
        while (j < close) {
            Token col = t.get(j);
            if (!col.isIdentifier()) {
                return null;
            }
            String value = null;
            j++;
            if (j < close && t.get(j).isSymbol('=')) {
                if (j + 1 >= close) {
                    return null;
                }
                Token v = t.get(j + 1);
                value = v.kind == SqlTokens.Kind.STRING ? v.stringValue() : v.text;
                j += 2;
            }
            partition.put(col.name(), value);
            if (j < close && t.get(j).isSymbol(',')) {
                j++;
            } else if (j != close) {
                return null;
            }
        }
        return partition;
    }

    private static List<String> columnList(List<Token> t, int from, int close) {
        List<String> columns = new ArrayList<>();
        for (int j = from; j < close; j++) {
            Token c = t.get(j);
            if (c.isIdentifier()) {
                columns.add(c.name());
            } else if (!c.isSymbol(',')) {
                return null;
            }
        }
        return columns;
    }
}
