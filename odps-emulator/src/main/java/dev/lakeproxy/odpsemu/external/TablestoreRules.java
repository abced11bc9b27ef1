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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules of seed {@code maxcompute-tablestore-external-table.txt} for Tablestore external
 * tables: DDL validation, the column mapping, and reads through it (writes: {@link
 * TablestoreWriters}).
 */
public final class TablestoreRules {

    static final String MAPPING = "tablestore.columns.mapping";
    public static final String TABLE_NAME = "tablestore.table.name";
    private static final Set<String> ALLOWED_TYPES =
            new HashSet<>(Arrays.asList("STRING", "BIGINT", "DOUBLE", "BOOLEAN", "BINARY"));
    private static final Set<String> PK_TYPES =
            new HashSet<>(Arrays.asList("STRING", "BIGINT", "BINARY"));

    private TablestoreRules() {}

    private static OdpsSqlException ddlError(String msg) {
        return new OdpsSqlException("ODPS-0130071", "[1,1] Semantic analysis exception - " + msg);
    }

    public static OdpsSqlException missingTable(String name) {
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

    public static void validateDdl(
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
    public static List<Object[]> readRows(SimulatedTablestore store, Table t) {
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
}
