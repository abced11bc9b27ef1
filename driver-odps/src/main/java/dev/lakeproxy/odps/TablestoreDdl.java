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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code CREATE EXTERNAL TABLE ... STORED BY 'com.aliyun.odps.TableStoreStorageHandler'}, read
 * lexically and checked against the seed's rules (maxcompute-tablestore-external-table): one
 * message per violation.
 */
final class TablestoreDdl {

    static final Set<String> PK_TYPES = Set.of("STRING", "BIGINT", "BINARY");
    static final Set<String> TYPES = Set.of("STRING", "BIGINT", "DOUBLE", "BOOLEAN", "BINARY");

    final String table;
    final List<String[]> columns; // name, type text
    final String handler;
    final Map<String, String> serde;
    final String location;

    private TablestoreDdl(
            String table,
            List<String[]> columns,
            String handler,
            Map<String, String> serde,
            String location) {
        this.table = table;
        this.columns = columns;
        this.handler = handler;
        this.serde = serde;
        this.location = location;
    }

    /**
     * The DDL's parts when it is a CREATE EXTERNAL TABLE with a Tablestore storage handler;
     * otherwise {@code null}.
     */
    static TablestoreDdl parse(String sql) {
        List<Token> t = SqlTokens.scan(sql);
        return t == null ? null : parse(t);
    }

    /** Like {@link #parse(String)}, from the statement's tokens. */
    static TablestoreDdl parse(List<Token> t) {
        int n = t.size();
        int i = 0;
        if (i + 2 >= n
                || !t.get(0).is("CREATE")
                || !t.get(1).is("EXTERNAL")
                || !t.get(2).is("TABLE")) {
            return null;
        }
        i = 3;
        if (i + 2 < n && t.get(i).is("IF") && t.get(i + 1).is("NOT") && t.get(i + 2).is("EXISTS")) {
            i += 3;
        }
        StringBuilder name = new StringBuilder();
        while (i < n && (t.get(i).isIdentifier() || t.get(i).isSymbol('.'))) {
            name.append(t.get(i).isSymbol('.') ? "." : t.get(i).name());
            i++;
        }
        List<String[]> columns = new ArrayList<>();
        if (i < n && t.get(i).isSymbol('(')) {
            int close = SqlTokens.closing(t, i);
            if (close < 0) {
                return null;
            }
            int d = t.get(i).depth + 1;
            int j = i + 1;
            while (j < close) {
                Token col = t.get(j);
                j++;
                StringBuilder type = new StringBuilder();
                while (j < close && !(t.get(j).depth == d && t.get(j).isSymbol(','))) {
                    Token x = t.get(j);
                    if (x.depth == d && (x.is("COMMENT") || x.is("NOT") || x.is("DEFAULT"))) {
                        while (j < close && !(t.get(j).depth == d && t.get(j).isSymbol(','))) {
                            j++;
                        }
                        break;
                    }
                    type.append(x.text);
                    j++;
                }
                columns.add(new String[] {col.name(), type.toString().toUpperCase(Locale.ROOT)});
                j++; // the comma
            }
            i = close + 1;
        }
        String handler = null;
        String location = null;
        Map<String, String> serde = null;
        for (; i < n; i++) {
            Token x = t.get(i);
            if (x.is("STORED")
                    && i + 2 < n
                    && t.get(i + 1).is("BY")
                    && t.get(i + 2).kind == SqlTokens.Kind.STRING) {
                handler = t.get(i + 2).stringValue().trim();
                i += 2;
            } else if (x.is("LOCATION")
                    && i + 1 < n
                    && t.get(i + 1).kind == SqlTokens.Kind.STRING) {
                location = t.get(i + 1).stringValue().trim();
                i++;
            } else if (x.is("SERDEPROPERTIES") && i + 1 < n && t.get(i + 1).isSymbol('(')) {
                int close = SqlTokens.closing(t, i + 1);
                if (close < 0) {
                    return null;
                }
                serde = new LinkedHashMap<>();
                for (int j = i + 2; j + 2 < close + 1; j++) {
                    if (t.get(j).kind == SqlTokens.Kind.STRING && t.get(j + 1).isSymbol('=')
                            && t.get(j + 2).kind == SqlTokens.Kind.STRING) {
                        serde.put(t.get(j).stringValue().trim(), t.get(j + 2).stringValue());
                        j += 2;
                    }
                }
                i = close;
            }
        }
        if (handler == null || !handler.equalsIgnoreCase(TableMeta.TABLESTORE_HANDLER)) {
            return null;
        }
        return new TablestoreDdl(
                name.toString(), columns, handler, serde == null ? Map.of() : serde, location);
    }

    /** One message per broken rule; empty when the DDL follows them all. */
    List<String> violations() {
        List<String> out = new ArrayList<>();
        String mapping = serde.get("tablestore.columns.mapping");
        if (mapping == null) {
            out.add(OdpsMessages.M.format("odps.ots.mappingMissing"));
        } else {
            List<String> entries = new ArrayList<>();
            for (String e : mapping.split(",", -1)) {
                entries.add(e.trim());
            }
            List<String> colNames = new ArrayList<>();
            for (String[] c : columns) {
                colNames.add(c[0]);
            }
            if (entries.size() != columns.size()) {
                out.add(
                        OdpsMessages.M.format(
                                "odps.ots.mappingCount",
                                entries.size(),
                                String.join(",", entries),
                                columns.size(),
                                String.join(", ", colNames)));
            }
            List<String> pks = new ArrayList<>();
            for (String e : entries) {
                if (e.startsWith(":")) {
                    pks.add(e);
                }
            }
            if (pks.isEmpty() || pks.size() > 4) {
                out.add(
                        OdpsMessages.M.format(
                                "odps.ots.pkCount",
                                pks.size(),
                                pks.isEmpty() ? "none" : String.join(",", pks)));
            }
            for (int k = 0; k < entries.size() && k < columns.size(); k++) {
                String base = ColumnTypes.base(columns.get(k)[1]);
                if (entries.get(k).startsWith(":") && !PK_TYPES.contains(base)) {
                    out.add(
                            OdpsMessages.M.format(
                                    "odps.ots.pkType",
                                    columns.get(k)[0],
                                    entries.get(k),
                                    columns.get(k)[1]));
                }
            }
        }
        String otsTable = serde.get("tablestore.table.name");
        if (otsTable == null || otsTable.isBlank()) {
            out.add(OdpsMessages.M.format("odps.ots.tableNameMissing"));
        }
        if (location == null || !location.toLowerCase(Locale.ROOT).startsWith("tablestore://")) {
            out.add(
                    OdpsMessages.M.format(
                            "odps.ots.location",
                            location == null ? "missing" : "'" + location + "'"));
        }
        for (String[] c : columns) {
            if (!TYPES.contains(ColumnTypes.base(c[1]))) {
                out.add(OdpsMessages.M.format("odps.ots.columnType", c[0], c[1]));
            }
        }
        return out;
    }
}
