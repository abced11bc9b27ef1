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
package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.complex.ComplexCarriers;
import dev.lakeproxy.odpsemu.complex.ComplexExpressions;
import dev.lakeproxy.odpsemu.complex.ComplexText;
import dev.lakeproxy.odpsemu.complex.ComplexValues;
import dev.lakeproxy.odpsemu.sql.QueryShapeRules;
import dev.lakeproxy.odpsemu.sql.SqlStatements;
import dev.lakeproxy.odpsemu.sql.SqlTranslator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs a translated query on PostgreSQL and turns its rows into MaxCompute record values and text.
 */
public final class QueryRunner {

    private final NameResolver names;
    private final Privileges privileges;
    private final ComplexCarriers complex;
    private final TablestoreShadows shadows;
    private final Connection pg;
    private final JobTransaction tx;
    private final ZoneId projectZone;

    /** @param projectZone the projects' {@code odps.sql.timezone} */
    QueryRunner(
            NameResolver names,
            Privileges privileges,
            ComplexCarriers complex,
            TablestoreShadows shadows,
            Connection pg,
            JobTransaction tx,
            ZoneId projectZone) {
        this.names = names;
        this.privileges = privileges;
        this.complex = complex;
        this.shadows = shadows;
        this.pg = pg;
        this.tx = tx;
        this.projectZone = projectZone;
    }

    public JobResult query(JobContext ctx, String sql) throws SQLException {
        SqlStatements.requireReadOnly(sql);
        String checked = QueryShapeRules.apply(sql, ctx.settings);
        Set<Table> seen = new LinkedHashSet<>();
        SqlTranslator.Result tr =
                SqlTranslator.translate(checked, names.resolver(ctx, seen));
        prepareReads(ctx, seen);
        JobResult r = new JobResult();
        r.distributeBy = tr.distributeBy;
        setSearchPath(ctx);
        String rewritten =
                ComplexExpressions.toPostgres(
                        checked,
                        ctx.settings,
                        complex,
                        pg,
                        q -> SqlTranslator.translate(q, names.resolver(ctx, seen)).sql);
        List<Object[]> raw = new ArrayList<>();
        try (Statement st = pg.createStatement();
                ResultSet rs = st.executeQuery(rewritten != null ? rewritten : tr.sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = complex.unwrap(NanoTimestamps.fromPg(rs.getObject(i + 1)));
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
                    declared = complex.odpsTypeOf(md.getColumnTypeName(i));
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
    void prepareReads(JobContext ctx, Set<Table> tables) throws SQLException {
        for (Table t : tables) {
            privileges.check(
                    ctx, t.project, t.schema, "SELECT", "TABLE " + t.schema + "." + t.name);
            if (t.isTablestore()) {
                shadows.refresh(t);
            }
        }
    }

    /** The job's {@code odps.sql.timezone}, else the project's: DATETIME values are in it. */
    ZoneId jobZone(JobContext ctx) {
        String zone = ctx.settings.get("odps.sql.timezone");
        try {
            return zone == null ? projectZone : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - invalid time zone " + zone);
        }
    }

    void setSearchPath(JobContext ctx) throws SQLException {
        Schema s = ctx.project.schemas.get(ctx.schema);
        String pgSchema =
                s != null ? s.pgSchema() : Catalog.pgSchemaName(ctx.project.name, ctx.schema);
        // mc before pg_catalog: MaxCompute's functions win over PostgreSQL's of the same name
        tx.exec("SET search_path TO " + Catalog.quote(pgSchema) + ", mc, pg_catalog, public");
        tx.exec("SET TIME ZONE " + SqlTranslator.pgString(jobZone(ctx).getId()));
    }
}
