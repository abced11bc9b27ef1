package dev.lakeproxy.odpsemu;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL helpers (schema {@code mc}) behind MaxCompute's complex-type functions. Values are in
 * their stored JSON form (ComplexValues): an array is a JSON array, a map a JSON array of [key,
 * value] pairs, a struct a JSON array of field values. {@link ComplexExpressions} calls them.
 */
final class ComplexFunctions {

    private static final String[] DEFINITIONS = {
        // MAP(k1, v1, ...) and MAP_FROM_ENTRIES: pairs in first-seen key order; a repeated key
        // keeps the last value (last_win) or fails (exception); a NULL key fails
        "odps_map(k jsonb, v jsonb, policy text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$"
                + " DECLARE out jsonb := '[]'; pos int;"
                + " BEGIN"
                + "  FOR i IN 0 .. jsonb_array_length(k) - 1 LOOP"
                + "   IF k->i IS NULL OR k->i = 'null'::jsonb THEN"
                + "    RAISE EXCEPTION 'map key must not be NULL';"
                + "   END IF;"
                + "   pos := NULL;"
                + "   FOR j IN 0 .. jsonb_array_length(out) - 1 LOOP"
                + "    IF out->j->>0 = k->>i THEN pos := j; END IF;"
                + "   END LOOP;"
                + "   IF pos IS NULL THEN"
                + "    out := out || jsonb_build_array(jsonb_build_array(k->i, v->i));"
                + "   ELSIF lower(policy) = 'exception' THEN"
                + "    RAISE EXCEPTION 'duplicate map key %', k->>i;"
                + "   ELSE"
                + "    out := jsonb_set(out, ARRAY[pos::text, '1'], v->i);"
                + "   END IF;"
                + "  END LOOP;"
                + "  RETURN out::text;"
                + " END $$",
        // MAP_FROM_ENTRIES(array<struct<K, V>>): NULL for a NULL array (STRICT)
        "odps_map_entries(e jsonb, policy text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS"
                + " 'SELECT mc.odps_map(coalesce(jsonb_agg(x->0 ORDER BY n), ''[]''),"
                + " coalesce(jsonb_agg(x->1 ORDER BY n), ''[]''), $2)"
                + " FROM jsonb_array_elements($1) WITH ORDINALITY AS a(x, n)'",
        // SIZE of a table column (stored JSON text) and of a value built in SQL (a carrier)
        "size(text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT"
                + " AS 'SELECT json_array_length($1::json)'",
        "size(anyelement) RETURNS integer LANGUAGE sql IMMUTABLE STRICT"
                + " AS 'SELECT json_array_length(($1).j::json)'",
    };

    private ComplexFunctions() {}

    static void install(Connection pg) throws SQLException {
        try (Statement st = pg.createStatement()) {
            for (String definition : DEFINITIONS) {
                st.execute("CREATE FUNCTION mc." + definition);
            }
        }
    }
}
