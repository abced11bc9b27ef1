package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Table;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The rules of seed {@code maxcompute-tablestore-external-table.txt}: DDL validation of Tablestore
 * external tables, and writes as upserts by N parallel writers with BatchWriteRow limits.
 */
final class TablestoreRules {

    static final String MAPPING = "tablestore.columns.mapping";
    static final String TABLE_NAME = "tablestore.table.name";
    static final long BATCH_LIMIT_BYTES = 4L * 1024 * 1024;
    private static final Set<String> ALLOWED_TYPES =
            new HashSet<>(Arrays.asList("STRING", "BIGINT", "DOUBLE", "BOOLEAN", "BINARY"));
    private static final Set<String> PK_TYPES =
            new HashSet<>(Arrays.asList("STRING", "BIGINT", "BINARY"));

    private TablestoreRules() {}

    private static OdpsSqlException ddlError(String msg) {
        return new OdpsSqlException("ODPS-0130071", "[1,1] Semantic analysis exception - " + msg);
    }

    static OdpsSqlException missingTable(String name) {
        return new OdpsSqlException(
                "ODPS-0010000",
                "System internal error - The Tablestore table '"
                        + name
                        + "' does not exist. MaxCompute does not create a Tablestore table: create"
                        + " it in Tablestore first");
    }

    /** The mapping entries, trimmed, in column order. */
    static List<String> mapping(Map<String, String> serde) {
        List<String> out = new ArrayList<>();
        String m = serde.get(MAPPING);
        if (m == null) {
            return out;
        }
        for (String s : m.split(",")) {
            out.add(s.trim());
        }
        return out;
    }

    static void validateDdl(
            SimulatedTablestore store,
            List<Column> cols,
            Map<String, String> serde,
            String location) {
        for (Column c : cols) {
            if (!ALLOWED_TYPES.contains(c.type)) {
                throw ddlError(
                        "column "
                                + c.name
                                + " has type "
                                + c.typeText()
                                + "; a Tablestore external table supports only STRING, BIGINT,"
                                + " DOUBLE, BOOLEAN and BINARY");
            }
        }
        if (!serde.containsKey(MAPPING)) {
            throw ddlError(
                    "'"
                            + MAPPING
                            + "' must be specified in SERDEPROPERTIES for"
                            + " TableStoreStorageHandler");
        }
        List<String> mapping = mapping(serde);
        if (mapping.size() != cols.size()) {
            throw ddlError(
                    "the number of columns in '"
                            + MAPPING
                            + "' ("
                            + mapping.size()
                            + ") does not match the number of columns of the table ("
                            + cols.size()
                            + ")");
        }
        int pk = 0;
        for (int i = 0; i < mapping.size(); i++) {
            String m = mapping.get(i);
            if (m.startsWith(":")) {
                pk++;
                if (m.length() == 1) {
                    throw ddlError("empty primary key column name in '" + MAPPING + "'");
                }
                if (!PK_TYPES.contains(cols.get(i).type)) {
                    throw ddlError(
                            "primary key column "
                                    + m
                                    + " is mapped to "
                                    + cols.get(i).name
                                    + " of type "
                                    + cols.get(i).type
                                    + "; Tablestore primary key columns must be STRING, INTEGER"
                                    + " (BIGINT) or BINARY");
                }
            } else if (m.isEmpty()) {
                throw ddlError("empty column name in '" + MAPPING + "'");
            }
        }
        if (pk < 1 || pk > 4) {
            throw ddlError(
                    "'"
                            + MAPPING
                            + "' has "
                            + pk
                            + " primary key columns (prefixed with ':'); "
                            + "a Tablestore table has 1 to 4 primary key columns");
        }
        String name = serde.get(TABLE_NAME);
        if (name == null || name.trim().isEmpty()) {
            throw ddlError(
                    "'"
                            + TABLE_NAME
                            + "' must be specified in SERDEPROPERTIES for"
                            + " TableStoreStorageHandler");
        }
        if (location == null || !location.toLowerCase(Locale.ROOT).startsWith("tablestore://")) {
            throw ddlError(
                    "LOCATION of a Tablestore external table must start with 'tablestore://', got '"
                            + (location == null ? "" : location)
                            + "'");
        }
        if (!store.tableExists(name)) {
            throw missingTable(name);
        }
    }

