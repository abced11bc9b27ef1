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
package dev.lakeproxy.odps.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * The columns the JDBC javadoc lists for the {@code DatabaseMetaData} result sets that MaxCompute
 * has nothing for (no privileges on columns, no foreign keys, no row versions, no functions'
 * columns, no pseudo columns, no user-defined type hierarchies, no stored procedures): each answers
 * an empty result with exactly those columns, where odps-jdbc throws, returns {@code null} or
 * returns placeholder columns.
 */
final class ResultShapes {

    private static final int S = Types.VARCHAR;
    private static final int SH = Types.SMALLINT;
    private static final int I = Types.INTEGER;

    private static final String[] KEYS = {
        "PKTABLE_CAT",
        "PKTABLE_SCHEM",
        "PKTABLE_NAME",
        "PKCOLUMN_NAME",
        "FKTABLE_CAT",
        "FKTABLE_SCHEM",
        "FKTABLE_NAME",
        "FKCOLUMN_NAME",
        "KEY_SEQ",
        "UPDATE_RULE",
        "DELETE_RULE",
        "FK_NAME",
        "PK_NAME",
        "DEFERRABILITY"
    };
    private static final int[] KEY_TYPES = {S, S, S, S, S, S, S, S, SH, SH, SH, S, S, SH};
    private static final String[] ROW_ID = {
        "SCOPE",
        "COLUMN_NAME",
        "DATA_TYPE",
        "TYPE_NAME",
        "COLUMN_SIZE",
        "BUFFER_LENGTH",
        "DECIMAL_DIGITS",
        "PSEUDO_COLUMN"
    };
    private static final int[] ROW_ID_TYPES = {SH, S, I, S, I, I, SH, SH};

