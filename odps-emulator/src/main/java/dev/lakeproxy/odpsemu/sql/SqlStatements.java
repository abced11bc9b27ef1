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

import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Token;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Statement shapes the engine recognises before running anything. */
public final class SqlStatements {

    /** Words that start a data or metadata change: never part of a query sent to PostgreSQL. */
    private static final Set<String> WRITE_WORDS =
            new HashSet<>(
                    Arrays.asList(
                            "INSERT",
                            "UPDATE",
                            "DELETE",
                            "MERGE",
                            "CREATE",
                            "DROP",
                            "ALTER",
                            "TRUNCATE",
                            "COPY",
                            "GRANT",
                            "REVOKE",
                            "CALL",
                            "DO",
                            "LOCK",
                            "VACUUM"));

    private SqlStatements() {}

    /**
     * For {@code WITH name AS (...)[, ...] <main>}: the text position of the main statement's first
     * word (the first word at parenthesis depth 0 after the CTE list), or -1.
     */
    public static int mainStatementPos(SqlCursor c) {
        int depth = 0;
        boolean afterBody = false;
        for (int k = c.i + 1; k < c.toks.size(); k++) {
            Token t = c.toks.get(k);
            if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")")) {
                depth--;
                afterBody = depth == 0;
            } else if (depth == 0 && afterBody && t.kind == Kind.WORD && !t.isWord("AS")) {
                return t.pos;
            } else if (depth == 0 && t.isOp(",")) {
                afterBody = false;
            }
        }
        return -1;
    }

    /**
     * Refuses a query that contains a write (a data-modifying CTE, for example): writes go only
     * through INSERT, where the Tablestore and Paimon rules apply.
     */
    public static void requireReadOnly(String sql) {
        List<Token> toks = SqlLexer.significant(SqlLexer.lex(sql));
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            // a statement starts the text, a parenthesis (CTE body) or follows a CTE list
            boolean startsStatement =
                    i == 0 || toks.get(i - 1).isOp("(") || toks.get(i - 1).isOp(")");
            if (startsStatement && t.kind == Kind.WORD && WRITE_WORDS.contains(t.value)) {
                throw new OdpsSqlException(
                        "ODPS-0130161",
                        "[1,1] Parse exception - invalid token '"
                                + t.text
                                + "': a query cannot write; use INSERT INTO|OVERWRITE TABLE");
            }
        }
    }
}
