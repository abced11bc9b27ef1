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

import static dev.lakeproxy.odpsemu.complex.ComplexArgTypes.NULL_TYPE;

import com.aliyun.odps.type.ArrayTypeInfo;
import com.aliyun.odps.type.MapTypeInfo;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoParser;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.complex.ComplexExpressions.Typed;
import dev.lakeproxy.odpsemu.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of one complex-type call, its argument types known: the value's stored JSON built by
 * PostgreSQL, wrapped in the carrier of the call's MaxCompute type. Rules per function are in the
 * README ("Complex types in SQL") with their MaxCompute doc pages.
 */
final class ComplexCalls {

    static final String DEDUP_POLICY = "odps.sql.map.key.dedup.policy";

    /** jsonb_build_array takes at most 100 arguments: longer lists are concatenated. */
    private static final int CHUNK = 50;

    private final ComplexCarriers carriers;
    private final String policy;

    ComplexCalls(ComplexCarriers carriers, String policy) {
        this.carriers = carriers;
        this.policy = policy;
    }

    /** {@code odps.sql.map.key.dedup.policy}: {@code last_win} (default) or {@code exception}. */
    static String dedupPolicy(Map<String, String> settings) {
        String p = settings.getOrDefault(DEDUP_POLICY, "last_win").trim().toLowerCase(Locale.ROOT);
        if (!p.equals("last_win") && !p.equals("exception")) {
            throw semantic("invalid value '" + p + "' for " + DEDUP_POLICY);
        }
        return p;
    }

    /** SIZE and ARRAY_CONTAINS: their result type does not depend on the argument types. */
    static Typed untyped(String function, List<Typed> args) {
        if (function.equals("SIZE")) {
            if (args.size() != 1) {
                throw semantic("function size takes one argument");
            }
            return new Typed("size(" + args.get(0).text + ")", "INT");
        }
        if (args.size() != 2) {
            throw semantic("function array_contains takes an array and a value");
        }
        return new Typed(
                "mc.odps_array_contains(CAST((" + args.get(0).text + ").j AS jsonb), CAST("
                        + args.get(1).text + " AS STRING))",
                "BOOLEAN");
    }

    Typed build(String function, List<Typed> args, List<String> types) {
        switch (function) {
            case "ARRAY":
                return array(args, types);
            case "MAP":
                return map(args, types);
            case "STRUCT":
                return struct(args, types, null);
            case "NAMED_STRUCT":
                return namedStruct(args, types);
            case "MAP_KEYS":
            case "MAP_VALUES":
                return mapPart(args, types, function.equals("MAP_KEYS"));
            case "COLLECT_LIST":
            case "COLLECT_SET":
                return collect(args, types, function.equals("COLLECT_SET"));
            default:
                return mapFromEntries(args, types);
        }
    }

    private Typed mapPart(List<Typed> args, List<String> types, boolean keys) {
        TypeInfo t = args.size() != 1 || types.get(0).equals(NULL_TYPE)
                ? null
                : TypeInfoParser.getTypeInfoFromTypeString(types.get(0));
        if (!(t instanceof MapTypeInfo)) {
            throw semantic("function map_" + (keys ? "keys" : "values") + " takes one map");
        }
        MapTypeInfo m = (MapTypeInfo) t;
        TypeInfo part = keys ? m.getKeyTypeInfo() : m.getValueTypeInfo();
        return carried(
                "ARRAY<" + part.getTypeName() + ">",
                "mc.odps_map_part(CAST((" + args.get(0).text + ").j AS jsonb), "
                        + (keys ? 0 : 1)
                        + ")");
    }

    /** COLLECT_LIST / COLLECT_SET: NULLs are left out; no value at all is an empty array. */
    private Typed collect(List<Typed> args, List<String> types, boolean distinct) {
        if (args.size() != 1) {
            throw semantic("function collect_list/collect_set takes one argument");
        }
        String element = element(types.get(0).equals(NULL_TYPE) ? "STRING" : types.get(0));
        String agg =
                "jsonb_agg(" + (distinct ? "DISTINCT " : "") + json(args.get(0), element)
                        + ") FILTER (WHERE (" + args.get(0).text + ") IS NOT NULL)";
        return carried(
                "ARRAY<" + element + ">",
                "CAST(coalesce(" + agg + ", CAST('[]' AS jsonb)) AS STRING)");
    }

    private Typed array(List<Typed> args, List<String> types) {
        if (args.isEmpty()) {
            throw semantic("function array needs at least one argument");
        }
        String element = element(ComplexArgTypes.unify("array", types));
        List<String> json = new ArrayList<>();
        for (Typed a : args) {
            json.add(json(a, element));
        }
        return carried("ARRAY<" + element + ">", "CAST(" + jsonArray(json) + " AS STRING)");
    }

