package dev.lakeproxy.odpsemu;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * MaxCompute built-in functions that PostgreSQL lacks, created in schema {@code mc} (on every
 * query's search path).
 */
final class MaxComputeFunctions {

    private MaxComputeFunctions() {}

    static void install(Connection pg) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
            st.execute("CREATE SCHEMA mc");
            st.execute(
                    "CREATE FUNCTION mc.rand() RETURNS double precision LANGUAGE sql VOLATILE AS"
                            + " 'SELECT random()'");
            st.execute(
                    "CREATE FUNCTION mc.rand(bigint) RETURNS double precision LANGUAGE sql VOLATILE"
                            + " AS 'SELECT random()'");
            st.execute(
                    "CREATE FUNCTION mc.getdate() RETURNS timestamp(3) LANGUAGE sql STABLE AS"
                            + " 'SELECT localtimestamp(3)'");
            st.execute(
                    "CREATE FUNCTION mc.nvl(anyelement, anyelement) RETURNS anyelement LANGUAGE sql"
                            + " IMMUTABLE AS 'SELECT coalesce($1, $2)'");
            st.execute(
                    "CREATE FUNCTION mc.\"if\"(boolean, anyelement, anyelement) RETURNS anyelement"
                        + " LANGUAGE sql IMMUTABLE AS 'SELECT CASE WHEN $1 THEN $2 ELSE $3 END'");
            st.execute(
                    "CREATE FUNCTION mc.tolower(text) RETURNS text LANGUAGE sql IMMUTABLE AS"
                            + " 'SELECT lower($1)'");
            st.execute(
                    "CREATE FUNCTION mc.toupper(text) RETURNS text LANGUAGE sql IMMUTABLE AS"
                            + " 'SELECT upper($1)'");
        }
    }
}
