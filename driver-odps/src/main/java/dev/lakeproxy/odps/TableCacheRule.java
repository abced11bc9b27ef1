package dev.lakeproxy.odps;

import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.StatementRule;

/**
 * CREATE, DROP and ALTER through lakeproxy: the server's cached table metadata is forgotten once
 * they succeed.
 */
final class TableCacheRule implements StatementRule {

    private final SessionState state;

    TableCacheRule(SessionState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return "odps.tableCache";
    }

    @Override
    public boolean interested(String sql) {
        return FirstKeyword.of(sql).isDdl();
    }

    @Override
    public void afterExecute(ExecutionContext ctx) {
        if (!ctx.isDryRun()) {
            state.forgetTables();
        }
    }
}
