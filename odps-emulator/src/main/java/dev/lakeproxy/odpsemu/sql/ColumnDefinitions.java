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
package dev.lakeproxy.odpsemu.sql;

import com.aliyun.odps.type.TypeInfoParser;
import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.PgTypes;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Token;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parts of CREATE TABLE text: column definitions and {@code ('k'='v', ...)} property lists. */
final class ColumnDefinitions {

    private ColumnDefinitions() {}

    /** {@code name TYPE [(args)] [NOT NULL] [DEFAULT v] [COMMENT 'text']}. */
    static Column columnDef(SqlCursor c) {
        String name = c.ident();
        Token typeTok = c.next();
        if (typeTok.kind == Kind.WORD
                && (typeTok.isWord("ARRAY") || typeTok.isWord("MAP") || typeTok.isWord("STRUCT"))) {
            return new Column(name, complexType(c, typeTok), -1, columnComment(c));
        }
        if (typeTok.kind != Kind.WORD || !PgTypes.isTypeName(typeTok.value)) {
            throw c.parseError("unknown type '" + typeTok.text + "' for column " + name);
        }
        String type = typeTok.value.equals("INTEGER") ? "INT" : typeTok.value;
        int precision = -1;
        if (c.acceptOp("(")) {
            StringBuilder args = new StringBuilder();
            while (!c.acceptOp(")")) {
                args.append(c.next().text);
            }
            if (type.equals("TIMESTAMP")
                    || type.equals("TIMESTAMP_NTZ")
                    || type.equals("DATETIME")) {
                precision = Integer.parseInt(args.toString().trim());
                if (precision < 0 || precision > 9) {
                    throw c.parseError("TIMESTAMP precision must be between 0 and 9");
                }
            } else if (type.equals("DECIMAL")) {
                type = "DECIMAL(" + args + ")";
            } else if (type.equals("VARCHAR") || type.equals("CHAR")) {
                type = type + "(" + args + ")";
            }
        } else if (type.equals("DECIMAL")) {
            type = "DECIMAL(38,18)";
        }
        return new Column(name, type, precision, columnComment(c));
    }

    private static String columnComment(SqlCursor c) {
        String comment = null;
        while (!c.atEnd()) {
            if (c.acceptWord("COMMENT")) {
                comment = c.string();
            } else if (c.acceptWords("NOT", "NULL") || c.acceptWord("NULL")) {
                // accepted, not enforced
            } else if (c.acceptWord("DEFAULT")) {
                c.next();
            } else {
                break;
            }
        }
        return comment;
    }

    /**
     * {@code ARRAY<...>}, {@code MAP<...>}, {@code STRUCT<...>}: the type text, checked by the SDK.
     */
    private static String complexType(SqlCursor c, Token head) {
        StringBuilder type = new StringBuilder(head.value);
        int depth = 0;
        do {
            Token t = c.next();
            String text =
                    t.kind == Kind.WORD && PgTypes.isTypeName(t.value) ? t.value : t.text;
            type.append(text);
            for (char ch : t.text.toCharArray()) {
                depth += ch == '<' ? 1 : ch == '>' ? -1 : 0;
            }
        } while (depth > 0);
        try {
            TypeInfoParser.getTypeInfoFromTypeString(type.toString());
        } catch (RuntimeException e) {
            throw c.parseError("invalid type " + type + ": " + e.getMessage());
        }
        return type.toString();
    }

    static Map<String, String> properties(SqlCursor c) {
        Map<String, String> m = new LinkedHashMap<>();
        c.expectOp("(");
        if (c.acceptOp(")")) {
            return m;
        }
        do {
            String k = c.string();
            c.expectOp("=");
            String v = c.string();
            m.put(k, v);
        } while (c.acceptOp(","));
        c.expectOp(")");
        return m;
    }
}
