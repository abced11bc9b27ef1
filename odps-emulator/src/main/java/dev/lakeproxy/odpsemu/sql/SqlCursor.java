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
import java.util.ArrayList;
import java.util.List;

/** A cursor over the significant tokens of one statement, for the hand-written DDL/DML parsers. */
public final class SqlCursor {
    final String sql;
    public final List<Token> toks;
    int i;

    public SqlCursor(String sql) {
        this.sql = sql;
        this.toks = SqlLexer.significant(SqlLexer.lex(sql));
    }

    boolean atEnd() {
        return i >= toks.size();
    }

    public Token peek() {
        return i < toks.size() ? toks.get(i) : null;
    }

    Token peek(int ahead) {
        return i + ahead < toks.size() ? toks.get(i + ahead) : null;
    }

    public Token next() {
        if (atEnd()) {
            throw parseError("unexpected end of statement");
        }
        return toks.get(i++);
    }

    public boolean peekWord(String w) {
        Token t = peek();
        return t != null && t.isWord(w);
    }

    public boolean acceptWord(String w) {
        if (peekWord(w)) {
            i++;
            return true;
        }
        return false;
    }

    boolean acceptWords(String... ws) {
        for (int k = 0; k < ws.length; k++) {
            Token t = peek(k);
            if (t == null || !t.isWord(ws[k])) {
                return false;
            }
        }
        i += ws.length;
        return true;
    }

    void expectWord(String w) {
        if (!acceptWord(w)) {
            throw parseError("expecting " + w + " near '" + near() + "'");
        }
    }

    boolean acceptOp(String o) {
        Token t = peek();
        if (t != null && t.isOp(o)) {
            i++;
            return true;
        }
        return false;
    }

    void expectOp(String o) {
        if (!acceptOp(o)) {
            throw parseError("expecting '" + o + "' near '" + near() + "'");
        }
    }

    public String ident() {
        Token t = next();
        if (!t.isIdent()) {
            throw parseError("expecting an identifier near '" + t.text + "'");
        }
        return t.ident();
    }

    /** A dotted name of 1 to 3 parts. */
    public List<String> qualifiedName() {
        List<String> parts = new ArrayList<>();
        parts.add(ident());
        while (peek() != null && peek().isOp(".")) {
            i++;
            parts.add(ident());
        }
        return parts;
    }

    String string() {
        Token t = next();
        if (t.kind != Kind.STRING) {
            throw parseError("expecting a string literal near '" + t.text + "'");
        }
        return t.value;
    }

    /** Raw source text from the current token to the end of the statement. */
    public String rest() {
        return atEnd() ? "" : sql.substring(peek().pos).trim();
    }

    public String near() {
        return atEnd() ? "<EOF>" : peek().text;
    }

    int line() {
        Token t = peek();
        int pos = t == null ? sql.length() : t.pos;
        int line = 1;
        for (int k = 0; k < pos; k++) {
            if (sql.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    OdpsSqlException parseError(String msg) {
        return new OdpsSqlException("ODPS-0130161", "[" + line() + ",1] Parse exception - " + msg);
    }
}
