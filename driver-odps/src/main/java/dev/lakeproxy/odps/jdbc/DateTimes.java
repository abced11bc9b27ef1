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

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * MaxCompute's date and time values as JDBC 4.2 gives them. odps-jdbc (SDK 0.43.3) hands out DATE
 * as {@link LocalDate}, DATETIME as {@link ZonedDateTime} and TIMESTAMP as {@link Instant}; here
 * they are read in the session's time zone (odps.sql.timezone, as odps-jdbc decides it): {@code
 * getString} in the JDBC escape form ({@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss[.f...]}: a
 * DATETIME's fraction only when there is one, a TIMESTAMP's always, at least {@code .0}, as {@code
 * Timestamp.toString()} and odps-jdbc's own getString write it), and {@code getObject(i, Class)}
 * for the java.time and java.sql types.
 */
final class DateTimes {

    private DateTimes() {
    }

    /** Whether odps-jdbc's raw value is one of MaxCompute's date and time values. */
    static boolean isTemporal(Object raw) {
        return raw instanceof LocalDate || raw instanceof ZonedDateTime || raw instanceof Instant;
    }

    /** The JDBC escape form of a temporal value in {@code zone}. */
    static String string(Object raw, ZoneId zone) {
        if (raw instanceof LocalDate) {
            return raw.toString();
        }
        LocalDateTime t = local(raw, zone);
        String text =
                t.toLocalDate()
                        + " "
                        + twoDigits(t.getHour())
                        + ":"
                        + twoDigits(t.getMinute())
                        + ":"
                        + twoDigits(t.getSecond());
        int nanos = t.getNano();
        if (nanos == 0) {
            return raw instanceof Instant ? text + ".0" : text; // TIMESTAMP: Timestamp.toString()
        }
        String fraction = String.format("%09d", nanos);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
            end--;
        }
        return text + "." + fraction.substring(0, end);
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** The wall clock of the value in {@code zone}; a DATE starts at midnight. */
    static LocalDateTime local(Object raw, ZoneId zone) {
        if (raw instanceof LocalDate) {
            return ((LocalDate) raw).atStartOfDay();
        }
        return zoned(raw, zone).toLocalDateTime();
    }

    /** The value as an instant in {@code zone}; a DATE is midnight in that zone. */
    static ZonedDateTime zoned(Object raw, ZoneId zone) {
        if (raw instanceof LocalDate) {
            return ((LocalDate) raw).atStartOfDay(zone);
        }
        if (raw instanceof ZonedDateTime) {
            return ((ZonedDateTime) raw).withZoneSameInstant(zone);
        }
        return ((Instant) raw).atZone(zone);
    }

    /**
     * The value as {@code type}: the java.time types in {@code zone}; String; {@code Timestamp},
     * {@code java.sql.Date}, {@code Time} and {@code java.util.Date} as JDBC's getters give them:
     * the session's wall clock read in the JVM's zone, as odps-jdbc's own getTimestamp does. All
     * four hold that one instant (a DATE's midnight): a Date's {@code toString()} shows the date, a
     * Time's the time of day, and {@code getTime()} is the value's, as odps-jdbc's own tests expect
     * of getDate and getTime on DATETIME and TIMESTAMP (ImplicitTypeConversionTest).
     */
    static <T> T as(Object raw, ZoneId zone, Class<T> type) throws SQLException {
        Object v;
        if (type == String.class) {
            v = string(raw, zone);
        } else if (type == LocalDate.class) {
            v = local(raw, zone).toLocalDate();
        } else if (type == LocalDateTime.class) {
            v = local(raw, zone);
        } else if (type == LocalTime.class) {
            v = local(raw, zone).toLocalTime();
        } else if (type == ZonedDateTime.class) {
            v = zoned(raw, zone);
        } else if (type == OffsetDateTime.class) {
            v = zoned(raw, zone).toOffsetDateTime();
        } else if (type == Instant.class) {
            v = zoned(raw, zone).toInstant();
        } else if (type == Timestamp.class || type == java.util.Date.class) {
            v = Timestamp.valueOf(local(raw, zone));
        } else if (type == java.sql.Date.class) {
            v = new java.sql.Date(Timestamp.valueOf(local(raw, zone)).getTime());
        } else if (type == Time.class) {
            v = new Time(Timestamp.valueOf(local(raw, zone)).getTime());
        } else if (type == Object.class) {
            v = raw;
        } else {
            throw new SQLFeatureNotSupportedException(
                    DriverFailures.M.format(
                            "odps.jdbc.noConversion",
                            raw.getClass().getSimpleName(),
                            type.getName()),
                    "0A000");
        }
        return type.cast(v);
    }
}
