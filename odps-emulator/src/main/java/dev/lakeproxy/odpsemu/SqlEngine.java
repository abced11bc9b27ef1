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

import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.complex.ComplexCarriers;
import dev.lakeproxy.odpsemu.external.TablestoreWriters;
import dev.lakeproxy.odpsemu.sql.AlterTableStatements;
import dev.lakeproxy.odpsemu.sql.CreateTableStatement;
import dev.lakeproxy.odpsemu.sql.DdlStatements;
import dev.lakeproxy.odpsemu.sql.InsertStatements;
import dev.lakeproxy.odpsemu.sql.MultiInsert;
import dev.lakeproxy.odpsemu.sql.SchemaStatements;
import dev.lakeproxy.odpsemu.sql.ShowStatements;
import dev.lakeproxy.odpsemu.sql.SqlCursor;
import dev.lakeproxy.odpsemu.sql.SqlLexer;
import dev.lakeproxy.odpsemu.sql.SqlStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Runs MaxCompute SQL on the embedded PostgreSQL, one job at a time and each job atomically. DDL,
 * SHOW, DESC and INSERT go to their statements (MaxCompute semantics: partitions, lifecycle,
 * external tables, Paimon and Tablestore rules); queries are translated by {@link
 * dev.lakeproxy.odpsemu.sql.SqlTranslator} and run as they are. Each helper gets only what it uses,
 * wired here.
 */
public final class SqlEngine {

    final JobTransaction tx;
    final ProjectAdmin projects;
    public final TableStorage storage;
    private final TablestoreShadows shadows;
    private final NameResolver names;
    private final Privileges privileges;
    private final QueryRunner queries;
    private final DdlStatements ddl;
    private final ShowStatements shows;
    private final InsertStatements inserts;

    /**
     * @param owner the principal that owns the projects it creates
     */
    SqlEngine(
            Catalog catalog,
            Connection pg,
            ZoneId zone,
            TablestoreWriters tablestore,
            String owner) {
        this.tx = new JobTransaction(pg);
        this.names = new NameResolver(catalog);
        this.privileges = new Privileges(catalog);
        ComplexCarriers complex = new ComplexCarriers(tx);
        // the storage and project locks are this engine's: reads outside a job wait for it
        this.storage = new TableStorage(pg, this, complex);
        this.projects = new ProjectAdmin(catalog, tx, this, owner);
        this.shadows = new TablestoreShadows(tablestore.store(), storage);
        this.queries = new QueryRunner(names, privileges, complex, shadows, pg, tx, zone);
        this.ddl =
                new DdlStatements(
                        new SchemaStatements(names, privileges, projects),
                        new CreateTableStatement(
                                names, privileges, queries, tablestore.store(), storage, tx, zone),
                        new AlterTableStatements(names, privileges, storage, tx));
        this.shows = new ShowStatements(names, privileges, storage);
        this.inserts =
                new InsertStatements(names, privileges, queries, tablestore, storage, zone);
    }

    /** Work on PostgreSQL and the catalog that must happen entirely or not at all. */
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs a job's statements as one transaction: a failing job changes nothing. */
    public JobResult run(JobContext ctx, String script) {
        return atomically(
                () -> {
                    JobResult last = new JobResult();
                    for (String stmt : SqlLexer.splitStatements(script)) {
                        last = runOne(ctx, stmt);
                    }
                    return last;
                });
    }

    public synchronized <T> T atomically(Work<T> work) {
        boolean done = false;
        try {
            tx.begin();
            T result = work.run();
            tx.commit();
            done = true;
            return result;
        } catch (SQLException e) {
            throw PgErrors.translate(e);
        } finally {
            if (!done) {
                tx.rollback();
                shadows.forget();
            }
        }
    }

    /** Brings a Tablestore external table's shadow up to date for a read outside any job. */
    public synchronized void refreshShadow(Table t) {
        try {
            shadows.refresh(t);
        } catch (SQLException e) {
            throw PgErrors.translate(e);
        }
    }

    private JobResult runOne(JobContext ctx, String sql) {
        SqlCursor c = new SqlCursor(sql);
        try {
            if (c.acceptWord("SET")) {
                set(ctx, c.rest());
                return new JobResult();
            }
            if (c.peekWord("CREATE")) {
                return ddl.create(ctx, c);
            }
            if (c.acceptWord("DROP")) {
                return ddl.drop(ctx, c);
            }
            if (c.acceptWord("SHOW")) {
                return shows.show(ctx, c);
            }
            if (c.peekWord("DESC") || c.peekWord("DESCRIBE")) {
                c.next();
                return shows.describe(ctx, c);
            }
            if (c.peekWord("INSERT")) {
                return inserts.insert(ctx, c);
            }
            if (c.acceptWord("TRUNCATE")) {
                c.acceptWord("TABLE");
                Table t = names.requireTable(ctx, c.qualifiedName());
                privileges.check(
                        ctx, t.project, t.schema, "UPDATE", "TABLE " + t.schema + "." + t.name);
                storage.deleteAll(t);
                return new JobResult();
            }
            if (c.acceptWord("ALTER")) {
                return ddl.alter(ctx, c);
            }
            if (c.peekWord("USE")) {
                c.next();
                if (c.acceptWord("SCHEMA")) {
                    String s = c.ident();
                    names.requireSchema(ctx.project, s);
                    ctx.schema = s;
                    return new JobResult();
                }
                throw new OdpsSqlException(
                        "ODPS-0130161", "[1,1] Parse exception - USE is a client-side command");
            }
            if (c.peekWord("WITH")) {
                int main = SqlStatements.mainStatementPos(c);
                if (main >= 0 && sql.regionMatches(true, main, "INSERT", 0, 6)) {
                    return inserts.insertWith(ctx, sql, main);
                }
            }
            if (c.peekWord("FROM") && MultiInsert.matches(c.toks)) {
                return inserts.multiInsert(ctx, c);
            }
            if (c.peekWord("SELECT")
                    || c.peekWord("WITH")
                    || c.peekWord("VALUES")
                    || c.peekWord("FROM")
                    || (c.peek() != null && c.peek().isOp("("))) {
                return queries.query(ctx, sql);
            }
            throw new OdpsSqlException(
                    "ODPS-0130161", "[1,1] Parse exception - invalid token '" + c.near() + "'");
        } catch (SQLException e) {
            throw PgErrors.translate(e);
        }
    }

    /** {@code SET k=v}: a job setting; the schema settings change the name resolution too. */
    private void set(JobContext ctx, String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String k = kv.substring(0, eq).trim();
        String v = kv.substring(eq + 1).trim();
        ctx.settings.put(k, v);
        if (k.equalsIgnoreCase("odps.namespace.schema")) {
            ctx.namespace = Boolean.parseBoolean(v);
        } else if (k.equalsIgnoreCase("odps.default.schema")) {
            names.requireSchema(ctx.project, v.toLowerCase(Locale.ROOT));
            ctx.schema = v.toLowerCase(Locale.ROOT);
        }
    }
}
