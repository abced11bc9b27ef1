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

import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.JobContext;
import dev.lakeproxy.odpsemu.JobResult;
import dev.lakeproxy.odpsemu.NameResolver;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.OdpsValues;
import dev.lakeproxy.odpsemu.Privileges;
import dev.lakeproxy.odpsemu.QueryRunner;
import dev.lakeproxy.odpsemu.TableStorage;
import dev.lakeproxy.odpsemu.external.PaimonRules;
import dev.lakeproxy.odpsemu.external.TablestoreWriters;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Token;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * INSERT INTO | OVERWRITE with static and dynamic partitions, through the Paimon and Tablestore
 * rules.
 */
public final class InsertStatements {

    private final NameResolver names;
    private final Privileges privileges;
    private final QueryRunner queries;
    private final TablestoreWriters tablestore;
    private final TableStorage storage;
    private final ZoneId zone;

    /** @param zone the projects' time zone, which DATETIME values written are in */
    public InsertStatements(
            NameResolver names,
            Privileges privileges,
            QueryRunner queries,
            TablestoreWriters tablestore,
            TableStorage storage,
            ZoneId zone) {
        this.names = names;
        this.privileges = privileges;
        this.queries = queries;
        this.tablestore = tablestore;
        this.storage = storage;
        this.zone = zone;
    }

    private static final Pattern RAND = Pattern.compile("(?i)^\\s*rand\\s*\\(.*\\)\\s*$");

    public JobResult insert(JobContext ctx, SqlCursor c) throws SQLException {
        return insert(ctx, c, "");
    }

    /**
     * {@code WITH ctes INSERT ...}: the INSERT whose source query is prefixed by the statement's
     * WITH clause, so the write goes through the same rules as any INSERT.
     */
    public JobResult insertWith(JobContext ctx, String sql, int insertPos) throws SQLException {
        return insert(ctx, new SqlCursor(sql.substring(insertPos)), sql.substring(0, insertPos));
    }

    /** MULTI INSERT: every branch as an INSERT; the update counts of one table add up. */
    public JobResult multiInsert(JobContext ctx, SqlCursor c) throws SQLException {
        JobResult all = new JobResult();
        for (String branch : MultiInsert.branches(c.sql, c.toks)) {
            insert(ctx, new SqlCursor(branch))
                    .outputs
                    .forEach((t, n) -> all.outputs.merge(t, n, Long::sum));
        }
        return all;
    }

