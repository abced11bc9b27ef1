package dev.lakeproxy.odpsemu;

/** Which sub queries an MCQA session runs: queries only (MCQA "usage limits"). */
final class SessionStatements {

    private SessionStatements() {}

    /**
     * True when the text is one or more queries, optionally after {@code SET} statements: every
     * statement begins with SELECT, or is a {@code WITH ...} whose main statement is a SELECT.
     */
    static boolean isQuery(String sql) {
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
}
