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

import dev.lakeproxy.odpsemu.sql.SqlLexer.Token;
import java.util.List;

/** Which sub queries an MCQA session runs: queries only (MCQA "usage limits"). */
public final class SessionStatements {

    private SessionStatements() {}

    /**
     * True when the text is one or more queries, optionally after {@code SET} statements: every
     * statement begins with SELECT, or is a {@code WITH ...} whose main statement is a SELECT.
     */
    public static boolean isQuery(String sql) {
        boolean query = false;
        for (String stmt : SqlLexer.splitStatements(sql)) {
            SqlCursor c = new SqlCursor(stmt);
            if (c.peekWord("SET")) {
                continue;
            }
            if (c.peekWord("WITH")) {
                int main = SqlStatements.mainStatementPos(c);
                if (main < 0 || !stmt.regionMatches(true, main, "SELECT", 0, 6)) {
                    return false;
                }
            } else if (!c.peekWord("SELECT")) {
                return false;
            }
            query = true;
        }
        return query;
    }

    /** True when the last statement has a LIMIT of its own (outside any parenthesis). */
    public static boolean hasLimit(String sql) {
        List<String> stmts = SqlLexer.splitStatements(sql);
        if (stmts.isEmpty()) {
            return false;
        }
        int depth = 0;
        for (Token t : SqlLexer.significant(SqlLexer.lex(stmts.get(stmts.size() - 1)))) {
            if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")")) {
                depth--;
            } else if (depth == 0 && t.isWord("LIMIT")) {
                return true;
            }
        }
        return false;
    }
}
