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

import dev.lakeproxy.odps.SqlTokens.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One statement text, tokenized once and shared by every rule that looks at it; what the rules read
 * from it (the INSERT's or MULTI INSERT's shape, the USE SCHEMA name) is worked out on first use
 * and kept. {@link Cache} keeps the recent texts of a connection, so a statement is tokenized at
 * most once per call and once per text while it is recent.
 */
final class ScannedSql {

    final String sql;

    /**
     * The tokens, or {@code null} when the text is not well formed (unclosed string, comment or
     * bracket).
     */
    final List<Token> tokens;

    private InsertStatement insert;
    private boolean insertRead;
    private MultiInsertStatement multiInsert;
    private boolean multiInsertRead;

    private ScannedSql(String sql) {
        this.sql = sql;
        this.tokens = SqlTokens.scan(sql);
    }

    /**
     * The INSERT's shape, or {@code null} when the text is not one INSERT this plugin understands.
     */
    synchronized InsertStatement insert() {
        if (!insertRead) {
            insert = tokens == null ? null : InsertStatement.parse(tokens);
            insertRead = true;
        }
        return insert;
    }

    /**
     * The MULTI INSERT's shape, or {@code null} when the text is not one MULTI INSERT this plugin
     * understands.
     */
    synchronized MultiInsertStatement multiInsert() {
        if (!multiInsertRead) {
            multiInsert = tokens == null ? null : MultiInsertStatement.parse(tokens);
            multiInsertRead = true;
        }
        return multiInsert;
    }

    /**
     * The schema of a {@code USE SCHEMA s [;]} statement, "" when the name is missing, {@code null}
     * for other SQL.
     */
    String useSchemaName() {
        List<Token> t = tokens;
        if (t == null || t.size() < 2 || !t.get(0).is("USE") || !t.get(1).is("SCHEMA")) {
            return null;
        }
        int n = t.size();
        while (n > 2 && t.get(n - 1).isSymbol(';')) {
            n--;
        }
        if (n == 2) {
            return "";
        }
        return n == 3 && t.get(2).isIdentifier() ? t.get(2).name() : null;
    }

    /**
     * The recent texts of one connection (bounded; the same text is scanned once while it stays
     * recent).
     */
    static final class Cache {
        private static final int SIZE = 64;
        private final Map<String, ScannedSql> recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ScannedSql> eldest) {
                return size() > SIZE;
            }
        };

        synchronized ScannedSql of(String sql) {
            ScannedSql s = recent.get(sql);
            if (s == null) {
                s = new ScannedSql(sql);
                recent.put(sql, s);
            }
            return s;
        }
    }

    /** A text scanned without a cache (tests and one-off callers). */
    static ScannedSql scan(String sql) {
        return new ScannedSql(sql);
    }
}
