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

/** MaxCompute type names and the PostgreSQL types that store them. */
public final class PgTypes {

    private PgTypes() {}

    public static boolean isTypeName(String w) {
        switch (w) {
            case "STRING":
            case "BIGINT":
            case "INT":
            case "INTEGER":
            case "SMALLINT":
            case "TINYINT":
            case "DOUBLE":
            case "FLOAT":
            case "DECIMAL":
            case "BOOLEAN":
            case "DATETIME":
            case "TIMESTAMP":
            case "TIMESTAMP_NTZ":
            case "DATE":
            case "BINARY":
            case "VARCHAR":
            case "CHAR":
                return true;
            default:
                return false;
        }
    }

    /**
     * PostgreSQL type for a MaxCompute type name with its (raw) arguments, e.g. DECIMAL + "10,2".
     */
    public static String pgType(String odpsType, String args) {
        switch (odpsType.toUpperCase()) {
            case "STRING":
            case "VARCHAR":
                return "text";
            case "CHAR":
                return args == null || args.isEmpty() ? "text" : "char(" + args + ")"; // padded
            case "BIGINT":
                return "bigint";
            case "INT":
            case "INTEGER":
                return "integer";
            case "SMALLINT":
            case "TINYINT":
                return "smallint";
            case "DOUBLE":
                return "double precision";
            case "FLOAT":
                return "real";
            case "DECIMAL":
                return args == null || args.isEmpty() ? "numeric(38,18)" : "numeric(" + args + ")";
            case "BOOLEAN":
                return "boolean";
            case "DATETIME":
                return "timestamp(3)";
            case "TIMESTAMP":
            case "TIMESTAMP_NTZ":
                return NanoTimestamps.PG_TYPE;
            case "DATE":
                return "date";
            case "BINARY":
                return "bytea";
            case "ARRAY":
            case "MAP":
            case "STRUCT":
                return "text"; // JSON text, see ComplexValues
            default:
                throw new OdpsSqlException(
                        "ODPS-0130141",
                        "Illegal implicit type cast - unsupported type " + odpsType);
        }
    }
}