    /**
     * Reads the simulated rows projected through the external table's mapping, as insertable text.
     */
    static List<Object[]> readRows(SimulatedTablestore store, Table t) {
        List<String> mapping = mapping(t.serdeProperties);
        List<Object[]> out = new ArrayList<>();
        for (SimulatedTablestore.Row row : store.rows(t.serdeProperties.get(TABLE_NAME))) {
            Object[] o = new Object[t.columns.size()];
            int pkIdx = 0;
            for (int i = 0; i < mapping.size(); i++) {
                String m = mapping.get(i);
                Object v;
                if (m.startsWith(":")) {
                    v = pkIdx < row.primaryKey().size() ? row.primaryKey().get(pkIdx) : null;
                    pkIdx++;
                } else {
                    v = row.attributes().get(m);
                }
                o[i] = v == null || v instanceof byte[] ? v : v.toString();
            }
            out.add(o);
        }
        return out;
    }

    /**
     * Writes rows (text values in {@code cols} order) to the Tablestore table behind {@code t}:
     * rows are dealt to N writers (by DISTRIBUTE BY key, at random for rand(), else in contiguous
     * chunks of input order), and each writer sends BatchWriteRow requests of at most the
     * configured row count.
     */
    static void write(
            MaxComputeEmulator emu,
            Table t,
            List<Column> cols,
            List<Object[]> rows,
            String distributeBy,
            int[] keyCols,
            Random random) {
        String otsName = t.serdeProperties.get(TABLE_NAME);
        SimulatedTablestore store = emu.tablestore();
        if (!store.tableExists(otsName)) {
            throw missingTable(otsName);
        }
        SimulatedTablestore.Table ots = store.table(otsName);
        List<String> mapping = mapping(t.serdeProperties);
        List<String> pkNames = new ArrayList<>();
        for (String m : mapping) {
            if (m.startsWith(":")) {
                pkNames.add(m.substring(1));
            }
        }
        int writers = Math.max(1, emu.tablestoreWriters());
        List<List<Object[]>> assigned = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            assigned.add(new ArrayList<>());
        }
        if (distributeBy == null) {
            // contiguous chunks of input order; a writer gets at least one full batch (small inputs
            // are
            // not split across writers, as a single MaxCompute worker would write them)
            int batch = Math.max(1, emu.tablestoreBatchRows());
            int chunk =
                    Math.max((rows.size() + writers - 1) / writers, Math.min(rows.size(), batch));
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
        TablestoreWriteReport report =
                new TablestoreWriteReport(t.fullName(), otsName, distributeBy);
        int batchRows = Math.max(1, emu.tablestoreBatchRows());
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
                    Set<List<Object>> seen =
                            new java.util.TreeSet<>(SimulatedTablestore::compareKeys);
                    for (Object[] r : batch) {
                        List<Object> pk = new ArrayList<>();
                        Map<String, Object> a = new LinkedHashMap<>();
                        for (int i = 0; i < mapping.size(); i++) {
                            Column col = t.columns.get(i);
                            int idx = cols.indexOf(col);
                            Object v = idx < 0 ? null : typed(r[idx], col.type);
                            String m = mapping.get(i);
                            if (m.startsWith(":")) {
                                if (v == null) {
                                    throw new OdpsSqlException(
                                            "ODPS-0010000",
                                            "System internal error - Output to TableStore failed"
                                                + " with exception: ErrorCode: OTSParameterInvalid,"
                                                + " ErrorMessage: The input parameter is invalid"
                                                + " (primary key column "
                                                    + m.substring(1)
                                                    + " is null)");
                                }
                                pk.add(v);
                            } else if (idx >= 0) {
                                a.put(m, v);
                            }
                        }
                        if (!seen.add(pk)) {
                            throw new OdpsSqlException(
                                    "ODPS-0010000",
                                    "System internal error - Output to TableStore failed with"
                                            + " exception: ErrorCode: OTSParameterInvalid,"
                                            + " ErrorMessage: The input parameter is invalid");
                        }
                        size += SimulatedTablestore.rowSize(pkNames, pk, a);
                        keys.add(pk);
                        attrs.add(a);
                    }
                    if (size > BATCH_LIMIT_BYTES) {
                        throw OdpsSqlException.verbatim(
                                "ODPS-0010000",
                                "ODPS-0010000:System internal error - Output to TableStore failed"
                                        + " with exception: TableStore BatchWrite request id "
                                        + requestId(random)
                                        + " failed with error code OTSParameterInvalid and"
                                        + " message:The total data size of BatchWriteRow request"
                                        + " exceeds the limit");
                    }
                    for (int i = 0; i < keys.size(); i++) {
                        store.upsert(ots, keys.get(i), attrs.get(i));
                        partitions.add(SimulatedTablestore.partitionOf(ots, keys.get(i).get(0)));
                    }
                    batches++;
                }
                report.add(w, mine.size(), batches, partitions);
            }
        } finally {
            emu.recordTablestoreWrite(report);
        }
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

    /** A text value as the Tablestore value of the column type. */
    static Object typed(Object v, String type) {
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
