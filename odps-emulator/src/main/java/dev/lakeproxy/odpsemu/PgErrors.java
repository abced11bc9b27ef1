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

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's errors as the MaxCompute errors a client would get for the same mistake. */
public final class PgErrors {

    private static final Pattern PG_RELATION =
            Pattern.compile("relation \"([^\"]+)\" does not exist");
    private static final Pattern PG_GROUP_BY =
            Pattern.compile("column \"([^\"]+)\" must appear in the GROUP BY clause");
    private static final Pattern PG_COLUMN =
            Pattern.compile("column \"?([^\"]+)\"? does not exist");

    private PgErrors() {}

    public static OdpsSqlException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String msg =
                e.getMessage() == null
                        ? ""
                        : e.getMessage().replaceAll("\\s*Position: \\d+", "").trim();
        msg = msg.replaceFirst("^ERROR: ", "");
        if (state.equals("42P01")) {
            Matcher m = PG_RELATION.matcher(msg);
            String name = m.find() ? m.group(1).replace('$', '.') : msg;
            return new OdpsSqlException(
                    "ODPS-0130131",
                    "[1,1] Table not found - table " + name + " cannot be resolved");
        }
        if (state.equals("42703")) {
            Matcher m = PG_COLUMN.matcher(msg);
            String name = m.find() ? m.group(1) : msg;
            return new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - column " + name + " cannot be resolved");
        }
        if (state.equals("42803")) {
            // group.by.with.star and any column outside the GROUP BY key
            Matcher m = PG_GROUP_BY.matcher(msg);
            String name = m.find() ? m.group(1) : msg;
            return new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - column reference "
                            + name
                            + " should appear in GROUP BY key");
        }
        if (state.equals("42601")) {
            return new OdpsSqlException("ODPS-0130161", "[1,1] Parse exception - " + msg);
        }
        if (state.startsWith("22")) {
            return new OdpsSqlException("ODPS-0123091", "Illegal type cast - " + msg);
        }
        return new OdpsSqlException("ODPS-0130071", "[1,1] Semantic analysis exception - " + msg);
    }
}
