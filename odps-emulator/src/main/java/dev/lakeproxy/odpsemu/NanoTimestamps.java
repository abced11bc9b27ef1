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
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.postgresql.util.PGobject;

/**
 * MaxCompute's TIMESTAMP keeps nine fractional digits ("TIMESTAMP ... range 0000-01-01
 * 00:00:00.000000000 to 9999-12-31 23:59:59.999999999", MaxCompute "Data types (MaxCompute V2.0
 * data type edition)"); PostgreSQL's timestamp keeps six. TIMESTAMP values are therefore stored as
 * the composite {@code mc.ts9 (micros timestamp(6), nanos smallint)}: the value cut to microseconds
 * plus the three digits after them.
 *
 * <p>The type compares in time order (its own operators, and the record order for ORDER BY, GROUP
 * BY and DISTINCT), casts implicitly to timestamp (so PostgreSQL's date functions and comparisons
 * with DATETIME values work, at microsecond precision), and reads and writes text as MaxCompute
 * shows it ({@code 2022-07-10 10:10:00.123456789}). Known limits: MIN/MAX and functions on
 * TIMESTAMP values see microseconds; CASE/UNION mixing TIMESTAMP and DATETIME branches is refused.
 */
public final class NanoTimestamps {

    /** The PostgreSQL type that stores a MaxCompute TIMESTAMP. */
    public static final String PG_TYPE = "mc.ts9";

    private static final String CUT_TO_MICROS =
            "CAST(regexp_replace($1, '(\\.[0-9]{6})[0-9]+', '\\1') AS timestamp(6))";
    private static final String NANOS_AFTER_MICROS =
            "CAST(rpad(coalesce(substring($1 from '\\.[0-9]{6}([0-9]{1,3})'), ''), 3, '0')"
                    + " AS smallint)";

    private static final String[] DEFINITIONS = {
        "CREATE TYPE mc.ts9 AS (micros timestamp(6), nanos smallint)",
        // text -> TIMESTAMP: up to nine digits kept, the rest cut (never rounded)
        "CREATE FUNCTION mc.ts9_of(text) RETURNS mc.ts9 LANGUAGE sql IMMUTABLE STRICT"
                + " AS $$ SELECT ROW("
                + CUT_TO_MICROS + ", " + NANOS_AFTER_MICROS + ")::mc.ts9 $$",
        "CREATE FUNCTION mc.ts9_of(timestamp) RETURNS mc.ts9 LANGUAGE sql IMMUTABLE STRICT"
                + " AS $$ SELECT ROW($1, 0)::mc.ts9 $$",
        "CREATE FUNCTION mc.ts9_of(date) RETURNS mc.ts9 LANGUAGE sql IMMUTABLE STRICT"
                + " AS $$ SELECT ROW(CAST($1 AS timestamp), 0)::mc.ts9 $$",
        "CREATE FUNCTION mc.ts9_micros(mc.ts9) RETURNS timestamp LANGUAGE sql IMMUTABLE STRICT"
                + " AS $$ SELECT ($1).micros $$",
        "CREATE FUNCTION mc.ts9_date(mc.ts9) RETURNS date LANGUAGE sql IMMUTABLE STRICT"
                + " AS $$ SELECT CAST(($1).micros AS date) $$",
        // as MaxCompute shows it: trailing zeros of the fraction dropped, no fraction when zero
        "CREATE FUNCTION mc.ts9_text(mc.ts9) RETURNS text LANGUAGE sql IMMUTABLE STRICT"
                + " AS $$ SELECT"
                + " rtrim(rtrim(to_char(($1).micros, 'YYYY-MM-DD HH24:MI:SS.US')"
                + " || lpad(($1).nanos::text, 3, '0'), '0'), '.') $$",
        "CREATE CAST (text AS mc.ts9) WITH FUNCTION mc.ts9_of(text)",
        "CREATE CAST (varchar AS mc.ts9) WITH FUNCTION mc.ts9_of(text)",
        "CREATE CAST (timestamp AS mc.ts9) WITH FUNCTION mc.ts9_of(timestamp) AS ASSIGNMENT",
        "CREATE CAST (date AS mc.ts9) WITH FUNCTION mc.ts9_of(date) AS ASSIGNMENT",
        "CREATE CAST (mc.ts9 AS timestamp) WITH FUNCTION mc.ts9_micros(mc.ts9) AS IMPLICIT",
        "CREATE CAST (mc.ts9 AS date) WITH FUNCTION mc.ts9_date(mc.ts9)",
        "CREATE CAST (mc.ts9 AS text) WITH FUNCTION mc.ts9_text(mc.ts9)",
    };

    /** Comparison operators between two TIMESTAMPs, so that none is ambiguous with timestamp's. */
    private static final String[][] OPERATORS = {
        {"=", "eq"}, {"<>", "ne"}, {"<", "lt"}, {"<=", "le"}, {">", "gt"}, {">=", "ge"},
    };

    private NanoTimestamps() {}

    static void install(Statement st) throws SQLException {
        for (String definition : DEFINITIONS) {
            st.execute(definition);
        }
        for (String[] op : OPERATORS) {
            st.execute("CREATE FUNCTION mc.ts9_" + op[1] + "(mc.ts9, mc.ts9) RETURNS boolean"
                    + " LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ROW(($1).micros, ($1).nanos) "
                    + op[0] + " ROW(($2).micros, ($2).nanos) $$");
            st.execute("CREATE OPERATOR mc." + op[0] + " (LEFTARG = mc.ts9, RIGHTARG = mc.ts9,"
                    + " FUNCTION = mc.ts9_" + op[1] + ")");
        }
    }

    /** A value read from PostgreSQL, with a stored TIMESTAMP turned into a nanosecond Timestamp. */
    static Object fromPg(Object v) {
        if (!(v instanceof PGobject) || !((PGobject) v).getType().endsWith("ts9")) {
            return v;
        }
        String s = ((PGobject) v).getValue();
        if (s == null) {
            return null;
        }
        // ("2022-07-10 10:10:00.123456",789)
        int comma = s.lastIndexOf(',');
        String micros = s.substring(1, comma).replace("\"", "");
        int nanos = Integer.parseInt(s.substring(comma + 1, s.length() - 1).trim());
        LocalDateTime ldt = Timestamp.valueOf(micros).toLocalDateTime();
        return Timestamp.valueOf(ldt.withNano(ldt.getNano() + nanos));
    }
}
