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

import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.parser.Token;

/**
 * Maps JSqlParser's token positions (1-based line and column) to offsets in the original text, so
 * that a rewrite can splice the original instead of printing the AST.
 */
public final class SqlPositions {

    private final String sql;
    private final int[] lineStarts;

    public SqlPositions(String sql) {
        this.sql = sql;
        int lines = 1;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines];
        int line = 1;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
    }

    /** The offset of the first character of {@code token}. */
    public int begin(Token token) {
        return offset(token.beginLine, token.beginColumn);
    }

    /** The offset just after the last character of {@code token}. */
    public int end(Token token) {
        return offset(token.endLine, token.endColumn) + 1;
    }

    /**
     * The {@code [begin, end)} span of a parsed node, or {@code null} when the parser kept no
     * tokens for it.
     */
    public int[] span(ASTNodeAccess node) {
        SimpleNode ast = node.getASTNode();
        if (ast == null || ast.jjtGetFirstToken() == null || ast.jjtGetLastToken() == null) {
            return null;
        }
        return new int[] {begin(ast.jjtGetFirstToken()), end(ast.jjtGetLastToken())};
    }

    /**
     * The {@code [begin, end)} span of a table's (possibly qualified, possibly quoted) name,
     * without its alias, or {@code null} when the parser kept no position for it.
     */
    public int[] nameSpan(net.sf.jsqlparser.schema.Table table) {
        int[] node = span(table);
        if (node == null) {
            return null;
        }
        int i = node[0];
        while (true) {
            i = skipIdentifier(i);
            int next = skipBlanks(i);
            if (next < sql.length() && sql.charAt(next) == '.') {
                i = skipBlanks(next + 1);
            } else {
                return new int[] {node[0], i};
            }
        }
    }

    private int skipIdentifier(int i) {
        if (i >= sql.length()) {
            return i;
        }
        char c = sql.charAt(i);
        char close = c == '"' ? '"' : c == '`' ? '`' : c == '[' ? ']' : 0;
        if (close != 0) {
            int j = i + 1;
            while (j < sql.length()) {
                if (sql.charAt(j) == close) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == close && close != ']') {
                        j += 2; // doubled quote inside a quoted name
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return j;
        }
        int j = i;
        while (j < sql.length()
                && (Character.isLetterOrDigit(sql.charAt(j))
                        || sql.charAt(j) == '_'
                        || sql.charAt(j) == '$')) {
            j++;
        }
        return j;
    }

    private int skipBlanks(int i) {
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    public String text(int[] span) {
        return sql.substring(span[0], span[1]);
    }

    private int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length) {
            throw new IllegalArgumentException("line " + line + " outside the text");
        }
        return Math.min(sql.length(), lineStarts[line - 1] + column - 1);
    }
}
