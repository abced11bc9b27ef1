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
import dev.lakeproxy.odpsemu.SimulatedTablestore;
import dev.lakeproxy.odpsemu.TablestoreWriteReport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * MaxCompute's writes to a Tablestore external table (seed {@code
 * maxcompute-tablestore-external-table.txt}): upserts by N parallel writers, each sending
 * BatchWriteRow requests of at most the configured row count and 4 MB. Every write is reported.
 */
public final class TablestoreWriters {

    static final long BATCH_LIMIT_BYTES = 4L * 1024 * 1024;

    private final SimulatedTablestore store;
    private final int writers;
    private final int batchRows;
    private final Consumer<TablestoreWriteReport> reports;

    public TablestoreWriters(
            SimulatedTablestore store,
            int writers,
            int batchRows,
            Consumer<TablestoreWriteReport> reports) {
        this.store = store;
        this.writers = Math.max(1, writers);
        this.batchRows = Math.max(1, batchRows);
        this.reports = reports;
    }

    /** The simulated Tablestore instance the writes go to. */
    public SimulatedTablestore store() {
        return store;
    }

    /**
     * Writes rows (text values in {@code cols} order) to the Tablestore table behind {@code t}:
     * rows are dealt to N writers (by DISTRIBUTE BY key, at random for rand(), else in contiguous
     * chunks of input order), and each writer sends BatchWriteRow requests of at most the
     * configured row count.
     */
    public void write(
            Table t,
            List<Column> cols,
            List<Object[]> rows,
            String distributeBy,
            int[] keyCols,
            Random random) {
        String otsName = t.serdeProperties.get(TablestoreRules.TABLE_NAME);
        if (!store.tableExists(otsName)) {
            throw TablestoreRules.missingTable(otsName);
        }
        List<String> mapping = TablestoreRules.mapping(t.serdeProperties);
        List<String> pkNames = new ArrayList<>();
        for (String m : mapping) {
            if (m.startsWith(":")) {
                pkNames.add(m.substring(1));
            }
        }
        List<List<Object[]>> assigned = deal(rows, distributeBy, keyCols, random);
        TablestoreWriteReport report =
                new TablestoreWriteReport(t.fullName(), otsName, distributeBy);
        try {
            for (int w = 0; w < writers; w++) {
                List<Object[]> mine = assigned.get(w);
                Set<String> partitions = new LinkedHashSet<>();
                int batches = 0;
                for (int from = 0; from < mine.size(); from += batchRows) {
                    List<Object[]> batch =
                            mine.subList(from, Math.min(mine.size(), from + batchRows));
                    List<List<Object>> keys = new ArrayList<>();
                    List<Map<String, Object>> attrs = new ArrayList<>();
                    long size = 0;
                    Set<List<Object>> seen = new TreeSet<>(SimulatedTablestore::compareKeys);
                    for (Object[] r : batch) {
                        List<Object> pk = new ArrayList<>();
                        Map<String, Object> a = new LinkedHashMap<>();
                        split(t, cols, mapping, r, pk, a);
                        if (!seen.add(pk)) {
                            throw new OdpsSqlException(
                                    "ODPS-0010000",
                                    "System internal error - Output to TableStore failed with"
                                            + " exception: ErrorCode: OTSParameterInvalid,"
                                            + " ErrorMessage: The input parameter is invalid");
                        }
                        size += rowSize(pkNames, pk, a);
                        keys.add(pk);
                        attrs.add(a);
                    }
                    if (size > BATCH_LIMIT_BYTES) {
                        throw batchTooLarge(random);
                    }
                    for (int i = 0; i < keys.size(); i++) {
                        store.upsert(otsName, keys.get(i), attrs.get(i));
                        partitions.add(store.partitionOf(otsName, keys.get(i).get(0)));
                    }
                    batches++;
                }
                report.add(w, mine.size(), batches, partitions);
            }
        } finally {
            reports.accept(report);
        }
    }

