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

import com.aliyun.odps.type.ArrayTypeInfo;
import com.aliyun.odps.type.MapTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoParser;
import dev.lakeproxy.odpsemu.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The PostgreSQL statements that make one carrier type (see {@link ComplexCarriers}): the
 * composite, an assignment cast from text (rows written by INSERT and the tunnels arrive as the
 * stored JSON text), and for ARRAY and MAP the subscript function {@code mc.odps_at}, overloaded
 * per carrier so PostgreSQL knows the element's type.
 */
final class CarrierDdl {

    private CarrierDdl() {}

    /**
     * @param type canonical MaxCompute type
     * @param name the carrier's PostgreSQL name
     * @param id a number unique among carriers (names the cast function)
     * @param pgTypeOf the PostgreSQL type of an element type (a carrier for a complex one)
     */
    static List<String> statements(
            String type, String name, int id, Function<String, String> pgTypeOf) {
        String carrier = "mc." + Catalog.quote(name);
        String carry = "mc.odps_carry_" + id;
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TYPE " + carrier + " AS (j text)");
        ddl.add(
                "CREATE FUNCTION " + carry + "(text) RETURNS " + carrier
                        + " LANGUAGE sql IMMUTABLE STRICT AS 'SELECT CAST(ROW($1) AS " + carrier
                        + ")'");
        ddl.add(
                "CREATE CAST (text AS " + carrier + ") WITH FUNCTION " + carry
                        + "(text) AS ASSIGNMENT");
        TypeInfo t = TypeInfoParser.getTypeInfoFromTypeString(type);
        if (t instanceof ArrayTypeInfo) {
            // a[i]: 0-based; outside the array (or negative) is NULL
            String element = ((ArrayTypeInfo) t).getElementTypeInfo().getTypeName();
            ddl.add(
                    "CREATE FUNCTION mc.odps_at(" + carrier + ", bigint) RETURNS "
                            + pgTypeOf.apply(element) + " LANGUAGE sql IMMUTABLE STRICT AS 'SELECT "
                            + read(
                                    "CASE WHEN $2 < 0 THEN NULL"
                                            + " ELSE CAST(($1).j AS jsonb) -> CAST($2 AS int) END",
                                    element,
                                    pgTypeOf)
                            + "'");
        } else if (t instanceof MapTypeInfo) {
            // m[k]: the value of key k, NULL when absent
            MapTypeInfo m = (MapTypeInfo) t;
            String value = m.getValueTypeInfo().getTypeName();
            String key = pgTypeOf.apply(m.getKeyTypeInfo().getTypeName());
            ddl.add(
                    "CREATE FUNCTION mc.odps_at(" + carrier + ", " + key + ") RETURNS "
                            + pgTypeOf.apply(value) + " LANGUAGE sql IMMUTABLE STRICT AS 'SELECT "
                            + read(
                                    "(SELECT x -> 1"
                                            + " FROM jsonb_array_elements(CAST(($1).j AS jsonb)) x"
                                            + " WHERE x ->> 0 = CAST($2 AS text) LIMIT 1)",
                                    value,
                                    pgTypeOf)
                            + "'");
        }
        return ddl;
    }

    /** A jsonb element (expression {@code json}) as a value of MaxCompute type {@code type}. */
    private static String read(String json, String type, Function<String, String> pgTypeOf) {
        String pg = pgTypeOf.apply(type);
        if (ComplexValues.isComplex(type)) {
            return "CAST(ROW(CAST(" + json + " AS text)) AS " + pg + ")";
        }
        // a JSON string or number: its text, then the element's type
        return "CAST((" + json + ") #>> ''{}'' AS " + pg + ")";
    }
}
