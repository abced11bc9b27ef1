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
package dev.lakeproxy.core.sql;

import dev.lakeproxy.spi.sql.SqlText;
import dev.lakeproxy.spi.sql.StatementKind;
import java.util.Locale;
import java.util.Map;

/**
 * A statement's kind from its first keyword; a SELECT or WITH is a read only when the parse says
 * so.
 */
final class StatementKinds {

    private static final Map<String, StatementKind> BY_KEYWORD =
            Map.ofEntries(
                    Map.entry("insert", StatementKind.WRITE),
                    Map.entry("update", StatementKind.WRITE),
                    Map.entry("delete", StatementKind.WRITE),
                    Map.entry("merge", StatementKind.WRITE),
                    Map.entry("copy", StatementKind.WRITE),
                    Map.entry("upsert", StatementKind.WRITE),
                    Map.entry("create", StatementKind.DDL),
                    Map.entry("alter", StatementKind.DDL),
                    Map.entry("drop", StatementKind.DDL),
                    Map.entry("truncate", StatementKind.DDL),
                    Map.entry("grant", StatementKind.DDL),
                    Map.entry("revoke", StatementKind.DDL),
                    Map.entry("comment", StatementKind.DDL),
                    Map.entry("import", StatementKind.DDL),
                    Map.entry("refresh", StatementKind.DDL),
                    Map.entry("reindex", StatementKind.DDL),
                    Map.entry("vacuum", StatementKind.DDL),
                    Map.entry("analyze", StatementKind.DDL),
                    Map.entry("begin", StatementKind.TRANSACTION),
                    Map.entry("start", StatementKind.TRANSACTION),
                    Map.entry("commit", StatementKind.TRANSACTION),
                    Map.entry("end", StatementKind.TRANSACTION),
                    Map.entry("rollback", StatementKind.TRANSACTION),
                    Map.entry("abort", StatementKind.TRANSACTION),
                    Map.entry("savepoint", StatementKind.TRANSACTION),
                    Map.entry("release", StatementKind.TRANSACTION),
                    Map.entry("prepare", StatementKind.TRANSACTION),
                    Map.entry("set", StatementKind.SESSION),
                    Map.entry("reset", StatementKind.SESSION),
                    Map.entry("show", StatementKind.SESSION),
                    Map.entry("discard", StatementKind.SESSION));

    private StatementKinds() {
    }

    static StatementKind of(String sql, boolean parsedAsRead) {
        if (parsedAsRead) {
            return StatementKind.READ;
        }
        int i = SqlText.firstTokenStart(sql);
        int end = i;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        StatementKind k = BY_KEYWORD.get(sql.substring(i, end).toLowerCase(Locale.ROOT));
        return k == null ? StatementKind.OTHER : k;
    }
}
