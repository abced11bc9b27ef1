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

import com.aliyun.odps.data.Struct;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A complex value as the text result (CSV) of a query shows it: the way MaxCompute's function
 * pages print results, e.g. {@code [k11, 86]} (ARRAY), {@code {k11:86, k21:15}} (MAP), {@code
 * {col1:a, col2:123}} (STRUCT), as one quoted CSV field.
 */
public final class ComplexText {

    private ComplexText() {}

    public static String csvField(Object sdkValue) {
        if (sdkValue == null) {
            return "NULL";
        }
        return '"' + display(sdkValue).replace("\"", "\"\"") + '"';
    }

    static String display(Object v) {
        if (v == null) {
            return "NULL";
        }
        StringBuilder b = new StringBuilder();
        if (v instanceof List) {
            b.append('[');
            for (Object e : (List<?>) v) {
                b.append(b.length() == 1 ? "" : ", ").append(display(e));
            }
            return b.append(']').toString();
        }
        if (v instanceof Map) {
            b.append('{');
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                b.append(b.length() == 1 ? "" : ", ");
                b.append(display(e.getKey())).append(':').append(display(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (v instanceof Struct) {
            Struct s = (Struct) v;
            b.append('{');
            for (int i = 0; i < s.getFieldCount(); i++) {
                b.append(i == 0 ? "" : ", ");
                b.append(s.getFieldName(i)).append(':').append(display(s.getFieldValue(i)));
            }
            return b.append('}').toString();
        }
        return v instanceof BigDecimal ? ((BigDecimal) v).toPlainString() : v.toString();
    }
}
