package dev.lakeproxy.spi.sql;

import java.util.List;

/**
 * Parsing, offered to plugins after their lexical pre-check said "maybe". Results are cached by
 * text.
 */
public interface SqlAnalysis {

    /** The whole text as one statement. Never throws. */
    ParsedStatement parse(String sql);

    /**
     * Each statement of a string that may hold several ({@code SELECT 1; SELECT ...}), split
     * lexically at the semicolons outside quotes, comments and dollar quotes. A single statement
     * gives a list of one.
     */
    List<ParsedStatement> parseEach(String sql);
}
