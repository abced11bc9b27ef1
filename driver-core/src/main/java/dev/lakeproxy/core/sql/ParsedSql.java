package dev.lakeproxy.core.sql;

import net.sf.jsqlparser.statement.Statement;

/**
 * The result of parsing one SQL text: the JSqlParser statement, or nothing when JSqlParser could not parse
 * it (then the SQL passes through untouched). Shared through the cache: treat the AST as read-only.
 */
public final class ParsedSql {

    private final String sql;
    private final Statement statement;
    private final String failure;

    ParsedSql(String sql, Statement statement, String failure) {
        this.sql = sql;
        this.statement = statement;
        this.failure = failure;
    }

    public String sql() {
        return sql;
    }

    /** The parsed statement, or {@code null} when the SQL could not be parsed. */
    public Statement statement() {
        return statement;
    }

    public boolean isParsed() {
        return statement != null;
    }

    /** Why parsing failed (first line of the parser's message), or {@code null}. */
    public String failure() {
        return failure;
    }

    /** The position helper for this text. */
    public SqlPositions positions() {
        return new SqlPositions(sql);
    }
}
