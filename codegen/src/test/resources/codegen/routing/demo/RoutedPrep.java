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

/** A wrapper written as lakeproxy's are: the accessors and the hooks; the routing is generated. */
final class RoutedPrep implements PrepRouting {
    private final Prep real;
    private final List<String> log;
    private final long interest;

    RoutedPrep(Prep real, List<String> log, long interest) {
        this.real = real;
        this.log = log;
        this.interest = interest;
    }

    @Override
    public Prep prepDelegate() {
        return real;
    }

    @Override
    public Stmt stmtDelegate() {
        return real;
    }

    @Override
    public String routedSql() {
        return "prepared sql";
    }

    @Override
    public long routeInterest(String sql) {
        log.add("interest " + sql);
        return interest;
    }

    @Override
    public <T> T routeRecover(String sql, boolean prepared, SQLException error, Call<T> call)
            throws SQLException {
        log.add("recover " + sql + " prepared=" + prepared + " " + error.getMessage());
        return call.run(sql);
    }

    @Override
    public <T> T routePipeline(String sql, boolean prepared, long bits, Call<T> call)
            throws SQLException {
        log.add("pipeline " + sql + " prepared=" + prepared + " interest=" + bits);
        return call.run("rewritten");
    }

    @Override
    public ResultSet routedResult(ResultSet resultSet) {
        log.add("wrapped");
        return resultSet;
    }
}
