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

import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DATE, DATETIME and TIMESTAMP read as JDBC 4.2 says, in the session's time zone (here the
 * project's, Asia/Shanghai, which odps-jdbc uses with useProjectTimeZone=true, whatever the JVM's
 * zone is): the JDBC escape form from getString and getBytes (odps-jdbc's getBytes gives
 * ZonedDateTime.toString()), the java.time and java.sql types from getObject(i, Class) (odps-jdbc
 * throws for every class), getObject(i) as odps-jdbc gives it.
 */
class DateTimeGettersTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("times").timezone("Asia/Shanghai"));
    private static final String QUERY = "SELECT d, dt, ts FROM moments";

    @BeforeAll
    static void moments() throws SQLException {
        try (Connection raw = connect(EMU.get().jdbcUrl("times"))) {
            update(raw, "CREATE TABLE moments (d DATE, dt DATETIME, ts TIMESTAMP)");
            update(
                    raw,
                    "INSERT INTO moments VALUES (DATE '2019-05-23', DATETIME '2019-05-23 00:00:00',"
                        + " TIMESTAMP '2019-05-23 00:00:00.123456789')");
            update(raw, "CREATE TABLE whole_seconds (dt DATETIME, ts TIMESTAMP)");
            update(raw, "INSERT INTO whole_seconds VALUES (DATETIME '2041-03-14 00:00:00', "
                    + "TIMESTAMP '2041-03-14 00:00:00')");
        }
    }

    private static Connection lake() throws SQLException {
        return connect(
                "jdbc:lakeproxy:"
                        + EMU.get().jdbcUrl("times", "useProjectTimeZone=true").substring(5));
    }

    @Test
    void getStringAndGetBytesGiveTheJdbcEscapeForm() throws SQLException {
        try (Connection c = lake();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            assertTrue(rs.next());
            assertEquals("2019-05-23", rs.getString(1));
            assertEquals("2019-05-23 00:00:00", rs.getString(2));
            assertEquals("2019-05-23 00:00:00.123456789", rs.getString("ts"));
            assertEquals(
                    "2019-05-23 00:00:00", new String(rs.getBytes("dt"), StandardCharsets.UTF_8));
            assertEquals(
                    Timestamp.valueOf("2019-05-23 00:00:00.123456789"),
                    Timestamp.valueOf(rs.getString(3)));
        }
        try (Connection raw = connect(EMU.get().jdbcUrl("times", "useProjectTimeZone=true"));
             Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery(QUERY)) {
            assertTrue(rs.next());
            assertNotEquals(
                    "2019-05-23 00:00:00",
                    new String(rs.getBytes(2), StandardCharsets.UTF_8),
                    "raw odps-jdbc gives ZonedDateTime.toString() here");
        }
    }

    @Test
    void aTimestampWithoutFractionReadsInTimestampToStringFormADatetimeWithout()
            throws SQLException {
        try (Connection c = lake(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT dt, ts FROM whole_seconds")) {
            assertTrue(rs.next());
            assertEquals("2041-03-14 00:00:00", rs.getString(1));
            assertEquals(
                    "2041-03-14 00:00:00.0",
                    rs.getString(2),
                    "as odps-jdbc's own getString and tests");
            assertEquals(rs.getTimestamp(2).toString(), rs.getString(2));
            assertEquals(
                    "2041-03-14 00:00:00.0", new String(rs.getBytes(2), StandardCharsets.UTF_8));
        }
    }

    @Test
    void getObjectWithAClassGivesEachJavaTimeAndSqlType() throws SQLException {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        try (Connection c = lake();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            assertTrue(rs.next());
            assertEquals(LocalDate.of(2019, 5, 23), rs.getObject(1, LocalDate.class));
            assertEquals(LocalDateTime.of(2019, 5, 23, 0, 0), rs.getObject(2, LocalDateTime.class));
            assertEquals(
                    LocalDateTime.of(2019, 5, 23, 0, 0, 0, 123_456_789),
                    rs.getObject(3, LocalDateTime.class));
            ZonedDateTime midnight = ZonedDateTime.of(2019, 5, 23, 0, 0, 0, 0, shanghai);
            assertEquals(midnight, rs.getObject(2, ZonedDateTime.class));
            assertEquals(midnight.toOffsetDateTime(), rs.getObject(2, OffsetDateTime.class));
            assertEquals(midnight.toInstant(), rs.getObject(2, Instant.class));
            assertEquals(
                    midnight.plusNanos(123_456_789).toInstant(), rs.getObject("ts", Instant.class));
            assertEquals(LocalTime.MIDNIGHT, rs.getObject(2, LocalTime.class));
            assertEquals(java.sql.Date.valueOf("2019-05-23"), rs.getObject(1, java.sql.Date.class));
            assertEquals(
                    Timestamp.valueOf("2019-05-23 00:00:00"), rs.getObject(2, Timestamp.class));
            assertEquals(
                    Timestamp.valueOf("2019-05-23 00:00:00"), rs.getObject(1, Timestamp.class));
            assertEquals(new Time(Timestamp.valueOf("2019-05-23 00:00:00").getTime()),
                    rs.getObject(2, Time.class));
            assertEquals(
                    Timestamp.valueOf("2019-05-23 00:00:00"),
                    rs.getObject(2, java.util.Date.class));
            assertEquals("2019-05-23 00:00:00", rs.getObject(2, String.class));
            SQLException refused =
                    assertThrows(SQLException.class, () -> rs.getObject(2, Integer.class));
            assertEquals("0A000", refused.getSQLState());
        }
    }

    @Test
    void getObjectKeepsTheRawDriversTypesAndDateColumnsAnswerTheTimeGetters() throws SQLException {
        try (Connection c = lake();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            assertTrue(rs.next());
            assertTrue(rs.getObject(1) instanceof LocalDate, String.valueOf(rs.getObject(1)));
            assertTrue(rs.getObject(2) instanceof ZonedDateTime, String.valueOf(rs.getObject(2)));
            assertTrue(rs.getObject(3) instanceof Instant, String.valueOf(rs.getObject(3)));
            assertEquals(
                    Timestamp.valueOf("2019-05-23 00:00:00"),
                    rs.getTimestamp(1),
                    "odps-jdbc throws here");
            assertEquals("00:00:00", rs.getTime(1).toString(), "odps-jdbc throws here");
            assertEquals(rs.getTimestamp(1).getTime(), rs.getTime(1).getTime(), "its midnight");
        }
    }

    @Test
    void getDateAndGetTimeOfADatetimeOrTimestampHoldItsInstantAsOdpsJdbcsTestsExpect()
            throws SQLException {
        try (Connection c = lake(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(QUERY)) {
            assertTrue(rs.next());
            for (int column = 2; column <= 3; column++) {
                long instant = rs.getTimestamp(column).getTime();
                assertEquals(instant, rs.getDate(column).getTime());
                assertEquals(instant, rs.getTime(column).getTime());
                assertEquals(instant, rs.getObject(column, java.sql.Date.class).getTime());
            }
            assertEquals("2019-05-23", rs.getDate("ts").toString());
            assertEquals("00:00:00", rs.getTime("ts").toString());
            assertEquals(Timestamp.valueOf("2019-05-23 00:00:00.123").getTime(),
                    rs.getTime(3).getTime(), "the session's wall clock in the JVM's zone");
        }
        try (Connection raw = connect(EMU.get().jdbcUrl("times", "useProjectTimeZone=true"));
             Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery(QUERY)) {
            assertTrue(rs.next());
            assertNotEquals(rs.getTimestamp(2).getTime(), rs.getTime(2).getTime(),
                    "raw odps-jdbc gives the time of day on 1970-01-01");
        }
    }
}