    private JobResult insert(JobContext ctx, SqlCursor c, String withClause) throws SQLException {
        c.expectWord("INSERT");
        boolean overwrite;
        if (c.acceptWord("OVERWRITE")) {
            overwrite = true;
        } else {
            c.expectWord("INTO");
            overwrite = false;
        }
        c.acceptWord("TABLE");
        Table t = names.requireTable(ctx, c.qualifiedName());
        Map<String, String> spec = new LinkedHashMap<>();
        boolean hasPartitionClause = false;
        if (c.acceptWord("PARTITION")) {
            hasPartitionClause = true;
            spec = partitionSpec(c);
        }
        if (!t.partitionColumns.isEmpty() && !hasPartitionClause) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - need to specify partition "
                            + "columns because the destination table "
                            + t.fullName()
                            + " is a partitioned table");
        }
        List<String> targetCols = null;
        if (c.peek() != null
                && c.peek().isOp("(")
                && c.peek(1) != null
                && c.peek(1).isIdent()
                && !c.peek(1).isWord("SELECT")
                && !c.peek(1).isWord("WITH")) {
            c.expectOp("(");
            targetCols = new ArrayList<>();
            do {
                targetCols.add(c.ident());
            } while (c.acceptOp(","));
            c.expectOp(")");
        }
        String source = c.rest();
        if (source.isEmpty()) {
            throw c.parseError("missing query in INSERT");
        }
        source = withClause + source;
        // Paimon write refusals come before anything is read.
        privileges.check(ctx, t.project, t.schema, "UPDATE", "TABLE " + t.schema + "." + t.name);
        Project p = names.project(t.project);
        if (p.isPaimonDlf()) {
            PaimonRules.checkWritable(t);
        }
        for (String k : spec.keySet()) {
            Column pc = t.column(k);
            if (pc == null || !t.partitionColumns.contains(pc)) {
                throw new OdpsSqlException(
                        "ODPS-0130071",
                        "[1,1] Semantic analysis exception - partition column '"
                                + k
                                + "' does not exist in table "
                                + t.fullName());
            }
        }
        JobResult q = queries.query(ctx, source);
        String distributeBy = WriteDistribution.of(source, q.distributeBy);

        // target layout: data columns, then the dynamic partition columns in order
        List<Column> dataCols = new ArrayList<>();
        if (targetCols == null) {
            dataCols.addAll(t.columns);
        } else {
            for (String n : targetCols) {
                Column col = t.column(n);
                if (col == null) {
                    throw new OdpsSqlException(
                            "ODPS-0130071",
                            "[1,1] Semantic analysis exception - column "
                                    + n
                                    + " cannot be resolved in table "
                                    + t.fullName());
                }
                dataCols.add(col);
            }
        }
        List<Column> dynamic = new ArrayList<>();
        for (Column pc : t.partitionColumns) {
            if (!spec.containsKey(pc.name)
                    && (targetCols == null || !targetCols.contains(pc.name))) {
                dynamic.add(pc);
            }
        }
        int expected = dataCols.size() + dynamic.size();
        if (q.columns.size() != expected) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - "
                            + (targetCols == null ? "" : "")
                            + "the number of columns in the query ("
                            + q.columns.size()
                            + ") does not match the number of columns of the target table "
                            + t.fullName()
                            + " ("
                            + expected
                            + ")");
        }
        List<Column> insertCols = new ArrayList<>(dataCols);
        insertCols.addAll(dynamic);
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : q.rows) {
            Object[] o = new Object[insertCols.size() + spec.size()];
            for (int i = 0; i < insertCols.size(); i++) {
                o[i] = OdpsValues.fromRecordValue(r[i], insertCols.get(i).type, zone);
            }
            int k = insertCols.size();
            for (String v : spec.values()) {
                o[k++] = v;
            }
            rows.add(o);
        }
        List<Column> allInsertCols = new ArrayList<>(insertCols);
        for (String k : spec.keySet()) {
            allInsertCols.add(t.column(k));
        }
        JobResult result = new JobResult();
        if (t.isTablestore()) {
            int[] keyCols = distributeKeyColumns(distributeBy, q.columns);
            tablestore.write(
                    t,
                    allInsertCols,
                    rows,
                    distributeBy,
                    keyCols,
                    new Random(rows.size() * 31L + 7));
            result.outputs.put(t.project + "." + t.name, (long) rows.size());
            return result;
        }
        PaimonRules.truncateTimestamps(allInsertCols, rows);
        if (overwrite) {
            if (t.partitionColumns.isEmpty()) {
                storage.deleteAll(t);
            } else if (dynamic.isEmpty()) {
                storage.deletePartition(t, spec);
            } else {
                // dynamic partitions: replace the partitions the new rows land in
                Set<List<Object>> seenParts = new LinkedHashSet<>();
                for (Object[] r : rows) {
                    List<Object> key = new ArrayList<>();
                    for (Column pc : t.partitionColumns) {
                        key.add(r[allInsertCols.indexOf(pc)]);
                    }
                    seenParts.add(key);
                }
                for (List<Object> key : seenParts) {
                    Map<String, String> s = new LinkedHashMap<>();
                    for (int i = 0; i < t.partitionColumns.size(); i++) {
                        s.put(
                                t.partitionColumns.get(i).name,
                                key.get(i) == null ? null : key.get(i).toString());
                    }
                    storage.deletePartition(t, s);
                }
            }
        }
        List<String> pk = p.isPaimonDlf() ? PaimonRules.primaryKey(t) : null;
        int n = storage.insertRows(t, allInsertCols, rows, pk);
        result.outputs.put(t.project + "." + t.name, (long) n);
        return result;
    }

    /** Output columns a simple DISTRIBUTE BY names (hash key), or null for rand() / expressions. */
    private static int[] distributeKeyColumns(String distributeBy, List<String[]> columns) {
        if (distributeBy == null || RAND.matcher(distributeBy).matches()) {
            return null;
        }
        String[] names = distributeBy.split(",");
        int[] idx = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            String n = names[i].trim().replace("`", "").toLowerCase(Locale.ROOT);
            if (n.contains(".")) {
                n = n.substring(n.lastIndexOf('.') + 1);
            }
            idx[i] = -1;
            for (int k = 0; k < columns.size(); k++) {
                if (columns.get(k)[0].equals(n)) {
                    idx[i] = k;
                }
            }
            if (idx[i] < 0) {
                return new int[0]; // an expression: hash the whole row
            }
        }
        return idx;
    }

    static Map<String, String> partitionSpec(SqlCursor c) {
        Map<String, String> spec = new LinkedHashMap<>();
        java.util.Set<String> named = new java.util.HashSet<>();
        c.expectOp("(");
        do {
            String k = c.ident();
            if (!named.add(k)) {
                // duplicated.partition.column ("Rewrite incompatible SQL statements")
                throw new OdpsSqlException(
                        "ODPS-0130071",
                        "[1,1] Semantic analysis exception - duplicated partition column " + k);
            }
            if (c.acceptOp("=")) {
                Token v = c.next();
                spec.put(k, v.kind == Kind.STRING ? v.value : v.text);
            }
        } while (c.acceptOp(","));
        c.expectOp(")");
        return spec;
    }
}
