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

import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.Varchar;
import dev.lakeproxy.odpsemu.complex.ComplexValues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

/** Conversions between PostgreSQL values, MaxCompute type names and the SDK's record values. */
public final class OdpsValues {

    private OdpsValues() {}

    /**
     * MaxCompute type of a PostgreSQL result column; {@code numericIntegral} decides unconstrained
     * numerics.
     */
    static String odpsTypeOf(ResultSetMetaData md, int col, boolean numericIntegral)
            throws SQLException {
        String pg = md.getColumnTypeName(col).toLowerCase();
        switch (pg) {
            case "int8":
                return "BIGINT";
            case "int4":
                return "INT";
            case "int2":
                return "SMALLINT";
            case "float8":
                return "DOUBLE";
            case "float4":
                return "FLOAT";
            case "bool":
                return "BOOLEAN";
            case "date":
                return "DATE";
            case "bytea":
                return "BINARY";
            case "ts9":
                return "TIMESTAMP";
            case "timestamp":
            case "timestamptz":
                return md.getScale(col) == 3 ? "DATETIME" : "TIMESTAMP";
            case "numeric":
            {
                int p = md.getPrecision(col);
                int s = md.getScale(col);
                if (p <= 0 || p > 38) {
                    return numericIntegral ? "BIGINT" : "DOUBLE";
                }
                return "DECIMAL(" + p + "," + s + ")";
            }
            default:
                if (md.getColumnType(col) == Types.ARRAY) {
                    return "STRING";
                }
                return "STRING";
        }
    }

    /** The SDK record value for a JDBC value of the given MaxCompute type. */
    public static Object toRecordValue(Object v, String odpsType, ZoneId zone) {
        if (v == null) {
            return null;
        }
        if (ComplexValues.isComplex(odpsType)) {
            return ComplexValues.fromText(v, odpsType);
        }
        String base =
                odpsType.contains("(") ? odpsType.substring(0, odpsType.indexOf('(')) : odpsType;
        switch (base) {
            case "BIGINT":
                return ((Number) v).longValue();
            case "INT":
                return ((Number) v).intValue();
            case "SMALLINT":
                return ((Number) v).shortValue();
            case "TINYINT":
                return ((Number) v).byteValue();
            case "DOUBLE":
                return ((Number) v).doubleValue();
            case "FLOAT":
                return ((Number) v).floatValue();
            case "DECIMAL":
                return plain(
                        v instanceof BigDecimal ? (BigDecimal) v : new BigDecimal(v.toString()));
            case "VARCHAR":
                return new Varchar(readableText(v.toString()));
            case "CHAR":
                return new Char(readableText(v.toString()));
            case "BOOLEAN":
                return v instanceof Boolean ? v : Boolean.valueOf(v.toString());
            case "DATETIME":
            {
                LocalDateTime ldt = toLocalDateTime(v);
                return new Date(ldt.atZone(zone).toInstant().toEpochMilli());
            }
            case "TIMESTAMP":
            {
                LocalDateTime ldt = toLocalDateTime(v);
                return Timestamp.from(ldt.atZone(zone).toInstant());
            }
            case "DATE":
                return v instanceof java.sql.Date
                        ? ((java.sql.Date) v).toLocalDate()
                        : LocalDate.parse(v.toString());
            case "BINARY":
                return new Binary(
                        v instanceof byte[]
                                ? (byte[]) v
                                : v.toString().getBytes(StandardCharsets.UTF_8));
            default:
                return v instanceof byte[]
                        ? new String((byte[]) v, StandardCharsets.UTF_8)
                        : readableText(v.toString());
        }
    }

    static LocalDateTime toLocalDateTime(Object v) {
        if (v instanceof Timestamp) {
            return ((Timestamp) v).toLocalDateTime();
        }
        if (v instanceof LocalDateTime) {
            return (LocalDateTime) v;
        }
        return Timestamp.valueOf(v.toString()).toLocalDateTime();
    }

    /**
     * A value read from an uploaded record, as text (or bytes for BINARY) that PostgreSQL casts to
     * the column type. Instants are shown as wall-clock time in the project's time zone.
     */
    public static Object fromRecordValue(Object v, String odpsType, ZoneId zone) {
        if (v == null) {
            return null;
        }
        if (ComplexValues.isComplex(odpsType)) {
            return ComplexValues.toText(v, odpsType);
        }
        if (v instanceof byte[]) {
            return odpsType.startsWith("BINARY")
                    ? v
                    : new String((byte[]) v, StandardCharsets.UTF_8);
        }
        if (v instanceof Binary) {
            return ((Binary) v).data();
        }
        if (v instanceof Timestamp) {
            return LocalDateTime.ofInstant(((Timestamp) v).toInstant(), zone)
                    .toString()
                    .replace('T', ' ');
        }
        if (v instanceof java.sql.Date) {
            return ((java.sql.Date) v).toLocalDate().toString();
        }
        if (v instanceof Date) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(((Date) v).getTime()), zone)
                    .toString()
                    .replace('T', ' ');
        }
        if (v instanceof Instant) {
            return LocalDateTime.ofInstant((Instant) v, zone).toString().replace('T', ' ');
        }
        if (v instanceof java.time.ZonedDateTime) {
            return ((java.time.ZonedDateTime) v)
                    .withZoneSameInstant(zone)
                    .toLocalDateTime()
                    .toString()
                    .replace('T', ' ');
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        return v.toString();
    }

    /** Text for a value in the CSV-like text result of a query. */
    static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof byte[]) {
            return new String((byte[]) v, StandardCharsets.UTF_8);
        }
        if (v instanceof BigDecimal) {
            return plain((BigDecimal) v).toPlainString();
        }
        return v.toString();
    }

    /**
     * MaxCompute strings may hold U+0000; PostgreSQL text cannot. It is stored as U+E000 (Private
     * Use Area) and read back as U+0000, so such strings round-trip (a stored U+E000 reads as NUL).
     */
    public static String storableText(String s) {
        return s.indexOf('\0') < 0 ? s : s.replace('\0', NUL_STAND_IN);
    }

    static String readableText(String s) {
        return s.indexOf(NUL_STAND_IN) < 0 ? s : s.replace(NUL_STAND_IN, '\0');
    }

    private static final char NUL_STAND_IN = '\uE000';

    /** A DECIMAL as MaxCompute returns it: without trailing zeros (4.567, not 4.567000). */
    static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
