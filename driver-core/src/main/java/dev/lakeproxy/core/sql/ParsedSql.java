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

import dev.lakeproxy.spi.sql.ParsedStatement;
import dev.lakeproxy.spi.sql.SqlText;
import dev.lakeproxy.spi.sql.StatementKind;
import dev.lakeproxy.spi.sql.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The result of parsing one SQL text: the JSqlParser statement, or nothing when JSqlParser could
 * not parse it (then the SQL passes through untouched). Shared through the cache: treat the AST as
 * read-only. Plugins see it as a {@link ParsedStatement}, in the SPI's own types.
 */
public final class ParsedSql implements ParsedStatement {

    private final String sql;
    private final Statement statement;
    private final String failure;
    private volatile StatementKind kind;

    ParsedSql(String sql, Statement statement, String failure) {
        this.sql = sql;
        this.statement = statement;
        this.failure = failure;
    }

    @Override
    public String sql() {
        return sql;
    }

    /** The parsed statement, or {@code null} when the SQL could not be parsed. */
    public Statement statement() {
        return statement;
    }

    @Override
    public boolean isParsed() {
        return statement != null;
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public StatementKind kind() {
        StatementKind k = kind;
        if (k == null) {
            kind = k = StatementKinds.of(sql, isRead());
        }
        return k;
    }

    @Override
    public List<TableName> tables() {
        List<Table> found = jsqlTables();
        if (found == null) {
            return null;
        }
        List<TableName> names = new ArrayList<>(found.size());
        SqlPositions positions = positions();
        for (Table t : found) {
            TableName name =
                    TableName.of(
                            t.getDatabase() == null ? null : t.getDatabase().getDatabaseName(),
                            t.getSchemaName(),
                            t.getName());
            int[] span = positions.nameSpan(t);
            names.add(span == null ? name : name.at(span[0], span[1]));
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * Every table the statement names (with repeats), or {@code null} when that cannot be known:
     * the text did not parse, or JSqlParser's finder fails on this statement kind. {@code null}
     * means "pass it through".
     */
    public List<Table> jsqlTables() {
        if (statement == null) {
            return null;
        }
        List<Table> found = new ArrayList<>();
        try {
            new TablesNamesFinder<Void>() {
                @Override
                public <S> Void visit(Table table, S context) {
                    found.add(table);
                    return super.visit(table, context);
                }
            }.getTables(statement);
        } catch (RuntimeException finderLimit) {
            // JSqlParser's finder does not cover every statement (and has bugs): do not guess
            return null;
        }
        return Collections.unmodifiableList(found);
    }

    /**
     * Whether the statement only reads: a SELECT (or a WITH ... SELECT) with no data-modifying
     * part, no {@code SELECT INTO}, and no locking clause. Running a read twice loses and repeats
     * nothing, so it is the only kind of statement a plugin may retry. Unparsed SQL is not a read.
     */
    public boolean isRead() {
        if (!(statement instanceof net.sf.jsqlparser.statement.select.Select)) {
            return false;
        }
        String deparsed;
        try {
            // only inspected, never sent: rewrites splice the original text
            deparsed = statement.toString();
        } catch (RuntimeException e) {
            return false;
        }
        // string literals cannot modify anything: drop them before looking for the words that can
        String upper =
                deparsed.replaceAll("'(?:[^']|'')*'", "''").toUpperCase(java.util.Locale.ROOT);
        for (String word :
                new String[] {
                    "INSERT",
                    "UPDATE",
                    "DELETE",
                    "MERGE",
                    "INTO",
                    "FOR UPDATE",
                    "FOR SHARE",
                    "FOR NO KEY UPDATE",
                    "FOR KEY SHARE",
                    "NEXTVAL",
                    "SETVAL",
                    "SET_CONFIG",
                    "PG_ADVISORY"
                }) {
            if (SqlText.containsWord(upper, word)) {
                return false;
            }
        }
        return true;
    }

    /** The position helper for this text. */
    public SqlPositions positions() {
        return new SqlPositions(sql);
    }
}
