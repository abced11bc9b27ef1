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

import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.data.Struct;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.type.ArrayTypeInfo;
import com.aliyun.odps.type.MapTypeInfo;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoParser;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.util.PGobject;

/**
 * ARRAY, MAP and STRUCT values. PostgreSQL stores them as JSON text (arrays as JSON arrays, maps as
 * arrays of [key, value] pairs, structs as arrays of field values); the declared type in the
 * catalog turns the text back into the SDK's values (List, Map, SimpleStruct) for the tunnels.
 */
public final class ComplexValues {

    private ComplexValues() {}

    public static boolean isComplex(String odpsType) {
        String t = odpsType.toUpperCase(Locale.ROOT);
        return t.startsWith("ARRAY<") || t.startsWith("MAP<") || t.startsWith("STRUCT<");
    }

    /** An SDK value as the JSON text stored in PostgreSQL. */
    public static String toText(Object v, String odpsType) {
        return toJson(v, TypeInfoParser.getTypeInfoFromTypeString(odpsType)).toString();
    }

    /** The stored JSON text as the SDK value of the declared type. */
    public static Object fromText(Object stored, String odpsType) {
        String text =
                stored instanceof PGobject
                        ? ComplexCarriers.singleField(((PGobject) stored).getValue())
                        : stored.toString();
        if (text == null) {
            return null;
        }
        JsonElement e = new JsonParser().parse(text);
        return fromJson(e, TypeInfoParser.getTypeInfoFromTypeString(odpsType));
    }

    private static JsonElement toJson(Object v, TypeInfo type) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        JsonArray a = new JsonArray();
        switch (type.getOdpsType()) {
            case ARRAY:
                for (Object o : (List<?>) v) {
                    a.add(toJson(o, ((ArrayTypeInfo) type).getElementTypeInfo()));
                }
                return a;
            case MAP:
                MapTypeInfo m = (MapTypeInfo) type;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    JsonArray pair = new JsonArray();
                    pair.add(toJson(e.getKey(), m.getKeyTypeInfo()));
                    pair.add(toJson(e.getValue(), m.getValueTypeInfo()));
                    a.add(pair);
                }
                return a;
            case STRUCT:
                StructTypeInfo s = (StructTypeInfo) type;
                List<Object> values = ((Struct) v).getFieldValues();
                for (int i = 0; i < values.size(); i++) {
                    a.add(toJson(values.get(i), s.getFieldTypeInfos().get(i)));
                }
                return a;
            case BOOLEAN:
                return new JsonPrimitive((Boolean) v);
            default:
                return new JsonPrimitive(
                        v instanceof BigDecimal ? ((BigDecimal) v).toPlainString() : v.toString());
        }
    }

    private static Object fromJson(JsonElement e, TypeInfo type) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        switch (type.getOdpsType()) {
            case ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonElement x : e.getAsJsonArray()) {
                    list.add(fromJson(x, ((ArrayTypeInfo) type).getElementTypeInfo()));
                }
                return list;
            case MAP:
                MapTypeInfo m = (MapTypeInfo) type;
                Map<Object, Object> map = new LinkedHashMap<>();
                for (JsonElement x : e.getAsJsonArray()) {
                    JsonArray pair = x.getAsJsonArray();
                    map.put(
                            fromJson(pair.get(0), m.getKeyTypeInfo()),
                            fromJson(pair.get(1), m.getValueTypeInfo()));
                }
                return map;
            case STRUCT:
                StructTypeInfo s = (StructTypeInfo) type;
                List<Object> fields = new ArrayList<>();
                JsonArray values = e.getAsJsonArray();
                for (int i = 0; i < values.size(); i++) {
                    fields.add(fromJson(values.get(i), s.getFieldTypeInfos().get(i)));
                }
                return new SimpleStruct(s, fields);
            default:
                return primitive(e.getAsString(), type);
        }
    }

    private static Object primitive(String s, TypeInfo type) {
        switch (type.getOdpsType()) {
            case TINYINT:
                return Byte.valueOf(s);
            case SMALLINT:
                return Short.valueOf(s);
            case INT:
                return Integer.valueOf(s);
            case BIGINT:
                return Long.valueOf(s);
            case FLOAT:
                return Float.valueOf(s);
            case DOUBLE:
                return Double.valueOf(s);
            case DECIMAL:
                return new BigDecimal(s);
            case BOOLEAN:
                return Boolean.valueOf(s);
            case VARCHAR:
                return new Varchar(s);
            case CHAR:
                return new Char(s);
            case DATE:
                return LocalDate.parse(s);
            default:
                return s;
        }
    }
}
