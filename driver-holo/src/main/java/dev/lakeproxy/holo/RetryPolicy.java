package dev.lakeproxy.holo;

import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.sql.ParsedStatement;
import java.sql.SQLException;

/**
 * When a retry loses and repeats nothing: every statement of the string is a read, in autocommit,
 * first try.
 */
final class RetryPolicy {

    private RetryPolicy() {
    }

    static boolean safe(ExecutionContext ctx) throws SQLException {
        if (ctx.isRetry() || !ctx.autoCommit()) {
            return false;
        }
        for (ParsedStatement p : ctx.analysis().parseEach(ctx.sql())) {
            if (!p.kind().isRead()) {
                return false; // a write, DDL, transaction control or anything unsure
            }
        }
        return true;
    }
}
