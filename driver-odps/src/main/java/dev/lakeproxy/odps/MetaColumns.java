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

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code getColumns} rows of one table, from its cached metadata ({@link TableMeta}): the same
 * one request per table serves getColumns and getPrimaryKeys. Data columns first, then partition
 * columns, as odps-jdbc orders them; the JDBC 4.1 columns IS_AUTOINCREMENT and IS_GENERATEDCOLUMN
 * included.
 */
final class MetaColumns {

    static final String[] NAMES = {
        "TABLE_CAT",
        "TABLE_SCHEM",
        "TABLE_NAME",
        "COLUMN_NAME",
        "DATA_TYPE",
        "TYPE_NAME",
        "COLUMN_SIZE",
        "BUFFER_LENGTH",
        "DECIMAL_DIGITS",
        "NUM_PREC_RADIX",
        "NULLABLE",
        "REMARKS",
        "COLUMN_DEF",
        "SQL_DATA_TYPE",
        "SQL_DATETIME_SUB",
        "CHAR_OCTET_LENGTH",
        "ORDINAL_POSITION",
        "IS_NULLABLE",
        "SCOPE_CATALOG",
        "SCOPE_SCHEMA",
        "SCOPE_TABLE",
        "SOURCE_DATA_TYPE",
        "IS_AUTOINCREMENT",
        "IS_GENERATEDCOLUMN"
    };
    static final int[] TYPES = {
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.INTEGER,
        Types.VARCHAR,
        Types.INTEGER,
        Types.INTEGER,
        Types.INTEGER,
        Types.INTEGER,
        Types.INTEGER,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.INTEGER,
        Types.INTEGER,
        Types.INTEGER,
        Types.INTEGER,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.SMALLINT,
        Types.VARCHAR,
        Types.VARCHAR
    };

    private MetaColumns() {
    }

    /**
     * Adds the rows of the columns of {@code meta} matching {@code columns}, named {@code
     * catalog}.{@code schema} as the caller's listing names tables (a two-tier project is its own
     * schema, as odps-jdbc reports it).
     */
    static void add(
            List<Object[]> rows, TableMeta meta, String catalog, String schema, Pattern columns) {
        List<TableMeta.Col> cols = new ArrayList<>(meta.columns);
        cols.addAll(meta.partitionColumns);
        for (int i = 0; i < cols.size(); i++) {
            TableMeta.Col c = cols.get(i);
            if (!columns.matcher(c.name).matches()) {
                continue;
            }
            Integer size = ColumnTypes.size(c.type);
            int sqlType = ColumnTypes.sqlType(c.type);
            boolean text =
                    sqlType == Types.VARCHAR || sqlType == Types.CHAR || sqlType == Types.BINARY;
            rows.add(
                    new Object[] {
                        catalog,
                        schema,
                        meta.table,
                        c.name,
                        sqlType,
                        c.type,
                        size,
                        null,
                        ColumnTypes.decimalDigits(c.type),
                        10,
                        DatabaseMetaData.columnNullable,
                        c.comment,
                        null,
                        null,
                        null,
                        text ? size : null,
                        i + 1,
                        "YES",
                        null,
                        null,
                        null,
                        null,
                        "NO",
                        "NO"
                    });
        }
    }
}