    private Typed map(List<Typed> args, List<String> types) {
        if (args.isEmpty() || args.size() % 2 != 0) {
            throw semantic("function map needs key-value pairs");
        }
        List<String> keyTypes = new ArrayList<>();
        List<String> valueTypes = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            (i % 2 == 0 ? keyTypes : valueTypes).add(types.get(i));
        }
        String key = element(ComplexArgTypes.unify("map", keyTypes));
        if (ComplexValues.isComplex(key)) {
            throw semantic("map keys must be of a primitive type, not " + key);
        }
        String value = element(ComplexArgTypes.unify("map", valueTypes));
        if (value.startsWith("DECIMAL")) {
            throw semantic("map values may be of any type except DECIMAL, not " + value);
        }
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            keys.add(json(args.get(i), key));
            values.add(json(args.get(i + 1), value));
        }
        return carried(
                "MAP<" + key + "," + value + ">",
                "mc.odps_map("
                        + jsonArray(keys)
                        + ", "
                        + jsonArray(values)
                        + ", '"
                        + policy
                        + "')");
    }

    private Typed struct(List<Typed> values, List<String> types, List<String> names) {
        if (values.isEmpty()) {
            throw semantic("function struct needs at least one argument");
        }
        StringBuilder type = new StringBuilder("STRUCT<");
        List<String> json = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String t = element(types.get(i).equals(NULL_TYPE) ? "STRING" : types.get(i));
            String name = names == null ? "col" + (i + 1) : names.get(i);
            type.append(i == 0 ? "" : ",").append(name).append(':').append(t);
            json.add(json(values.get(i), t));
        }
        return carried(type.append('>').toString(), "CAST(" + jsonArray(json) + " AS STRING)");
    }

    private Typed namedStruct(List<Typed> args, List<String> types) {
        if (args.isEmpty() || args.size() % 2 != 0) {
            throw semantic("function named_struct needs name-value pairs");
        }
        List<String> names = new ArrayList<>();
        List<Typed> values = new ArrayList<>();
        List<String> valueTypes = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            names.add(constantString(args.get(i), types.get(i), "named_struct field names"));
            values.add(args.get(i + 1));
            valueTypes.add(types.get(i + 1));
        }
        return struct(values, valueTypes, names);
    }

    private Typed mapFromEntries(List<Typed> args, List<String> types) {
        if (args.isEmpty() || args.size() > 2) {
            throw semantic("function map_from_entries takes an optional policy and an array");
        }
        String dedup = policy;
        if (args.size() == 2) {
            dedup =
                    constantString(args.get(0), types.get(0), "mapDupKeyPolicy")
                            .toLowerCase(Locale.ROOT);
            if (!dedup.equals("last_win") && !dedup.equals("exception")) {
                throw semantic("mapDupKeyPolicy must be last_win or exception, not " + dedup);
            }
        }
        Typed entries = args.get(args.size() - 1);
        String type = types.get(types.size() - 1);
        TypeInfo t = type.equals(NULL_TYPE) ? null : TypeInfoParser.getTypeInfoFromTypeString(type);
        TypeInfo element =
                t instanceof ArrayTypeInfo ? ((ArrayTypeInfo) t).getElementTypeInfo() : null;
        if (!(element instanceof StructTypeInfo)
                || ((StructTypeInfo) element).getFieldCount() != 2) {
            throw semantic("map_from_entries needs an array of two-field structs, not " + type);
        }
        List<TypeInfo> kv = ((StructTypeInfo) element).getFieldTypeInfos();
        return carried(
                "MAP<" + kv.get(0).getTypeName() + "," + kv.get(1).getTypeName() + ">",
                "mc.odps_map_entries(CAST((" + entries.text + ").j AS jsonb), '" + dedup + "')");
    }

    /** A value inside a complex one, as jsonb of its stored form. */
    private static String json(Typed arg, String type) {
        if (NULL_TYPE.equals(arg.type)) {
            return "CAST(NULL AS jsonb)";
        }
        if (ComplexValues.isComplex(type)) {
            return "CAST((" + arg.text + ").j AS jsonb)";
        }
        return "to_jsonb(CAST(" + arg.text + " AS " + type + "))";
    }

    private static String jsonArray(List<String> items) {
        if (items.isEmpty()) {
            return "CAST('[]' AS jsonb)";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i += CHUNK) {
            out.append(i == 0 ? "" : " || ").append("jsonb_build_array(");
            out.append(String.join(", ", items.subList(i, Math.min(items.size(), i + CHUNK))));
            out.append(')');
        }
        return out.toString();
    }

    /** The carrier of {@code type} around the text of the value's stored JSON. */
    private Typed carried(String type, String jsonText) {
        String canonical = ComplexCarriers.canonical(type);
        String carrier = carriers.ensure(canonical);
        return new Typed("CAST(ROW(" + jsonText + ") AS `" + carrier + "`)", canonical);
    }

    /**
     * Element types the stored JSON form reads back faithfully; DATETIME, TIMESTAMP and BINARY
     * elements are refused rather than returned wrong.
     */
    private static String element(String type) {
        String base = type.toUpperCase(Locale.ROOT);
        if (base.startsWith("DATETIME") || base.startsWith("TIMESTAMP") || base.equals("BINARY")) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - "
                            + type
                            + " values inside ARRAY, MAP or STRUCT values are not supported by"
                            + " the emulator");
        }
        return type;
    }

    private static String constantString(Typed arg, String type, String what) {
        String text = arg.text.trim();
        boolean quoted =
                text.length() >= 2
                        && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                        && text.charAt(text.length() - 1) == text.charAt(0);
        if (!"STRING".equals(type) || !quoted) {
            throw semantic(what + " must be string constants");
        }
        return SqlLexer.lex(text).get(0).value;
    }

    private static OdpsSqlException semantic(String message) {
        return new OdpsSqlException(
                "ODPS-0130071", "[1,1] Semantic analysis exception - " + message);
    }
}
