package dev.lakeproxy.odps;

import dev.lakeproxy.odps.SqlTokens.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code [SET k=v; ...] INSERT INTO|OVERWRITE [TABLE] t [PARTITION (...)] [(cols)] <query> | VALUES ...}, found
 * lexically (JSqlParser cannot parse MaxCompute's form): the target's name parts, the column list, the partition
 * spec, and the exact span of the query, so that a rewrite splices the original text.
 */
final class InsertStatement {

    final List<String> target;
    final int targetBegin;
    final int targetEnd;
    final boolean overwrite;
    /** The column list, or {@code null}. */
    final List<String> columns;
    /** The partition spec: column → value text (unquoted), or {@code null} for a dynamic partition column. */
    final Map<String, String> partition;
    final boolean values;
    /** The query span {@code [queryBegin, queryEnd)}; -1 for VALUES. */
    final int queryBegin;
    final int queryEnd;
    /** The query already says where rows go: DISTRIBUTE BY or CLUSTER BY somewhere in it. */
    final boolean distributed;

    private InsertStatement(List<String> target, int targetBegin, int targetEnd, boolean overwrite, List<String> columns,
                            Map<String, String> partition, boolean values, int queryBegin, int queryEnd, boolean distributed) {
        this.target = target;
        this.targetBegin = targetBegin;
        this.targetEnd = targetEnd;
        this.overwrite = overwrite;
        this.columns = columns;
        this.partition = partition;
        this.values = values;
        this.queryBegin = queryBegin;
        this.queryEnd = queryEnd;
        this.distributed = distributed;
    }

    /** The statement's shape, or {@code null} when it is not a single INSERT this scanner understands. */
    static InsertStatement parse(String sql) {
        List<Token> t = SqlTokens.scan(sql);
        if (t == null) {
            return null;
        }
        int n = t.size();
        int i = 0;
        while (i < n && t.get(i).is("SET")) { // odps-jdbc sends leading SET k=v; as the job's settings
            while (i < n && !t.get(i).isSymbol(';')) {
                i++;
            }
            i++;
        }
        if (i >= n || !t.get(i).is("INSERT")) {
            return null;
        }
        i++;
        if (i >= n || !(t.get(i).is("INTO") || t.get(i).is("OVERWRITE"))) {
            return null;
        }
        boolean overwrite = t.get(i).is("OVERWRITE");
        i++;
        // TABLE is the keyword unless it is the table's own name (then the query, a PARTITION or a bracket follows)
        if (i + 1 < n && t.get(i).is("TABLE") && t.get(i + 1).isIdentifier() && !t.get(i + 1).is("SELECT")
                && !t.get(i + 1).is("VALUES") && !t.get(i + 1).is("PARTITION") && !t.get(i + 1).is("WITH")) {
            i++;
        }
        if (i >= n || !t.get(i).isIdentifier()) {
            return null;
        }
        List<String> target = new ArrayList<>();
        int targetBegin = t.get(i).begin;
        target.add(t.get(i).name());
        int targetEnd = t.get(i).end;
        i++;
        while (i + 1 < n && t.get(i).isSymbol('.') && t.get(i + 1).isIdentifier() && target.size() < 3) {
            target.add(t.get(i + 1).name());
            targetEnd = t.get(i + 1).end;
            i += 2;
        }
        Map<String, String> partition = null;
        if (i < n && t.get(i).is("PARTITION")) {
            if (i + 1 >= n || !t.get(i + 1).isSymbol('(')) {
                return null;
            }
            int close = SqlTokens.closing(t, i + 1);
            if (close < 0) {
                return null;
            }
            partition = new LinkedHashMap<>();
            int j = i + 2;
            while (j < close) {
                Token col = t.get(j);
                if (!col.isIdentifier()) {
                    return null;
                }
                String value = null;
                j++;
                if (j < close && t.get(j).isSymbol('=')) {
                    j++;
                    if (j >= close) {
                        return null;
                    }
                    Token v = t.get(j);
                    value = v.kind == SqlTokens.Kind.STRING ? v.stringValue() : v.text;
                    j++;
                }
                partition.put(col.name(), value);
                if (j < close && t.get(j).isSymbol(',')) {
                    j++;
                } else if (j != close) {
                    return null;
                }
            }
            i = close + 1;
        }
        List<String> columns = null;
        if (i < n && t.get(i).isSymbol('(') && i + 1 < n && t.get(i + 1).isIdentifier()
                && !t.get(i + 1).is("SELECT") && !t.get(i + 1).is("WITH") && !t.get(i + 1).is("VALUES")) {
            int close = SqlTokens.closing(t, i);
            if (close < 0) {
                return null;
            }
            columns = new ArrayList<>();
            for (int j = i + 1; j < close; j++) {
                Token c = t.get(j);
                if (c.isIdentifier()) {
                    columns.add(c.name());
                } else if (!c.isSymbol(',')) {
                    return null;
                }
            }
            i = close + 1;
        }
        if (i >= n) {
            return null;
        }
        int last = n - 1;
        while (last >= i && t.get(last).isSymbol(';')) {
            last--;
        }
        for (int j = i; j <= last; j++) {
            if (t.get(j).isSymbol(';')) {
                return null; // more than one statement
            }
        }
        if (last < i) {
            return null;
        }
        Token first = t.get(i);
        if (first.is("VALUES")) {
            return new InsertStatement(Collections.unmodifiableList(target), targetBegin, targetEnd, overwrite, columns,
                    partition, true, -1, -1, false);
        }
        if (!(first.is("SELECT") || first.is("WITH") || first.isSymbol('(') || first.is("FROM"))) {
            return null;
        }
        boolean distributed = false;
        for (int j = i; j < last; j++) {
            if ((t.get(j).is("DISTRIBUTE") || t.get(j).is("CLUSTER")) && t.get(j + 1).is("BY")) {
                distributed = true;
                break;
            }
        }
        return new InsertStatement(Collections.unmodifiableList(target), targetBegin, targetEnd, overwrite, columns,
                partition, false, first.begin, t.get(last).end, distributed);
    }
}
