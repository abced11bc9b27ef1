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
package demo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The real statement: logs each call; fails its first SQL-running call when told to. */
final class RealPrep implements Prep {
    private final List<String> log;
    private boolean failNext;

    RealPrep(List<String> log, boolean failFirst) {
        this.log = log;
        this.failNext = failFirst;
    }

    private void ran(String what) throws SQLException {
        log.add("real " + what);
        if (failNext) {
            failNext = false;
            throw new SQLException("boom", "XX000");
        }
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        ran("execute " + sql);
        return true;
    }

    @Override
    public long executeLarge(String sql, int keys) throws SQLException {
        ran("executeLarge " + sql + " " + keys);
        return 5L;
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        ran("executeQuery " + sql);
        return null;
    }

    @Override
    public int[] executeBatch() throws SQLException {
        ran("executeBatch");
        return new int[0];
    }

    @Override
    public int executeTimes(int times) throws SQLException {
        ran("executeTimes " + times);
        return times;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        ran("addBatch " + sql);
    }

    @Override
    public void close() throws SQLException {
        ran("close");
    }

    @Override
    public int executeUpdate() throws SQLException {
        ran("executeUpdate");
        return 3;
    }

    @Override
    public void setInt(int index, int value) throws SQLException {
        ran("setInt " + index + " " + value);
    }
}
