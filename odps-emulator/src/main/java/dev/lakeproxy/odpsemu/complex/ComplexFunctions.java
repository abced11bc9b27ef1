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
package dev.lakeproxy.odpsemu.complex;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL helpers (schema {@code mc}) behind MaxCompute's complex-type functions. Values are in
 * their stored JSON form (ComplexValues): an array is a JSON array, a map a JSON array of [key,
 * value] pairs, a struct a JSON array of field values. {@link ComplexExpressions} calls them.
 */
public final class ComplexFunctions {

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
        // ARRAY_CONTAINS: elements compared as text (the stored form keeps numbers as text or JSON)
        "odps_array_contains(a jsonb, v text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS"
                + " 'SELECT EXISTS (SELECT 1 FROM jsonb_array_elements_text($1) e WHERE e = $2)'",
        // MAP_KEYS (part 0) and MAP_VALUES (part 1) as a JSON array; NULL for a NULL map
        "odps_map_part(m jsonb, part int) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS"
                + " 'SELECT coalesce(jsonb_agg(x->$2 ORDER BY n), ''[]'')::text"
                + " FROM jsonb_array_elements($1) WITH ORDINALITY AS a(x, n)'",
        // SIZE of any carrier (a table column or a value built in SQL)
        "size(anyelement) RETURNS integer LANGUAGE sql IMMUTABLE STRICT"
                + " AS 'SELECT json_array_length(($1).j::json)'",
    };

    private ComplexFunctions() {}

    public static void install(Connection pg) throws SQLException {
        try (Statement st = pg.createStatement()) {
            for (String definition : DEFINITIONS) {
                st.execute("CREATE FUNCTION mc." + definition);
            }
        }
    }
}
