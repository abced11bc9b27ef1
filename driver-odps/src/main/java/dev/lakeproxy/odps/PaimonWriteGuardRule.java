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
package dev.lakeproxy.odps;

import dev.lakeproxy.spi.RewriteContext;
import dev.lakeproxy.spi.StatementRule;
import java.sql.SQLException;

/**
 * Refuses, before a job is submitted, an INSERT (or a MULTI INSERT branch) into a Paimon table
 * MaxCompute cannot write (seed: "Writing to Dynamic Bucket tables is not supported." and "Writing
 * to Cross Partition tables is not supported.").
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
        return FirstKeyword.of(sql).isInsert();
    }

    @Override
    public void rewrite(RewriteContext ctx) throws SQLException {
        ScannedSql scanned = state.scan(ctx.sql());
        InsertStatement ins = scanned.insert();
        if (ins != null) {
            refuseUnwritable(ins, ctx);
            return;
        }
        MultiInsertStatement multi = scanned.multiInsert();
        if (multi != null) {
            for (InsertStatement branch : multi.branches) { // MULTI INSERT: every destination
                refuseUnwritable(branch, ctx);
            }
        }
    }

    /**
     * A target whose metadata cannot be read goes on unchecked, and the statement's warning says
     * so.
     */
    private void refuseUnwritable(InsertStatement ins, RewriteContext ctx) throws SQLException {
        TableMeta meta = state.table(ins.target, ctx::warn);
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
        throw OdpsMessages.M.create(
                "0A000",
                "odps.paimon.crossPartition",
                meta.qualifiedName(),
                meta.primaryKey(),
                problem.substring(problem.indexOf(':') + 1));
    }
}
