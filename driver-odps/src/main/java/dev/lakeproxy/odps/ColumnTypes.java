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

import java.sql.Types;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MaxCompute column type text ({@code DECIMAL(10,2)}, {@code VARCHAR(20)}, {@code ARRAY<BIGINT>})
 * as the JDBC metadata columns give it: DATA_TYPE as odps-jdbc maps it, COLUMN_SIZE and
 * DECIMAL_DIGITS from the type's parameters or MaxCompute's limits (MaxCompute V2.0 data types:
 * STRING and BINARY at most 8 MB, DECIMAL at most 38 digits, TIMESTAMP to the nanosecond).
 */
final class ColumnTypes {

    private static final Pattern PARAMETERS = Pattern.compile("\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)");
    private static final int EIGHT_MB = 8 * 1024 * 1024;

    private ColumnTypes() {
    }

    static String base(String type) {
        String t = type.trim().toUpperCase(Locale.ROOT);
        int cut = t.length();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(' || c == '<' || c == ' ') {
                cut = i;
                break;
            }
        }
        return t.substring(0, cut);
    }

    static int sqlType(String type) {
        switch (base(type)) {
            case "BIGINT": return Types.BIGINT;
            case "INT": return Types.INTEGER;
            case "SMALLINT": return Types.SMALLINT;
            case "TINYINT": return Types.TINYINT;
            case "DOUBLE": return Types.DOUBLE;
            case "FLOAT": return Types.FLOAT;
            case "DECIMAL": return Types.DECIMAL;
            case "BOOLEAN": return Types.BOOLEAN;
            case "DATETIME": case "TIMESTAMP": case "TIMESTAMP_NTZ": return Types.TIMESTAMP;
            case "DATE": return Types.DATE;
            case "BINARY": return Types.BINARY;
            case "CHAR": return Types.CHAR;
            case "ARRAY": return Types.ARRAY;
            case "MAP": return Types.JAVA_OBJECT;
            case "STRUCT": return Types.STRUCT;
            case "INTERVAL_DAY_TIME": case "INTERVAL_YEAR_MONTH": return Types.OTHER;
            default: return Types.VARCHAR; // STRING, VARCHAR, JSON
        }
    }

    /**
     * COLUMN_SIZE: precision for numbers and times, length for text and bytes; {@code null} when it
     * has none.
     */
    static Integer size(String type) {
        Matcher p = PARAMETERS.matcher(type);
        String base = base(type);
        if (p.find() && (base.equals("DECIMAL") || base.equals("VARCHAR") || base.equals("CHAR"))) {
            return Integer.valueOf(p.group(1));
        }
        switch (base) {
            case "BIGINT": return 19;
            case "INT": return 10;
            case "SMALLINT": return 5;
            case "TINYINT": return 3;
            case "DOUBLE": return 15;
            case "FLOAT": return 7;
            case "DECIMAL": return 38;
            case "BOOLEAN": return 1;
            case "DATE": return 10;
            case "DATETIME": return 23;
            case "TIMESTAMP": case "TIMESTAMP_NTZ": return 29;
            case "STRING": case "BINARY": case "JSON": return EIGHT_MB;
            default: return null;
        }
    }

    /**
     * DECIMAL_DIGITS: the scale of a DECIMAL (18 by default), the fractional digits of a time; else
     * {@code null}.
     */
    static Integer decimalDigits(String type) {
        switch (base(type)) {
            case "DECIMAL":
                Matcher p = PARAMETERS.matcher(type);
                if (!p.find()) {
                    return 18; // DECIMAL alone is DECIMAL(38,18)
                }
                return p.group(2) == null ? 0 : Integer.valueOf(p.group(2));
            case "BIGINT": case "INT": case "SMALLINT": case "TINYINT":
                return 0;
            case "DATETIME":
                return 3;
            case "TIMESTAMP": case "TIMESTAMP_NTZ":
                int places = TableMeta.timestampPlaces(type);
                return places < 0 ? 9 : places;
            default:
                return null;
        }
    }
}
