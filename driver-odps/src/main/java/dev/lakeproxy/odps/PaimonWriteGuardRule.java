package dev.lakeproxy.odps;

import dev.lakeproxy.spi.RewriteContext;
import dev.lakeproxy.spi.StatementRule;
import java.sql.SQLException;

/**
 * Refuses, before a job is submitted, an INSERT into a Paimon table MaxCompute cannot write (seed: "Writing to
 * Dynamic Bucket tables is not supported." and "Writing to Cross Partition tables is not supported.").
 */
final class PaimonWriteGuardRule implements StatementRule {

    private final SessionState state;

    PaimonWriteGuardRule(SessionState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return "odps.paimonWriteGuard";
    }

    @Override
    public boolean interested(String sql) {
        return FirstKeyword.of(sql) == FirstKeyword.INSERT;
    }

    @Override
    public void rewrite(RewriteContext ctx) throws SQLException {
        InsertStatement ins = state.scan(ctx.sql()).insert();
        TableMeta meta = ins == null ? null : state.table(ins.target);
        String problem = meta == null ? null : meta.paimonWriteProblem();
        if (problem == null) {
            return;
        }
        state.context.counter("odps.paimonWriteRefused").increment();
        if (problem.equals("dynamicBucket")) {
            throw OdpsMessages.M.create("0A000", "odps.paimon.dynamicBucket", meta.qualifiedName(),
                    meta.bucket() == null ? "unset" : meta.bucket(),
                    meta.primaryKey().isEmpty() ? "none" : meta.primaryKey());
        }
        throw OdpsMessages.M.create("0A000", "odps.paimon.crossPartition", meta.qualifiedName(), meta.primaryKey(),
                problem.substring(problem.indexOf(':') + 1));
    }
}
