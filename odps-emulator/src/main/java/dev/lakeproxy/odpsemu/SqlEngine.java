package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs MaxCompute SQL on the embedded PostgreSQL. DDL, SHOW, DESC and INSERT are handled here
 * (MaxCompute semantics: partitions, lifecycle, external tables, Paimon and Tablestore rules);
 * queries are translated by {@link SqlTranslator} and run as they are.
 */
final class SqlEngine {

    /** Who runs a job, where, and with which settings. */
    static final class Context {
        final Project project;
        String schema;
        boolean namespace;
        final User user;
        final Map<String, String> settings;

        Context(
                Project project,
                String schema,
                boolean namespace,
                User user,
                Map<String, String> settings) {
            this.project = project;
            this.schema = schema;
            this.namespace = namespace;
            this.user = user;
            this.settings = settings;
        }
    }

    final MaxComputeEmulator emu;
    final Connection pg;
    final JobTransaction tx;
    final NameResolver names = new NameResolver(this);
    final QueryRunner queries = new QueryRunner(this);
    final DdlStatements ddl = new DdlStatements(this);
    final ShowStatements shows = new ShowStatements(this);
    final InsertStatements inserts = new InsertStatements(this);
    final TableStorage storage = new TableStorage(this);
    final ComplexCarriers complex = new ComplexCarriers(this);
    final TablestoreWriters tablestore;

    SqlEngine(MaxComputeEmulator emu, Connection pg) {
        this.emu = emu;
        this.pg = pg;
        this.tx = new JobTransaction(pg);
        this.tablestore =
                new TablestoreWriters(
                        emu.tablestore(),
                        emu.tablestoreWriters(),
                        emu.tablestoreBatchRows(),
                        emu::recordTablestoreWrite);
    }

    Catalog catalog() {
        return emu.catalog;
    }

    /** Work on PostgreSQL and the catalog that must happen entirely or not at all. */
    interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs a job's statements as one transaction: a failing job changes nothing. */
    JobResult run(Context ctx, String script) {
        return atomically(
                () -> {
                    JobResult last = new JobResult();
                    for (String stmt : SqlLexer.splitStatements(script)) {
                        last = runOne(ctx, stmt);
                    }
                    return last;
                });
    }

    synchronized <T> T atomically(Work<T> work) {
        boolean done = false;
        try {
            tx.begin();
            T result = work.run();
            tx.commit();
            done = true;
            return result;
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            if (!done) {
                tx.rollback();
                queries.forgetShadows();
            }
        }
    }

    private JobResult runOne(Context ctx, String sql) {
        SqlCursor c = new SqlCursor(sql);
        try {
            if (c.acceptWord("SET")) {
                String kv = c.rest();
                int eq = kv.indexOf('=');
                if (eq > 0) {
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
                checkPrivilege(ctx, t.project, t.schema, "UPDATE", "TABLE " + t.schema + "." + t.name);
                exec("DELETE FROM " + t.pgQualified());
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
            throw translate(e);
        }
    }

    // ---------------------------------------------------------------- privileges

    /** The privilege checks of an object: public projects' and Paimon_DLF's. */
    void checkPrivilege(Context ctx, String project, String schema, String privilege, String object) {
        Project p = catalog().project(project);
        PublicProjects.refuseWrite(p, privilege, object);
        if (p == null || !p.isPaimonDlf()) {
            return;
        }
        if (!ctx.user.hasDlfDataPermission()) {
            throw new OdpsSqlException(
                    "ODPS-0130013",
                    "Authorization exception - Forbidden: User "
                            + ctx.user.principal()
                            + " doesn't have privilege "
                            + privilege
                            + " on "
                            + object);
        }
    }

    // ---------------------------------------------------------------- plumbing

    void exec(String sql) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute(sql);
        }
    }

    private static final Pattern PG_RELATION =
            Pattern.compile("relation \"([^\"]+)\" does not exist");
    private static final Pattern PG_GROUP_BY =
            Pattern.compile("column \"([^\"]+)\" must appear in the GROUP BY clause");
    private static final Pattern PG_COLUMN =
            Pattern.compile("column \"?([^\"]+)\"? does not exist");

    static OdpsSqlException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String msg =
                e.getMessage() == null
                        ? ""
                        : e.getMessage().replaceAll("\\s*Position: \\d+", "").trim();
        msg = msg.replaceFirst("^ERROR: ", "");
        if (state.equals("42P01")) {
            Matcher m = PG_RELATION.matcher(msg);
            String name = m.find() ? m.group(1).replace('$', '.') : msg;
            return new OdpsSqlException(
                    "ODPS-0130131",
                    "[1,1] Table not found - table " + name + " cannot be resolved");
        }
        if (state.equals("42703")) {
            Matcher m = PG_COLUMN.matcher(msg);
            String name = m.find() ? m.group(1) : msg;
            return new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - column " + name + " cannot be resolved");
        }
        if (state.equals("42803")) {
            // group.by.with.star and any column outside the GROUP BY key
            Matcher m = PG_GROUP_BY.matcher(msg);
            String name = m.find() ? m.group(1) : msg;
            return new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - column reference "
                            + name
                            + " should appear in GROUP BY key");
        }
        if (state.equals("42601")) {
            return new OdpsSqlException("ODPS-0130161", "[1,1] Parse exception - " + msg);
        }
        if (state.startsWith("22")) {
            return new OdpsSqlException("ODPS-0123091", "Illegal type cast - " + msg);
        }
        return new OdpsSqlException("ODPS-0130071", "[1,1] Semantic analysis exception - " + msg);
    }
}
