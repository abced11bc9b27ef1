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
package dev.lakeproxy.odpsemu.sql;

import dev.lakeproxy.odpsemu.Catalog;
import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.JobContext;
import dev.lakeproxy.odpsemu.JobResult;
import dev.lakeproxy.odpsemu.JobTransaction;
import dev.lakeproxy.odpsemu.NameResolver;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.OdpsValues;
import dev.lakeproxy.odpsemu.Privileges;
import dev.lakeproxy.odpsemu.QueryRunner;
import dev.lakeproxy.odpsemu.SimulatedTablestore;
import dev.lakeproxy.odpsemu.TableStorage;
import dev.lakeproxy.odpsemu.external.PaimonRules;
import dev.lakeproxy.odpsemu.external.TablestoreRules;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE [EXTERNAL] TABLE}, with columns, {@code LIKE} or {@code AS} a query, partitions,
 * lifecycle, storage handler, SERDE and table properties: Tablestore tables are checked against
 * their Tablestore table, Paimon tables keep their options.
 */
public final class CreateTableStatement {

    private final NameResolver names;
    private final Privileges privileges;
    private final QueryRunner queries;
    private final SimulatedTablestore tablestore;
    private final TableStorage storage;
    private final JobTransaction tx;
    private final ZoneId zone;

    /**
     * @param queries runs the query of {@code CREATE TABLE ... AS}
     * @param tablestore the Tablestore instance external tables must name a table of
     * @param tx the job's transaction: a failing job's new table goes with it
     * @param zone the projects' time zone, which DATETIME values written are in
     */
    public CreateTableStatement(
            NameResolver names,
            Privileges privileges,
            QueryRunner queries,
            SimulatedTablestore tablestore,
            TableStorage storage,
            JobTransaction tx,
            ZoneId zone) {
        this.names = names;
        this.privileges = privileges;
        this.queries = queries;
        this.tablestore = tablestore;
        this.storage = storage;
        this.tx = tx;
        this.zone = zone;
    }

    /** After {@code CREATE}: the rest of the statement. */
    JobResult create(JobContext ctx, SqlCursor c) throws SQLException {
        boolean external = c.acceptWord("EXTERNAL");
        c.expectWord("TABLE");
        boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
        List<String> nameParts = c.qualifiedName();
        String[] n = names.resolveName(ctx, nameParts);
        Project p = names.project(n[0]);
        if (p == null) {
            throw new OdpsSqlException("ODPS-0420111", "Project not found - '" + n[0] + "'.");
        }
        Schema schema = names.requireSchema(p, n[1]);
        privileges.check(ctx, p.name, schema.name, "CREATE_TABLE", "DATABASE " + schema.name);
        if (schema.tables.containsKey(n[2])) {
            if (ifNotExists) {
                return new JobResult();
            }
            throw new OdpsSqlException(
                    "ODPS-0110061",
                    "Failed to run ddltask - Modify DDL meta encounter exception : "
                            + "ODPS-0010092:Object '"
                            + n[0]
                            + "."
                            + n[1]
                            + "."
                            + n[2]
                            + "' already exists");
        }
        List<Column> cols = new ArrayList<>();
        List<Column> parts = new ArrayList<>();
        String comment = null;
        Long lifecycle = null;
        String handler = null;
        String location = null;
        Map<String, String> serde = new LinkedHashMap<>();
        Map<String, String> tblProps = new LinkedHashMap<>();
        List<String> primaryKey = null;
        String asQuery = null;
        Table like = null;
        if (c.acceptOp("(")) {
            do {
                if (c.acceptWords("PRIMARY", "KEY")) {
                    c.expectOp("(");
                    primaryKey = new ArrayList<>();
                    do {
                        primaryKey.add(c.ident());
                    } while (c.acceptOp(","));
                    c.expectOp(")");
                    continue;
                }
                cols.add(ColumnDefinitions.columnDef(c));
            } while (c.acceptOp(","));
            c.expectOp(")");
        }
        while (!c.atEnd()) {
            if (c.acceptWord("COMMENT")) {
                comment = c.string();
            } else if (c.acceptWords("PARTITIONED", "BY")) {
                c.expectOp("(");
                do {
                    parts.add(ColumnDefinitions.columnDef(c));
                } while (c.acceptOp(","));
                c.expectOp(")");
            } else if (c.acceptWords("STORED", "BY")) {
                handler = c.string();
            } else if (c.acceptWords("STORED", "AS")) {
                c.ident();
            } else if (c.acceptWords("WITH", "SERDEPROPERTIES")) {
                serde.putAll(ColumnDefinitions.properties(c));
            } else if (c.acceptWord("LOCATION")) {
                location = c.string();
            } else if (c.acceptWord("TBLPROPERTIES")) {
                tblProps.putAll(ColumnDefinitions.properties(c));
            } else if (c.acceptWord("LIFECYCLE")) {
                lifecycle = Long.parseLong(c.next().text);
            } else if (c.acceptWord("LIKE")) {
                like = names.requireTable(ctx, c.qualifiedName());
            } else if (c.acceptWord("AS")) {
                asQuery = c.rest();
                break;
            } else {
                throw c.parseError("invalid token '" + c.near() + "'");
            }
        }
        if (primaryKey != null) {
            tblProps.put("primary-key", String.join(",", primaryKey));
        }
        if (like != null) {
            cols.addAll(like.columns);
            parts.addAll(like.partitionColumns);
        }
        JobResult ctasRows = null;
        if (asQuery != null) {
            ctasRows = queries.query(ctx, asQuery);
            for (String[] col : ctasRows.columns) {
                cols.add(new Column(col[0], col[1], -1, null));
            }
        }
        if (cols.isEmpty()) {
            throw c.parseError("a table needs at least one column");
        }
        Catalog.requireDistinctNames(cols, parts);
        if (handler != null && handler.equals(Catalog.TABLESTORE_HANDLER)) {
            TablestoreRules.validateDdl(tablestore, cols, serde, location);
        }
        Table t = new Table(p.name, schema.name, n[2], cols, parts, ctx.user.principal());
        t.pgSchema = schema.pgSchema();
        t.comment = comment;
        t.lifecycle = lifecycle;
        t.external = external || handler != null || location != null;
        t.storageHandler = handler;
        t.location = location;
        t.serdeProperties.putAll(serde);
        t.tblProperties.putAll(tblProps);
        if (p.isPaimonDlf()) {
            PaimonRules.normalizeProperties(t);
        }
        storage.createTable(t);
        schema.tables.put(t.name, t);
        tx.onRollback(() -> schema.tables.remove(t.name));
        if (ctasRows != null) {
            List<Object[]> rows = new ArrayList<>();
            for (Object[] r : ctasRows.rows) {
                Object[] o = new Object[r.length];
                for (int i = 0; i < r.length; i++) {
                    o[i] = OdpsValues.fromRecordValue(r[i], cols.get(i).type, zone);
                }
                rows.add(o);
            }
            JobResult jr = new JobResult();
            jr.outputs.put(
                    t.project + "." + t.name,
                    (long) storage.insertRows(t, t.columns, rows, null));
            return jr;
        }
        return new JobResult();
    }
}
