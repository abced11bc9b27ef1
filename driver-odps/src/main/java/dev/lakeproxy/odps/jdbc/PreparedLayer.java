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

import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Calendar;

/**
 * In front of odps-jdbc's prepared statement: everything of {@link StatementLayer}, plus {@code
 * getParameterMetaData} (one IN parameter per {@code ?} marker), {@code getMetaData} that never
 * runs the statement (odps-jdbc's runs it, writes included, when it has not run yet), and the
 * {@code setObject} and Calendar setters odps-jdbc refuses.
 */
final class PreparedLayer extends StatementLayer implements PreparedStatementForwarding {

    private final PreparedStatement real;
    private final String sql;
    private boolean executed;

    PreparedLayer(PreparedStatement real, String sql) throws SQLException {
        super(real);
        this.real = real;
        this.sql = sql;
    }

    @Override
    public PreparedStatement preparedStatementDelegate() {
        return real;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        executed = true;
        return result(job.run("PreparedStatement.executeQuery", real::executeQuery));
    }

    @Override
    public boolean execute() throws SQLException {
        executed = true;
        return job.run("PreparedStatement.execute", real::execute);
    }

    @Override
    public int executeUpdate() throws SQLException {
        executed = true;
        return job.run("PreparedStatement.executeUpdate", real::executeUpdate);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return executeUpdate();
    }

    /** The result's columns once the statement has run; {@code null} before, as JDBC allows. */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        if (!executed) {
            return null;
        }
        ResultSetMetaData md = real.getMetaData();
        return md == null ? null : (ResultSetMetaDataForwarding) () -> md;
    }

    @Override
    public ParameterMetaData getParameterMetaData() {
        return new MarkerParameters(ParameterMarkers.count(sql));
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        if (x == null) {
            real.setNull(index, targetSqlType);
        } else {
            real.setObject(index, x);
        }
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType, int scaleOrLength)
            throws SQLException {
        setObject(index, x, targetSqlType);
    }

    /**
     * The timestamp's wall clock in the calendar's zone is what is written, as JDBC describes it.
     */
    @Override
    public void setTimestamp(int index, Timestamp x, Calendar cal) throws SQLException {
        real.setTimestamp(
                index,
                x == null || cal == null ? x : Timestamp.valueOf(wallClock(x.toInstant(), cal)));
    }

    @Override
    public void setDate(int index, Date x, Calendar cal) throws SQLException {
        real.setDate(
                index,
                x == null || cal == null
                        ? x
                        : Date.valueOf(
                                wallClock(java.time.Instant.ofEpochMilli(x.getTime()), cal)
                                        .toLocalDate()));
    }

    @Override
    public void setTime(int index, Time x, Calendar cal) throws SQLException {
        real.setTime(
                index,
                x == null || cal == null
                        ? x
                        : Time.valueOf(
                                wallClock(java.time.Instant.ofEpochMilli(x.getTime()), cal)
                                        .toLocalTime()));
    }

    private static java.time.LocalDateTime wallClock(java.time.Instant instant, Calendar cal) {
        ZoneId zone = cal.getTimeZone().toZoneId();
        return java.time.LocalDateTime.ofInstant(instant, zone);
    }
}
