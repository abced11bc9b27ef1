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

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * MaxCompute built-in functions that PostgreSQL lacks, created in schema {@code mc} (on every
 * query's search path). Each query runs with PostgreSQL's {@code TimeZone} set to the job's {@code
 * odps.sql.timezone} (the project's by default), so GETDATE and FROM_UNIXTIME answer in it.
 */
final class MaxComputeFunctions {

    /**
     * DATETIME keeps milliseconds: further fraction digits are cut (never rounded) before
     * PostgreSQL reads them.
     */
    private static final String CUT_TO_MILLIS =
            "regexp_replace($1, ''(\\.[0-9]{3})[0-9]+'', ''\\1'')";

    private static final String[] DEFINITIONS = {
        "rand() RETURNS double precision LANGUAGE sql VOLATILE AS 'SELECT random()'",
        "rand(bigint) RETURNS double precision LANGUAGE sql VOLATILE AS 'SELECT random()'",
        "getdate() RETURNS timestamp(3) LANGUAGE sql STABLE AS 'SELECT localtimestamp(3)'",
        "nvl(anyelement, anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE"
                + " AS 'SELECT coalesce($1, $2)'",
        "\"if\"(boolean, anyelement, anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE"
                + " AS 'SELECT CASE WHEN $1 THEN $2 ELSE $3 END'",
        "tolower(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower($1)'",
        "toupper(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper($1)'",
        // DATETIME('...') and TIMESTAMP('...'), written as calls (SqlTranslator renames them)
        "odps_datetime(text) RETURNS timestamp(3) LANGUAGE sql IMMUTABLE"
                + " AS 'SELECT CAST("
                + CUT_TO_MILLIS
                + " AS timestamp(3))'",
        "odps_timestamp(text) RETURNS mc.ts9 LANGUAGE sql IMMUTABLE AS 'SELECT mc.ts9_of($1)'",
        // FROM_UNIXTIME(seconds): DATETIME in the job's time zone
        "from_unixtime(bigint) RETURNS timestamp(3) LANGUAGE sql STABLE"
                + " AS 'SELECT CAST(to_timestamp($1) AT TIME ZONE current_setting(''TimeZone'')"
                + " AS timestamp(3))'",
        // TO_DATE(string, format): DATETIME; MaxCompute's yyyy mm dd hh mi ss ff3 to PostgreSQL's
        "odps_format(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT"
            + " replace(replace(replace(replace(replace(replace(replace($1, ''yyyy'', ''YYYY''),"
            + " ''mm'', ''MM''), ''dd'', ''DD''), ''hh'', ''HH24''), ''mi'', ''MI''), ''ss'',"
            + " ''SS''), ''ff3'', ''MS'')'",
        "to_date(text, text) RETURNS timestamp(3) LANGUAGE sql STABLE"
                + " AS 'SELECT CAST(to_timestamp($1, mc.odps_format($2)) AS timestamp(3))'",
        "unix_timestamp(timestamp) RETURNS bigint LANGUAGE sql STABLE AS 'SELECT CAST(extract(epoch"
                + " FROM $1 AT TIME ZONE current_setting(''TimeZone'')) AS bigint)'",
    };

    private MaxComputeFunctions() {}

    static void install(Connection pg) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
            st.execute("CREATE SCHEMA mc");
            NanoTimestamps.install(st);
            for (String definition : DEFINITIONS) {
                st.execute("CREATE FUNCTION mc." + definition);
            }
        }
    }
}
