package dev.lakeproxy.core.sql;

import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.parser.Token;

/**
 * Maps JSqlParser's token positions (1-based line and column) to offsets in the original text, so that a
 * rewrite can splice the original instead of printing the AST.
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

    /** The {@code [begin, end)} span of a parsed node, or {@code null} when the parser kept no tokens for it. */
    public int[] span(ASTNodeAccess node) {
        SimpleNode ast = node.getASTNode();
        if (ast == null || ast.jjtGetFirstToken() == null || ast.jjtGetLastToken() == null) {
            return null;
        }
        return new int[] {begin(ast.jjtGetFirstToken()), end(ast.jjtGetLastToken())};
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
