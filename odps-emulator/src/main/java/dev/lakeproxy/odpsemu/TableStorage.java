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
package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.complex.ComplexCarriers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table's PostgreSQL table and its rows: create and drop, inserts, deletes, the partition list.
 */
public final class TableStorage {

    private final Connection pg;
    private final Object lock;
    private final ComplexCarriers complex;

    /**
     * @param lock the engine's monitor: reads outside a job wait for the running job
     * @param complex the carriers that a table's complex columns take
     */
    TableStorage(Connection pg, Object lock, ComplexCarriers complex) {
        this.pg = pg;
        this.lock = lock;
        this.complex = complex;
    }

    /** Creates the PostgreSQL table of a new catalog table, complex columns on their carriers. */
    public void createTable(Table t) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(t.pgQualified()).append(" (");
        List<Column> all = t.allColumns();
        for (int i = 0; i < all.size(); i++) {
            Column col = all.get(i);
            ddl.append(i == 0 ? "" : ", ")
                    .append(Catalog.quote(col.name))
                    .append(' ')
                    .append(pgTypeOf(col));
        }
        ddl.append(")");
        exec(ddl.toString());
        complex.carryColumns(t);
    }

    public void dropTable(Table t) throws SQLException {
        exec("DROP TABLE IF EXISTS " + t.pgQualified());
    }

    /** Deletes every row (TRUNCATE, INSERT OVERWRITE of an unpartitioned table). */
    public void deleteAll(Table t) throws SQLException {
        exec("DELETE FROM " + t.pgQualified());
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute(sql);
        }
    }

    /** {@code k=v/k2=v2} in partition-column order; every partition column needs a value. */
    public static String normalizeSpec(Table t, Map<String, String> spec) {
        StringBuilder sb = new StringBuilder();
        for (Column pc : t.partitionColumns) {
            String v = null;
            for (Map.Entry<String, String> e : spec.entrySet()) {
                if (e.getKey().equalsIgnoreCase(pc.name)) {
                    v = e.getValue();
                }
            }
            if (v == null) {
                throw new OdpsSqlException(
                        "ODPS-0130071",
                        "[1,1] Semantic analysis exception - partition spec must give "
                                + "a value for every partition column of "
                                + t.fullName()
                                + ", missing "
                                + pc.name);
            }
            sb.append(sb.length() == 0 ? "" : "/").append(pc.name).append('=').append(v);
        }
        if (spec.size() != t.partitionColumns.size()) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - invalid partition spec "
                            + spec.keySet()
                            + " for table "
                            + t.fullName());
        }
        return sb.toString();
    }

    /** Partitions with rows, plus partitions added empty, sorted. */
    public List<String> partitions(Table t) {
        synchronized (lock) {
            return partitionsLocked(t);
        }
    }

    private List<String> partitionsLocked(Table t) {
        if (t.partitionColumns.isEmpty()) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - table "
                            + t.fullName()
                            + " is not partitioned");
        }
        List<String> out = new ArrayList<>();
        StringBuilder q = new StringBuilder("SELECT DISTINCT ");
        for (int i = 0; i < t.partitionColumns.size(); i++) {
            q.append(i == 0 ? "" : ", ").append(Catalog.quote(t.partitionColumns.get(i).name));
        }
        q.append(" FROM ").append(t.pgQualified()).append(" ORDER BY 1");
        try (Statement st = pg.createStatement();
                ResultSet rs = st.executeQuery(q.toString())) {
            while (rs.next()) {
                StringBuilder spec = new StringBuilder();
                for (int i = 0; i < t.partitionColumns.size(); i++) {
                    spec.append(i == 0 ? "" : "/")
                            .append(t.partitionColumns.get(i).name)
                            .append('=')
                            .append(rs.getString(i + 1));
                }
                out.add(spec.toString());
            }
        } catch (SQLException e) {
            throw PgErrors.translate(e);
        }
        for (String added : t.addedPartitions) {
            if (!out.contains(added)) {
                out.add(added);
            }
        }
        out.sort(null);
        return out;
    }

    public void deletePartition(Table t, Map<String, String> spec) throws SQLException {
        List<String> vals = new ArrayList<>();
        String sql = "DELETE FROM " + t.pgQualified() + where(t, spec, vals);
        try (PreparedStatement ps = bindAll(sql, vals)) {
            ps.executeUpdate();
        }
    }

    /** Rows in a table (or in the partitions matching a spec). */
    public long count(Table t, Map<String, String> spec) {
        synchronized (lock) {
            List<String> vals = new ArrayList<>();
            String sql = "SELECT count(*) FROM " + t.pgQualified() + where(t, spec, vals);
            try (PreparedStatement ps = bindAll(sql, vals);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw PgErrors.translate(e);
            }
        }
    }

    /** The data columns of a table's rows (of the partitions matching a spec), as JDBC values. */
    public List<Object[]> read(Table t, Map<String, String> spec) {
        synchronized (lock) {
            StringBuilder cols = new StringBuilder();
            for (Column c : t.columns) {
                cols.append(cols.length() == 0 ? "" : ", ").append(Catalog.quote(c.name));
            }
            List<String> vals = new ArrayList<>();
            String sql = "SELECT " + cols + " FROM " + t.pgQualified() + where(t, spec, vals);
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = bindAll(sql, vals);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[t.columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = NanoTimestamps.fromPg(rs.getObject(i + 1));
                    }
                    rows.add(row);
                }
            } catch (SQLException e) {
                throw PgErrors.translate(e);
            }
            return rows;
        }
    }

    private static String where(Table t, Map<String, String> spec, List<String> vals) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        for (Map.Entry<String, String> e : spec.entrySet()) {
            Column col = t.column(e.getKey());
            if (e.getValue() == null) {
                sql.append(" AND ").append(Catalog.quote(col.name)).append(" IS NULL");
            } else {
                sql.append(" AND ")
                        .append(Catalog.quote(col.name))
                        .append(" = CAST(? AS ")
                        .append(pgTypeOf(col))
                        .append(")");
                vals.add(e.getValue());
            }
        }
        return sql.toString();
    }

    private PreparedStatement bindAll(String sql, List<String> vals) throws SQLException {
        PreparedStatement ps = pg.prepareStatement(sql);
        for (int i = 0; i < vals.size(); i++) {
            ps.setString(i + 1, vals.get(i));
        }
        return ps;
    }

    static String pgTypeOf(Column col) {
        String base = col.baseType();
        String args =
                col.type.contains("(")
                        ? col.type.substring(col.type.indexOf('(') + 1, col.type.lastIndexOf(')'))
                        : null;
        return PgTypes.pgType(
                base, (base.equals("DECIMAL") || base.equals("CHAR")) ? args : null);
    }

    /**
     * Inserts rows (values as text, or byte[] for BINARY) into a table's PostgreSQL storage. With a
     * primary key (Paimon), a row replaces the stored row with the same key.
     */
    public int insertRows(Table t, List<Column> cols, List<Object[]> rows, List<String> primaryKey)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(t.pgQualified()).append(" (");
        StringBuilder vals = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(Catalog.quote(cols.get(i).name));
            vals.append(i == 0 ? "" : ", ")
                    .append("CAST(? AS ")
                    .append(pgTypeOf(cols.get(i)))
                    .append(")");
        }
        sql.append(") VALUES (").append(vals).append(")");
        PreparedStatement del = null;
        int[] pkIdx = null;
        if (primaryKey != null && !primaryKey.isEmpty()) {
            StringBuilder d =
                    new StringBuilder("DELETE FROM ").append(t.pgQualified()).append(" WHERE true");
            pkIdx = new int[primaryKey.size()];
            for (int k = 0; k < primaryKey.size(); k++) {
                Column col = t.column(primaryKey.get(k));
                pkIdx[k] = cols.indexOf(col);
                d.append(" AND ")
                        .append(Catalog.quote(col.name))
                        .append(" = CAST(? AS ")
                        .append(pgTypeOf(col))
                        .append(")");
            }
            del = pg.prepareStatement(d.toString());
        }
        try (PreparedStatement ps = pg.prepareStatement(sql.toString())) {
            for (Object[] r : rows) {
                if (del != null) {
                    boolean complete = true;
                    for (int k = 0; k < pkIdx.length; k++) {
                        if (pkIdx[k] < 0 || r[pkIdx[k]] == null) {
                            complete = false;
                            break;
                        }
                        bind(del, k + 1, r[pkIdx[k]]);
                    }
                    if (complete) {
                        del.executeUpdate();
                    }
                }
                for (int i = 0; i < cols.size(); i++) {
                    bind(ps, i + 1, r[i]);
                }
                if (del != null) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (del == null) {
                ps.executeBatch();
            }
        } finally {
            if (del != null) {
                del.close();
            }
        }
        t.lastModified = System.currentTimeMillis();
        return rows.size();
    }

    private static void bind(PreparedStatement ps, int idx, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(idx, java.sql.Types.VARCHAR);
        } else if (v instanceof byte[]) {
            ps.setBytes(idx, (byte[]) v);
        } else {
            ps.setString(idx, OdpsValues.storableText(v.toString()));
        }
    }
}
