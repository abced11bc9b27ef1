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
package dev.lakeproxy.odps;

import dev.lakeproxy.spi.sql.SqlText;

/**
 * The one first-keyword dispatch of the plugin: what kind of MaxCompute statement a text is,
 * decided lexically (after blanks and comments) without parsing or allocating. Every rule's {@code
 * interested()} asks here.
 */
enum FirstKeyword {
    INSERT, MULTI_INSERT, CREATE, DROP, ALTER, USE_SCHEMA, OTHER;

    /**
     * The kind from the first keyword; {@code SET k=v; ... INSERT} and {@code WITH ... INSERT} are
     * INSERTs, and {@code FROM src INSERT ...} is MaxCompute's MULTI INSERT (a FROM-first query
     * without the word INSERT is OTHER).
     */
    static FirstKeyword of(String sql) {
        int i = SqlText.firstTokenStart(sql);
        if (SqlText.keywordAt(sql, i, "INSERT")) {
            return INSERT;
        }
        if (SqlText.keywordAt(sql, i, "FROM") && SqlText.containsWord(sql, "INSERT")) {
            return MULTI_INSERT;
        }
        if (SqlText.keywordAt(sql, i, "CREATE")) {
            return CREATE;
        }
        if (SqlText.keywordAt(sql, i, "DROP")) {
            return DROP;
        }
        if (SqlText.keywordAt(sql, i, "ALTER")) {
            return ALTER;
        }
        if (SqlText.keywordAt(sql, i, "USE") && SqlText.containsWord(sql, "SCHEMA")) {
            return USE_SCHEMA;
        }
        if ((SqlText.keywordAt(sql, i, "SET") || SqlText.keywordAt(sql, i, "WITH"))
                && SqlText.containsWord(sql, "INSERT")) {
            // odps-jdbc sends leading SET lines as settings; MaxCompute documents WITH ... INSERT
            return INSERT;
        }
        return OTHER;
    }

    /** Whether the statement writes rows: an INSERT or a MULTI INSERT. */
    boolean isInsert() {
        return this == INSERT || this == MULTI_INSERT;
    }

    /**
     * Whether the statement changes table definitions, so cached table metadata must be forgotten
     * after it.
     */
    boolean isDdl() {
        return this == CREATE || this == DROP || this == ALTER;
    }
}
