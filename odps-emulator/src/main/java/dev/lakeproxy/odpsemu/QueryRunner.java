package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.SqlEngine.Context;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs a translated query on PostgreSQL and turns its rows into MaxCompute record values and text.
 */
final class QueryRunner {

    private final SqlEngine engine;
    private final Map<String, Long> shadowVersions = new HashMap<>();

    QueryRunner(SqlEngine engine) {
        this.engine = engine;
    }

    JobResult query(Context ctx, String sql) throws SQLException {
        SqlStatements.requireReadOnly(sql);
        String checked = QueryShapeRules.apply(sql, ctx.settings);
        Set<Table> seen = new LinkedHashSet<>();
        SqlTranslator.Result tr =
                SqlTranslator.translate(checked, engine.names.resolver(ctx, seen));
        prepareReads(ctx, seen);
        JobResult r = new JobResult();
        r.distributeBy = tr.distributeBy;
        setSearchPath(ctx);
        String complex =
                ComplexExpressions.toPostgres(
                        checked,
                        ctx.settings,
                        engine.complex,
                        engine.pg,
                        q -> SqlTranslator.translate(q, engine.names.resolver(ctx, seen)).sql);
        List<Object[]> raw = new ArrayList<>();
        try (Statement st = engine.pg.createStatement();
                ResultSet rs = st.executeQuery(complex != null ? complex : tr.sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = engine.complex.unwrap(NanoTimestamps.fromPg(rs.getObject(i + 1)));
                }
                raw.add(row);
            }
            r.columns = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 1; i <= n; i++) {
                boolean integral = true;
                for (Object[] row : raw) {
                    if (row[i - 1] instanceof BigDecimal) {
                        BigDecimal b = (BigDecimal) row[i - 1];
                        if (b.stripTrailingZeros().scale() > 0
                                || b.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                            integral = false;
                        }
                    }
                }
                String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                if (name.equals("?column?") || names.contains(name)) {
                    name = "_c" + (i - 1);
                }
                names.add(name);
                String declared = DeclaredTypes.of(md, i, seen);
                if (declared == null) {
                    declared = engine.complex.odpsTypeOf(md.getColumnTypeName(i));
                }
                r.columns.add(
                        new String[] {
                            name,
                            declared != null ? declared : OdpsValues.odpsTypeOf(md, i, integral)
                        });
            }
        }
        ZoneId zone = jobZone(ctx);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < r.columns.size(); i++) {
            text.append(i == 0 ? "" : ",").append('"').append(r.columns.get(i)[0]).append('"');
        }
        text.append('\n');
        for (Object[] row : raw) {
            Object[] out = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                out[i] = OdpsValues.toRecordValue(row[i], r.columns.get(i)[1], zone);
                text.append(i == 0 ? "" : ",")
                        .append(
                                ComplexValues.isComplex(r.columns.get(i)[1])
                                        ? ComplexText.csvField(out[i])
                                        : OdpsValues.text(row[i]));
            }
            text.append('\n');
            r.rows.add(out);
        }
        r.text = text.toString();
        return r;
    }

    /** Permission checks and Tablestore shadow refresh for the tables a query reads. */
    void prepareReads(Context ctx, Set<Table> tables) throws SQLException {
        for (Table t : tables) {
            engine.checkPrivilege(ctx, t.project, t.schema, "SELECT", "TABLE " + t.schema + "." + t.name);
            if (t.isTablestore()) {
                refreshShadow(t);
            }
        }
    }

    /** The job's {@code odps.sql.timezone}, else the project's: DATETIME values are in it. */
    ZoneId jobZone(Context ctx) {
        String zone = ctx.settings.get("odps.sql.timezone");
        try {
            return zone == null ? engine.emu.zone() : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - invalid time zone " + zone);
        }
    }

    void setSearchPath(Context ctx) throws SQLException {
        Schema s = ctx.project.schemas.get(ctx.schema);
        String pgSchema =
                s != null ? s.pgSchema() : Catalog.pgSchemaName(ctx.project.name, ctx.schema);
        // mc before pg_catalog: MaxCompute's functions win over PostgreSQL's of the same name
        engine.exec("SET search_path TO " + Catalog.quote(pgSchema) + ", mc, pg_catalog, public");
        engine.exec("SET TIME ZONE " + SqlTranslator.pgString(jobZone(ctx).getId()));
    }

    // ---------------------------------------------------------------- Tablestore shadow

    /**
     * Copies the simulated Tablestore rows into the external table's PostgreSQL shadow for reading.
     */
    /** After a rollback the shadow tables may be stale: refresh them on the next read. */
    void forgetShadows() {
        shadowVersions.clear();
    }

    void refreshShadow(Table t) throws SQLException {
        String ots = t.serdeProperties.get(TablestoreRules.TABLE_NAME);
        SimulatedTablestore store = engine.emu.tablestore();
        if (!store.tableExists(ots)) {
            throw TablestoreRules.missingTable(ots);
        }
        SimulatedTablestore.Table st = store.table(ots);
        String key = t.fullName();
        long v = st.version.get();
        Long seen = shadowVersions.get(key);
        if (seen != null && seen == v) {
            return;
        }
        engine.exec("DELETE FROM " + t.pgQualified());
        List<Object[]> rows = TablestoreRules.readRows(store, t);
        engine.storage.insertRows(t, t.columns, rows, null);
        shadowVersions.put(key, v);
    }
}
