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

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneId;
import java.util.Calendar;

/**
 * In front of odps-jdbc's result set: DATE, DATETIME and TIMESTAMP columns read as JDBC 4.2 says
 * ({@link DateTimes}: {@code getString} and {@code getBytes} in the JDBC escape form, {@code
 * getObject(i, Class)} for the java.time and java.sql types, {@code getDate}, {@code getTime} and
 * {@code getTimestamp} holding the value's instant, where odps-jdbc refuses some on a DATE and
 * drops the instant in others); {@code getObject(i)} and the other getters keep odps-jdbc's
 * answers, and other columns go straight through. Closing it tells the statement
 * (closeOnCompletion). The cursor questions odps-jdbc refuses on a forward-only result
 * (concurrency, holdability, fetch size and direction) are answered here.
 */
final class ResultSetLayer implements ResultSetForwarding {

    private final StatementLayer statement;
    private final ResultSet real;
    private final ZoneId zone;

    /**
     * Per column (1-based): may hold a date or time value; decided once, from the result's
     * metadata.
     */
    private boolean[] temporal;

    ResultSetLayer(StatementLayer statement, ResultSet real, ZoneId zone) {
        this.statement = statement;
        this.real = real;
        this.zone = zone;
    }

    @Override
    public ResultSet resultSetDelegate() {
        return real;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        ResultSetMetaData md = real.getMetaData();
        return (ResultSetMetaDataForwarding) () -> md;
    }

    /**
     * The fetch size asked of a forward-only result: a hint (JDBC), which odps-jdbc ignores and
     * refuses to report; {@code null} until set, then the statement's is reported.
     */
    private Integer fetchSize;

    /** odps-jdbc's forward-only results refuse the cursor questions; its scrollable ones answer. */
    private boolean forwardOnly() throws SQLException {
        return real.getType() == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getFetchSize() throws SQLException {
        if (!forwardOnly()) {
            return real.getFetchSize();
        }
        return fetchSize != null ? fetchSize : statement.getFetchSize();
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        if (rows < 0) {
            throw DriverFailures.M.create("22023", "odps.jdbc.negativeFetchSize", rows);
        }
        if (forwardOnly()) {
            fetchSize = rows;
        } else {
            real.setFetchSize(rows);
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return forwardOnly() ? ResultSet.FETCH_FORWARD : real.getFetchDirection();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (!forwardOnly()) {
            real.setFetchDirection(direction);
        } else if (direction != ResultSet.FETCH_FORWARD) {
            throw DriverFailures.M.create("HY106", "odps.jdbc.forwardOnly");
        }
    }

    /** MaxCompute results are read-only: nothing updates a row through them. */
    @Override
    public int getConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() {
        return ResultSet
                .CLOSE_CURSORS_AT_COMMIT; // closed with its statement, as the connection says
    }

    @Override
    public String getCursorName() throws SQLException {
        throw new SQLFeatureNotSupportedException(DriverFailures.M.format("odps.jdbc.noCursorName"),
                "0A000");
    }

    @Override
    public void close() throws SQLException {
        real.close();
        statement.resultClosed();
    }

    private boolean temporal(int column) throws SQLException {
        boolean[] t = temporal;
        if (t == null) {
            ResultSetMetaData md = real.getMetaData();
            t = new boolean[md.getColumnCount() + 1];
            for (int i = 1; i < t.length; i++) {
                int type = md.getColumnType(i);
                t[i] = type == Types.DATE || type == Types.TIMESTAMP || type == Types.TIME
                        || type == Types.TIMESTAMP_WITH_TIMEZONE;
            }
            temporal = t;
        }
        return column > 0 && column < t.length && t[column];
    }

    /**
     * The raw value of a date or time column, or {@code null} when the column is not one (or the
     * value is NULL).
     */
    private Object rawTemporal(int column) throws SQLException {
        if (!temporal(column)) {
            return null;
        }
        Object raw = real.getObject(column);
        return DateTimes.isTemporal(raw) ? raw : null;
    }

    @Override
    public String getString(int column) throws SQLException {
        Object raw = rawTemporal(column);
        return raw == null ? real.getString(column) : DateTimes.string(raw, zone);
    }

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        Object raw = rawTemporal(column);
        return raw == null
                ? real.getBytes(column)
                : DateTimes.string(raw, zone).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        Object raw = rawTemporal(column);
        if (raw != null) {
            return DateTimes.as(raw, zone, type);
        }
        return ObjectGetters.as(this, column, type);
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    /** A getter of odps-jdbc's, called when the column holds no date or time value. */
    private interface RealGetter<T> {
        T get() throws SQLException;
    }

    /**
     * A date or time getter of a DATE, DATETIME or TIMESTAMP value, as {@link DateTimes#as} gives
     * it: odps-jdbc refuses Timestamp and Time of a DATE, and its Date and Time of a DATETIME or
     * TIMESTAMP drop the instant. No calendar applies, as odps-jdbc applies none to these values.
     */
    private <T> T time(int column, Class<T> type, RealGetter<T> real) throws SQLException {
        Object raw = rawTemporal(column);
        return raw != null ? DateTimes.as(raw, zone, type) : real.get();
    }

    @Override
    public java.sql.Date getDate(int column) throws SQLException {
        return time(column, java.sql.Date.class, () -> real.getDate(column));
    }

    @Override
    public java.sql.Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public java.sql.Date getDate(int column, Calendar cal) throws SQLException {
        return time(column, java.sql.Date.class, () -> real.getDate(column, cal));
    }

    @Override
    public java.sql.Date getDate(String label, Calendar cal) throws SQLException {
        return getDate(findColumn(label), cal);
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        return time(column, Timestamp.class, () -> real.getTimestamp(column));
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar cal) throws SQLException {
        return time(column, Timestamp.class, () -> real.getTimestamp(column, cal));
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label), cal);
    }

    @Override
    public Time getTime(int column) throws SQLException {
        return time(column, Time.class, () -> real.getTime(column));
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Time getTime(int column, Calendar cal) throws SQLException {
        return time(column, Time.class, () -> real.getTime(column, cal));
    }

    @Override
    public Time getTime(String label, Calendar cal) throws SQLException {
        return getTime(findColumn(label), cal);
    }
}