    /** The rows each writer gets, writer by writer. */
    private List<List<Object[]>> deal(
            List<Object[]> rows, String distributeBy, int[] keyCols, Random random) {
        List<List<Object[]>> assigned = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            assigned.add(new ArrayList<>());
        }
        if (distributeBy == null) {
            // contiguous chunks of input order; a writer gets at least one full batch (small
            // inputs are not split across writers, as a single MaxCompute worker would write them)
            int chunk =
                    Math.max(
                            (rows.size() + writers - 1) / writers,
                            Math.min(rows.size(), batchRows));
            for (int i = 0; i < rows.size(); i++) {
                assigned.get(chunk == 0 ? 0 : i / chunk).add(rows.get(i));
            }
        } else if (keyCols == null) {
            for (Object[] r : rows) {
                assigned.get(random.nextInt(writers)).add(r);
            }
        } else {
            for (Object[] r : rows) {
                List<Object> key = new ArrayList<>();
                if (keyCols.length == 0) {
                    key.addAll(Arrays.asList(r));
                } else {
                    for (int k : keyCols) {
                        key.add(r[k]);
                    }
                }
                assigned.get(Math.floorMod(key.hashCode(), writers)).add(r);
            }
        }
        return assigned;
    }

    /** A row's primary key and attributes, through the table's column mapping. */
    private static void split(
            Table t,
            List<Column> cols,
            List<String> mapping,
            Object[] r,
            List<Object> pk,
            Map<String, Object> attrs) {
        for (int i = 0; i < mapping.size(); i++) {
            Column col = t.columns.get(i);
            int idx = cols.indexOf(col);
            Object v = idx < 0 ? null : typed(r[idx], col.type);
            String m = mapping.get(i);
            if (m.startsWith(":")) {
                if (v == null) {
                    throw new OdpsSqlException(
                            "ODPS-0010000",
                            "System internal error - Output to TableStore failed with exception:"
                                    + " ErrorCode: OTSParameterInvalid, ErrorMessage: The input"
                                    + " parameter is invalid (primary key column "
                                    + m.substring(1)
                                    + " is null)");
                }
                pk.add(v);
            } else if (idx >= 0) {
                attrs.put(m, v);
            }
        }
    }

    private static OdpsSqlException batchTooLarge(Random random) {
        return OdpsSqlException.verbatim(
                "ODPS-0010000",
                "ODPS-0010000:System internal error - Output to TableStore failed"
                        + " with exception: TableStore BatchWrite request id "
                        + requestId(random)
                        + " failed with error code OTSParameterInvalid and"
                        + " message:The total data size of BatchWriteRow request"
                        + " exceeds the limit");
    }

    private static String requestId(Random random) {
        return String.format(
                "%08x-%04x-%04x-%04x-%012x",
                random.nextInt(),
                random.nextInt(0x10000),
                random.nextInt(0x10000),
                random.nextInt(0x10000),
                random.nextLong() & 0xffffffffffffL);
    }

    /** Approximate size of a row in a BatchWriteRow request: key and attribute names and values. */
    private static long rowSize(List<String> pkNames, List<Object> pk, Map<String, Object> attrs) {
        long size = 0;
        for (int i = 0; i < pk.size(); i++) {
            size += pkNames.get(i).length() + valueSize(pk.get(i));
        }
        for (Map.Entry<String, Object> e : attrs.entrySet()) {
            size += e.getKey().length() + valueSize(e.getValue());
        }
        return size;
    }

    private static long valueSize(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof byte[]) {
            return ((byte[]) v).length;
        }
        if (v instanceof String) {
            return ((String) v).getBytes(StandardCharsets.UTF_8).length;
        }
        if (v instanceof Boolean) {
            return 1;
        }
        return 8;
    }

    /** A text value as the Tablestore value of the column type. */
    private static Object typed(Object v, String type) {
        if (v == null) {
            return null;
        }
        switch (type) {
            case "BIGINT":
                return new BigDecimal(v.toString()).longValueExact();
            case "DOUBLE":
                return Double.valueOf(v.toString());
            case "BOOLEAN":
                return Boolean.valueOf(v.toString());
            case "BINARY":
                return v instanceof byte[] ? v : v.toString().getBytes(StandardCharsets.UTF_8);
            default:
                return v instanceof byte[]
                        ? new String((byte[]) v, StandardCharsets.UTF_8)
                        : v.toString();
        }
    }
}
