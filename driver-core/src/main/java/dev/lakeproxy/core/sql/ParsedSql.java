package dev.lakeproxy.core.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

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

    /**
     * Every table the statement names (with repeats), or {@code null} when that cannot be known: the text did
     * not parse, or JSqlParser's finder fails on this statement kind. {@code null} means "pass it through".
     */
    public List<Table> tables() {
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
            return null; // JSqlParser's finder does not cover every statement (and has bugs): do not guess
        }
        return Collections.unmodifiableList(found);
    }

    /**
     * Whether the statement only reads: a SELECT (or a WITH ... SELECT) with no data-modifying part, no
     * {@code SELECT INTO}, and no locking clause. Running a read twice loses and repeats nothing, so it is the
     * only kind of statement a plugin may retry. Unparsed SQL is not a read.
     */
    public boolean isRead() {
        if (!(statement instanceof net.sf.jsqlparser.statement.select.Select)) {
            return false;
        }
        String deparsed;
        try {
            deparsed = statement.toString(); // only inspected, never sent: rewrites splice the original text
        } catch (RuntimeException e) {
            return false;
        }
        // string literals cannot modify anything: drop them before looking for the words that can
        String upper = deparsed.replaceAll("'(?:[^']|'')*'", "''").toUpperCase(java.util.Locale.ROOT);
        for (String word : new String[] {"INSERT", "UPDATE", "DELETE", "MERGE", "INTO", "FOR UPDATE", "FOR SHARE",
            "FOR NO KEY UPDATE", "FOR KEY SHARE", "NEXTVAL", "SETVAL", "SET_CONFIG", "PG_ADVISORY"}) {
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
