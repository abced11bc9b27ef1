package dev.lakeproxy.odps;

import dev.lakeproxy.spi.RewriteContext;
import dev.lakeproxy.spi.StatementRule;
import java.sql.SQLException;

/**
 * INSERT ... SELECT into a Tablestore external table: the rows are scattered with {@code DISTRIBUTE BY rand()}
 * (seed: "We recommend that you use DISTRIBUTE BY rand() to first scatter the data"), in the form that is valid
 * for the query's shape ({@link ScatterForm}). VALUES, already distributed queries and other targets are left alone.
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
        return FirstKeyword.of(sql) == FirstKeyword.INSERT;
    }

    @Override
    public void rewrite(RewriteContext ctx) throws SQLException {
        String sql = ctx.sql();
        InsertStatement ins = state.scan(sql).insert();
        TableMeta meta = ins == null ? null : state.table(ins.target);
        if (meta == null || !meta.isTablestore()) {
            return;
        }
        String target = "Tablestore target " + meta.qualifiedName();
        if (!enabled) {
            ctx.note(target + ": not scattered (lakeproxy.odps.tablestoreScatter=off)");
        } else if (ins.values) {
            ctx.note(target + ": VALUES insert, left as written");
        } else if (ins.distributed) {
            ctx.note(target + ": the query already has DISTRIBUTE BY / CLUSTER BY, left as written");
        } else {
            ScatterForm form = ScatterForm.choose(sql, ins);
            if (form.sql == null) {
                ctx.note(target + ": not scattered: " + form.why);
                state.context.counter("odps.tablestoreNotScattered").increment();
                return;
            }
            ctx.rewrite(form.sql, target + ": rows scattered with DISTRIBUTE BY rand() (" + form.kind + " form: "
                    + form.why
                    + "), so input sorted by the primary key does not land on one Tablestore partition "
                    + "(MaxCompute documentation, Tablestore external tables: scatter with DISTRIBUTE BY rand())");
            state.context.counter("odps.tablestoreScattered").increment();
        }
    }
}