    /** Method name: column names, then their java.sql.Types. */
    static final Map<String, Object[]> EMPTY =
            Map.ofEntries(
                    Map.entry(
                            "getColumnPrivileges",
                            new Object[] {
                                new String[] {
                                    "TABLE_CAT",
                                    "TABLE_SCHEM",
                                    "TABLE_NAME",
                                    "COLUMN_NAME",
                                    "GRANTOR",
                                    "GRANTEE",
                                    "PRIVILEGE",
                                    "IS_GRANTABLE"
                                },
                                new int[] {S, S, S, S, S, S, S, S}
                            }),
                    Map.entry(
                            "getTablePrivileges",
                            new Object[] {
                                new String[] {
                                    "TABLE_CAT",
                                    "TABLE_SCHEM",
                                    "TABLE_NAME",
                                    "GRANTOR",
                                    "GRANTEE",
                                    "PRIVILEGE",
                                    "IS_GRANTABLE"
                                },
                                new int[] {S, S, S, S, S, S, S}
                            }),
                    Map.entry("getBestRowIdentifier", new Object[] {ROW_ID, ROW_ID_TYPES}),
                    Map.entry("getVersionColumns", new Object[] {ROW_ID, ROW_ID_TYPES}),
                    Map.entry("getExportedKeys", new Object[] {KEYS, KEY_TYPES}),
                    Map.entry("getCrossReference", new Object[] {KEYS, KEY_TYPES}),
                    Map.entry(
                            "getClientInfoProperties",
                            new Object[] {
                                new String[] {"NAME", "MAX_LEN", "DEFAULT_VALUE", "DESCRIPTION"},
                                new int[] {S, I, S, S}
                            }),
                    Map.entry(
                            "getFunctionColumns",
                            new Object[] {
                                new String[] {
                                    "FUNCTION_CAT",
                                    "FUNCTION_SCHEM",
                                    "FUNCTION_NAME",
                                    "COLUMN_NAME",
                                    "COLUMN_TYPE",
                                    "DATA_TYPE",
                                    "TYPE_NAME",
                                    "PRECISION",
                                    "LENGTH",
                                    "SCALE",
                                    "RADIX",
                                    "NULLABLE",
                                    "REMARKS",
                                    "CHAR_OCTET_LENGTH",
                                    "ORDINAL_POSITION",
                                    "IS_NULLABLE",
                                    "SPECIFIC_NAME"
                                },
                                new int[] {S, S, S, S, SH, I, S, I, I, SH, SH, SH, S, I, I, S, S}
                            }),
                    Map.entry(
                            "getPseudoColumns",
                            new Object[] {
                                new String[] {
                                    "TABLE_CAT",
                                    "TABLE_SCHEM",
                                    "TABLE_NAME",
                                    "COLUMN_NAME",
                                    "DATA_TYPE",
                                    "COLUMN_SIZE",
                                    "DECIMAL_DIGITS",
                                    "NUM_PREC_RADIX",
                                    "COLUMN_USAGE",
                                    "REMARKS",
                                    "CHAR_OCTET_LENGTH",
                                    "IS_NULLABLE"
                                },
                                new int[] {S, S, S, S, I, I, I, I, S, S, I, S}
                            }),
                    Map.entry(
                            "getSuperTypes",
                            new Object[] {
                                new String[] {
                                    "TYPE_CAT",
                                    "TYPE_SCHEM",
                                    "TYPE_NAME",
                                    "SUPERTYPE_CAT",
                                    "SUPERTYPE_SCHEM",
                                    "SUPERTYPE_NAME"
                                },
                                new int[] {S, S, S, S, S, S}
                            }),
                    Map.entry(
                            "getSuperTables",
                            new Object[] {
                                new String[] {
                                    "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME"
                                },
                                new int[] {S, S, S, S}
                            }),
                    Map.entry(
                            "getAttributes",
                            new Object[] {
                                new String[] {
                                    "TYPE_CAT",
                                    "TYPE_SCHEM",
                                    "TYPE_NAME",
                                    "ATTR_NAME",
                                    "DATA_TYPE",
                                    "ATTR_TYPE_NAME",
                                    "ATTR_SIZE",
                                    "DECIMAL_DIGITS",
                                    "NUM_PREC_RADIX",
                                    "NULLABLE",
                                    "REMARKS",
                                    "ATTR_DEF",
                                    "SQL_DATA_TYPE",
                                    "SQL_DATETIME_SUB",
                                    "CHAR_OCTET_LENGTH",
                                    "ORDINAL_POSITION",
                                    "IS_NULLABLE",
                                    "SCOPE_CATALOG",
                                    "SCOPE_SCHEMA",
                                    "SCOPE_TABLE",
                                    "SOURCE_DATA_TYPE"
                                },
                                new int[] {
                                    S, S, S, S, I, S, I, I, I, I, S, S, I, I, I, I, S, S, S, S, SH
                                }
                            }),
                    Map.entry(
                            "getProcedures",
                            new Object[] {
                                new String[] {
                                    "PROCEDURE_CAT",
                                    "PROCEDURE_SCHEM",
                                    "PROCEDURE_NAME",
                                    "RESERVED1",
                                    "RESERVED2",
                                    "RESERVED3",
                                    "REMARKS",
                                    "PROCEDURE_TYPE",
                                    "SPECIFIC_NAME"
                                },
                                new int[] {S, S, S, S, S, S, S, SH, S}
                            }),
                    Map.entry(
                            "getProcedureColumns",
                            new Object[] {
                                new String[] {
                                    "PROCEDURE_CAT",
                                    "PROCEDURE_SCHEM",
                                    "PROCEDURE_NAME",
                                    "COLUMN_NAME",
                                    "COLUMN_TYPE",
                                    "DATA_TYPE",
                                    "TYPE_NAME",
                                    "PRECISION",
                                    "LENGTH",
                                    "SCALE",
                                    "RADIX",
                                    "NULLABLE",
                                    "REMARKS",
                                    "COLUMN_DEF",
                                    "SQL_DATA_TYPE",
                                    "SQL_DATETIME_SUB",
                                    "CHAR_OCTET_LENGTH",
                                    "ORDINAL_POSITION",
                                    "IS_NULLABLE",
                                    "SPECIFIC_NAME"
                                },
                                new int[] {
                                    S, S, S, S, SH, I, S, I, I, SH, SH, SH, S, S, I, I, I, I, S, S
                                }
                            }));

    private ResultShapes() {
    }

    /** The empty result of {@code method}, or {@code null} when it has no entry here. */
    static ResultSet empty(String method) throws SQLException {
        Object[] shape = EMPTY.get(method);
        return shape == null ? null : MetaRows.of((String[]) shape[0], (int[]) shape[1], List.of());
    }
}
