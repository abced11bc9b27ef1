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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * INSERT ... SELECT into a Tablestore external table: the rows are scattered with {@code DISTRIBUTE
 * BY rand()} (seed: "We recommend that you use DISTRIBUTE BY rand() to first scatter the data"), in
 * the form that is valid for the query's shape ({@link ScatterForm}). A MULTI INSERT with a
 * Tablestore branch gets its shared FROM source scattered ({@link MultiInsertScatter}). VALUES,
 * already distributed queries and other targets are left alone.
 */
final class TablestoreScatterRule implements StatementRule {

    private final SessionState state;
    private final boolean enabled;

    TablestoreScatterRule(SessionState state) {
        this.state = state;
        this.enabled = "auto".equals(state.context.option(OdpsOptions.TABLESTORE_SCATTER));
    }

    @Override
    public String name() {
        return "odps.tablestoreScatter";
    }

    @Override
    public boolean interested(String sql) {
        return FirstKeyword.of(sql).isInsert();
    }

    @Override
    public void rewrite(RewriteContext ctx) {
        ScannedSql scanned = state.scan(ctx.sql());
        InsertStatement ins = scanned.insert();
        if (ins != null) {
            rewriteInsert(ctx, ins);
            return;
        }
        MultiInsertStatement multi = scanned.multiInsert(); // also after leading SET lines
        if (multi != null) {
            rewriteMultiInsert(ctx, multi);
        }
    }

    private void rewriteInsert(RewriteContext ctx, InsertStatement ins) {
        TableMeta meta = state.table(ins.target, ctx::warn);
        if (meta == null || !meta.isTablestore()) {
            return;
        }
        String target = "Tablestore target " + meta.qualifiedName();
        if (enabled && ins.values) {
            ctx.note(OdpsMessages.M.format("odps.note.valuesInsert", target));
            return;
        }
        scatter(ctx, target, ins.distributed, () -> ScatterForm.choose(ctx.sql(), ins));
    }

    /**
     * The branches share one FROM: scattering it once scatters every branch that reads it, unless
     * the branch is distributed already or gathers its rows again (ORDER BY, LIMIT: one sorted
     * stage after the scatter).
     */
    private void rewriteMultiInsert(RewriteContext ctx, MultiInsertStatement multi) {
        List<String> tablestore = new ArrayList<>();
        int spread = 0;
        int distributed = 0;
        int gathered = 0;
        for (InsertStatement branch : multi.branches) {
            TableMeta meta = state.table(branch.target, ctx::warn);
            if (meta == null || !meta.isTablestore()) {
                continue;
            }
            if (!tablestore.contains(meta.qualifiedName())) {
                tablestore.add(meta.qualifiedName());
            }
            if (!MultiInsertStatement.readsSharedSource(branch)) {
                continue;
            }
            QueryShape q = QueryShape.of(branch.tokens, branch.bodyFirst, branch.queryLast);
            if (branch.distributed) {
                distributed++;
            } else if (q.orderBy || q.limit) {
                gathered++;
            } else {
                spread++;
            }
        }
        if (tablestore.isEmpty()) {
            return;
        }
        String target = "MULTI INSERT, Tablestore target" + (tablestore.size() > 1 ? "s " : " ")
                + String.join(", ", tablestore);
        if (enabled && spread == 0 && distributed == 0) {
            notScattered(
                    ctx,
                    target,
                    gathered == 0
                            ? "every Tablestore branch has its own FROM instead of the shared"
                                  + " source; left as written"
                            : "the Tablestore branches end with ORDER BY or LIMIT, which gather"
                                  + " their rows into one stage after any scatter; left as written"
                                  + " (write such a branch as its own INSERT to have it "
                                  + "scattered)");
            return;
        }
        scatter(
                ctx,
                target,
                multi.distributed || spread == 0,
                () -> MultiInsertScatter.choose(ctx.sql(), multi));
    }

    private void scatter(
            RewriteContext ctx, String target, boolean distributed, Supplier<ScatterForm> choice) {
        if (!enabled) {
            ctx.note(OdpsMessages.M.format("odps.note.scatterOff", target));
        } else if (distributed) {
            ctx.note(OdpsMessages.M.format("odps.note.alreadyDistributed", target));
        } else {
            ScatterForm form = choice.get();
            if (form.sql == null) {
                notScattered(ctx, target, form.why);
                return;
            }
            ctx.rewrite(
                    form.sql,
                    OdpsMessages.M.format("odps.note.scattered", target, form.kind, form.why));
            state.context.counter("odps.tablestoreScattered").increment();
        }
    }

    private void notScattered(RewriteContext ctx, String target, String why) {
        ctx.note(OdpsMessages.M.format("odps.note.notScattered", target, why));
        state.context.counter("odps.tablestoreNotScattered").increment();
    }
}
