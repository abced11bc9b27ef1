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
package dev.lakeproxy.odpsemu.external;

import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of seed {@code maxcompute-paimon-dlf-external-project.txt} for Paimon tables in a
 * Paimon_DLF external project: no writes to Dynamic Bucket or Cross Partition tables, and TIMESTAMP
 * values truncated by their precision.
 */
public final class PaimonRules {

    static final String PRIMARY_KEY = "primary-key";
    static final String BUCKET = "bucket";

    private PaimonRules() {}

    /** Keeps the Paimon options in the table's properties, with the partition keys recorded too. */
    public static void normalizeProperties(Table t) {
        if (!t.partitionColumns.isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (Column c : t.partitionColumns) {
                keys.add(c.name);
            }
            t.tblProperties.put("partition", String.join(",", keys));
        }
        t.tblProperties.put("type", "paimon");
    }

    public static List<String> primaryKey(Table t) {
        List<String> out = new ArrayList<>();
        String pk = t.tblProperties.get(PRIMARY_KEY);
        if (pk != null) {
            for (String s : pk.split(",")) {
                if (!s.trim().isEmpty()) {
                    out.add(s.trim().toLowerCase());
                }
            }
        }
        return out;
    }

    /** bucket = -1, or no bucket with a primary key. */
    static boolean isDynamicBucket(Table t) {
        String b = t.tblProperties.get(BUCKET);
        if (b != null) {
            return b.trim().equals("-1");
        }
        return !primaryKey(t).isEmpty();
    }

    /** A primary key that lacks a partition column. */
    static boolean isCrossPartition(Table t) {
        List<String> pk = primaryKey(t);
        if (pk.isEmpty() || t.partitionColumns.isEmpty()) {
            return false;
        }
        for (Column c : t.partitionColumns) {
            if (!pk.contains(c.name)) {
                return true;
            }
        }
        return false;
    }

    public static void checkWritable(Table t) {
        if (isDynamicBucket(t)) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - Writing to Dynamic Bucket "
                            + "tables is not supported: Paimon table "
                            + t.fullName()
                            + " has "
                            + (t.tblProperties.containsKey(BUCKET)
                                    ? "'bucket'='" + t.tblProperties.get(BUCKET) + "'"
                                    : "a primary key and no 'bucket'")
                            + " (dynamic bucket mode)");
        }
        if (isCrossPartition(t)) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - Writing to Cross Partition "
                            + "tables is not supported: the primary key ("
                            + t.tblProperties.get(PRIMARY_KEY)
                            + ") of Paimon table "
                            + t.fullName()
                            + " does not contain all partition columns");
        }
    }

    /** Decimal places kept for a TIMESTAMP(p): 0-3 keep 3, 4-6 keep 6, 7-9 keep 9. */
    static int keptDigits(int precision) {
        if (precision < 0) {
            return 9;
        }
        return precision <= 3 ? 3 : precision <= 6 ? 6 : 9;
    }

    /** Truncates (never rounds) the fraction of TIMESTAMP text values by their column precision. */
    public static void truncateTimestamps(List<Column> cols, List<Object[]> rows) {
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            if (!(c.type.equals("TIMESTAMP") || c.type.equals("TIMESTAMP_NTZ"))) {
                continue;
            }
            int keep = keptDigits(c.precision);
            for (Object[] r : rows) {
                if (r[i] instanceof String) {
                    r[i] = truncate((String) r[i], keep);
                }
            }
        }
    }

    public static String truncate(String ts, int keep) {
        int dot = ts.indexOf('.');
        if (dot < 0) {
            return ts;
        }
        int end = dot + 1;
        while (end < ts.length() && Character.isDigit(ts.charAt(end))) {
            end++;
        }
        String frac = ts.substring(dot + 1, end);
        if (frac.length() <= keep) {
            return ts;
        }
        return ts.substring(0, dot + 1) + frac.substring(0, keep) + ts.substring(end);
    }

    /** The DDL another engine's Paimon table amounts to (for {@code createPaimonTable}). */
    public static String tableDdl(
            String schema,
            String table,
            List<String> columns,
            List<String> partitionColumns,
            List<String> primaryKey,
            Integer bucket) {
        StringBuilder ddl =
                new StringBuilder("CREATE TABLE ")
                        .append(schema)
                        .append('.')
                        .append(table)
                        .append(" (")
                        .append(String.join(", ", columns))
                        .append(")");
        if (partitionColumns != null && !partitionColumns.isEmpty()) {
            ddl.append(" PARTITIONED BY (").append(String.join(", ", partitionColumns)).append(")");
        }
        List<String> props = new ArrayList<>();
        if (primaryKey != null && !primaryKey.isEmpty()) {
            props.add("'primary-key'='" + String.join(",", primaryKey) + "'");
        }
        if (bucket != null) {
            props.add("'bucket'='" + bucket + "'");
        }
        if (!props.isEmpty()) {
            ddl.append(" TBLPROPERTIES (").append(String.join(", ", props)).append(")");
        }
        return ddl.toString();
    }
}
