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

import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Table;
import java.util.List;
import java.util.Map;

/** {@code SHOW CREATE TABLE}: the DDL that creates a table as it is now. */
final class CreateTableText {

    private CreateTableText() {}

    static String of(Table t) {
        StringBuilder sb = new StringBuilder("CREATE ");
        sb.append(t.external ? "EXTERNAL " : "").append("TABLE IF NOT EXISTS ");
        sb.append(t.project)
                .append(".`")
                .append(t.schema)
                .append("`.`")
                .append(t.name)
                .append("`(\n");
        columns(sb, t.columns);
        sb.append(")");
        if (t.comment != null) {
            sb.append("\nCOMMENT ").append(quote(t.comment));
        }
        if (!t.partitionColumns.isEmpty()) {
            sb.append("\nPARTITIONED BY (\n");
            columns(sb, t.partitionColumns);
            sb.append(")");
        }
        if (t.storageHandler != null) {
            sb.append("\nSTORED BY ").append(quote(t.storageHandler));
        }
        properties(sb, "\nWITH SERDEPROPERTIES (", t.serdeProperties);
        if (t.location != null) {
            sb.append("\nLOCATION ").append(quote(t.location));
        }
        properties(sb, "\nTBLPROPERTIES (", t.tblProperties);
        if (t.lifecycle != null) {
            sb.append("\nLIFECYCLE ").append(t.lifecycle);
        }
        return sb.append(";\n").toString();
    }

    private static void columns(StringBuilder sb, List<Column> cols) {
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            sb.append("  `").append(c.name).append("` ").append(c.typeText());
            if (c.comment != null) {
                sb.append(" COMMENT ").append(quote(c.comment));
            }
            sb.append(i + 1 < cols.size() ? ",\n" : "\n");
        }
    }

    private static void properties(StringBuilder sb, String head, Map<String, String> props) {
        if (props.isEmpty()) {
            return;
        }
        sb.append(head);
        int i = 0;
        for (Map.Entry<String, String> e : props.entrySet()) {
            sb.append(i++ == 0 ? "\n  " : ",\n  ").append(quote(e.getKey())).append("=");
            sb.append(quote(e.getValue()));
        }
        sb.append(")");
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
