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

import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.aliyun.odps.jdbc.OdpsConnection;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DATETIME values between the emulator and the real odps-jdbc 3.4.2 / SDK 0.43.3: which instant the
 * emulator sends (session or project time zone, milliseconds kept) and what the driver makes of it.
 * The driver-side facts pinned here explain the odps-jdbc suite failures listed in the README.
 */
class DateTimeRoundTripTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("dt").timezone("Asia/Shanghai"));

    private static final String NEW_YEAR = "SELECT CAST('2020-01-01 00:00:00' AS DATETIME)";

    @Test
    void setTimeZoneIsSentWithTheJobAndDecidesTheInstant() throws SQLException {
        try (Connection c = connect(EMU.get().jdbcUrl("dt"));
                Statement st = c.createStatement()) {
            assertEquals(Instant.parse("2019-12-31T16:00:00Z"), instant(st, NEW_YEAR));
            st.execute("SET odps.sql.timezone=UTC");
            try (ResultSet rs = st.executeQuery(NEW_YEAR)) {
                rs.next();
                assertEquals(
                        Instant.parse("2020-01-01T00:00:00Z"),
                        ((ZonedDateTime) rs.getObject(1)).toInstant());
                // odps-jdbc shows the session zone's wall-clock time as a Timestamp of the JVM's
                // zone, whatever the JVM's zone is
                assertEquals(
                        LocalDateTime.parse("2020-01-01T00:00"),
                        rs.getTimestamp(1).toLocalDateTime());
            }
            assertEquals("UTC", lastJob().settings().get("odps.sql.timezone"));
        }
    }

    @Test
    void useProjectTimeZoneChangesOnlyTheDriversConversion() throws SQLException {
        String sql = "SELECT CAST('2024-03-01 12:00:00' AS DATETIME)";
        try (Connection c = connect(EMU.get().jdbcUrl("dt"));
                Statement st = c.createStatement()) {
            OdpsConnection odps = c.unwrap(OdpsConnection.class);
            assertEquals("Asia/Shanghai", odps.getProjectTimeZone().getID());
            long plain = timestamp(st, sql).getTime();
            SubmittedJob first = lastJob();
            odps.setUseProjectTimeZone(true);
            long shifted = timestamp(st, sql).getTime();
            SubmittedJob second = lastJob();
            assertEquals(first.sql(), second.sql());
            assertEquals(first.settings(), second.settings());
            long at = Instant.parse("2024-03-01T04:00:00Z").toEpochMilli();
            assertEquals(
                    odps.getProjectTimeZone().getOffset(at) - TimeZone.getDefault().getOffset(at),
                    shifted - plain,
                    "the shift is the project zone's offset minus the JVM zone's offset");
        }
    }

    @Test
    void datetimeKeepsMillisecondsAndReadsAsZonedDateTime() throws SQLException {
        long millis = Instant.parse("2023-11-14T22:13:20.123Z").toEpochMilli();
        try (Connection c = connect(EMU.get().jdbcUrl("dt"))) {
            update(c, "CREATE TABLE dt_millis (c DATETIME)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dt_millis VALUES (?)")) {
                ps.setTime(1, new Time(millis));
                ps.addBatch();
                ps.executeBatch();
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT c FROM dt_millis")) {
                rs.next();
                Object value = rs.getObject(1);
                assertInstanceOf(ZonedDateTime.class, value);
                assertEquals(millis, ((ZonedDateTime) value).toInstant().toEpochMilli());
                // getTime keeps the time of day only (Time.valueOf(LocalTime): 1970-01-01, no
                // milliseconds), so it never equals the Time that was written
                Time time = rs.getTime(1);
                assertEquals(new Time(millis).toString(), time.toString());
                assertNotEquals(new Time(millis), time);
                // getString formats the value; getBytes is the ZonedDateTime's toString()
                assertEquals(19, rs.getString(1).length());
                assertEquals(
                        value.toString(), new String(rs.getBytes(1), StandardCharsets.UTF_8));
            }
        }
    }

    private static Instant instant(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return ((ZonedDateTime) rs.getObject(1)).toInstant();
        }
    }

    private static Timestamp timestamp(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private static SubmittedJob lastJob() {
        List<SubmittedJob> jobs = EMU.get().jobs();
        return jobs.get(jobs.size() - 1);
    }
}
