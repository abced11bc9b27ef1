package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.SqlLexer.Token;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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

    private final MaxComputeEmulator emu;
    private final Connection pg;
    private final Map<String, Long> shadowVersions = new HashMap<>();

    SqlEngine(MaxComputeEmulator emu, Connection pg) {
        this.emu = emu;
        this.pg = pg;
    }

    Catalog catalog() {
        return emu.catalog;
    }

    synchronized JobResult run(Context ctx, String script) {
        JobResult last = new JobResult();
        for (String stmt : SqlLexer.splitStatements(script)) {
            last = runOne(ctx, stmt);
        }
        return last;
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
                        requireSchema(ctx.project, v.toLowerCase(Locale.ROOT));
                        ctx.schema = v.toLowerCase(Locale.ROOT);
                    }
                }
                return new JobResult();
            }
            if (c.peekWord("CREATE")) {
                return create(ctx, c);
            }
            if (c.acceptWord("DROP")) {
                return drop(ctx, c);
            }
            if (c.acceptWord("SHOW")) {
                return show(ctx, c);
            }
            if (c.peekWord("DESC") || c.peekWord("DESCRIBE")) {
                c.next();
                return describe(ctx, c);
            }
            if (c.peekWord("INSERT")) {
                return insert(ctx, c);
            }
            if (c.acceptWord("TRUNCATE")) {
                c.acceptWord("TABLE");
                Table t = requireTable(ctx, c.qualifiedName());
                checkDlf(ctx, t.project, t.schema, "UPDATE", "TABLE " + t.schema + "." + t.name);
                exec("DELETE FROM " + t.pgQualified());
                return new JobResult();
            }
            if (c.acceptWord("ALTER")) {
                return alter(ctx, c);
            }
            if (c.peekWord("USE")) {
                c.next();
                if (c.acceptWord("SCHEMA")) {
                    String s = c.ident();
                    requireSchema(ctx.project, s);
                    ctx.schema = s;
                    return new JobResult();
                }
                throw new OdpsSqlException(
                        "ODPS-0130161", "[1,1] Parse exception - USE is a client-side command");
            }
            if (c.peekWord("SELECT")
                    || c.peekWord("WITH")
                    || c.peekWord("VALUES")
                    || c.peekWord("FROM")
                    || (c.peek() != null && c.peek().isOp("("))) {
                return query(ctx, sql);
            }
            throw new OdpsSqlException(
                    "ODPS-0130161", "[1,1] Parse exception - invalid token '" + c.near() + "'");
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    // ---------------------------------------------------------------- names

    Schema requireSchema(Project p, String schema) {
        Schema s = p.schemas.get(schema.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new OdpsSqlException(
                    "ODPS-0110061",
                    "Failed to run ddltask - Schema not found - '" + p.name + "." + schema + "'");
        }
        return s;
    }

    /** Project, schema and table name for a 1-3 part name, per the MaxCompute rules. */
    String[] resolveName(Context ctx, List<String> parts) {
        if (parts.size() == 3) {
            return new String[] {parts.get(0), parts.get(1), parts.get(2)};
        }
        if (parts.size() == 2) {
            if (ctx.namespace) {
                return new String[] {ctx.project.name, parts.get(0), parts.get(1)};
            }
            return new String[] {parts.get(0), "default", parts.get(1)};
        }
        return new String[] {ctx.project.name, ctx.schema, parts.get(0)};
    }

    Table findTable(Context ctx, List<String> parts) {
        String[] n = resolveName(ctx, parts);
        Project p = catalog().project(n[0]);
        if (p == null) {
            throw new OdpsSqlException(
                    "ODPS-0130131",
                    "[1,1] Table not found - project '" + n[0] + "' does not exist");
        }
        Schema s = p.schemas.get(n[1]);
        if (s == null) {
            return null;
        }
        return s.tables.get(n[2]);
    }

    Table requireTable(Context ctx, List<String> parts) {
        Table t = findTable(ctx, parts);
        if (t == null) {
            String[] n = resolveName(ctx, parts);
            throw new OdpsSqlException(
                    "ODPS-0130131",
                    "[1,1] Table not found - table "
                            + n[0]
                            + "."
                            + n[1]
                            + "."
                            + n[2]
                            + " cannot be resolved");
        }
        return t;
    }

    /** The translator's table resolver; collects the tables a query references. */
    private SqlTranslator.TableResolver resolver(Context ctx, Set<Table> seen) {
        return (parts, tablePos) -> {
            if (parts.size() > 3) {
                return null;
            }
            String[] n;
            if (parts.size() == 3) {
                n = resolveName(ctx, parts);
            } else if (parts.size() == 2) {
                Project cur = ctx.project;
                if (ctx.namespace && cur.schemas.containsKey(parts.get(0))) {
                    n = new String[] {cur.name, parts.get(0), parts.get(1)};
                } else if (catalog().project(parts.get(0)) != null) {
                    n = new String[] {parts.get(0), "default", parts.get(1)};
                } else {
                    return null;
                }
            } else {
                if (!tablePos) {
                    return null;
                }
                n = resolveName(ctx, parts);
            }
            Project p = catalog().project(n[0]);
            if (p == null) {
                return null;
            }
            Schema s = p.schemas.get(n[1]);
            if (s == null) {
                if (parts.size() == 1) {
                    return null;
                }
                throw new OdpsSqlException(
                        "ODPS-0130131",
                        "[1,1] Table not found - table "
                                + String.join(".", n)
                                + " cannot be resolved");
            }
            Table t = s.tables.get(n[2]);
            if (t == null) {
                if (parts.size() == 1) {
                    return null; // a CTE name, or missing: PostgreSQL decides
                }
                throw new OdpsSqlException(
                        "ODPS-0130131",
                        "[1,1] Table not found - table "
                                + String.join(".", n)
                                + " cannot be resolved");
            }
            seen.add(t);
            return t.pgQualified();
        };
    }

    // ---------------------------------------------------------------- query

    private JobResult query(Context ctx, String sql) throws SQLException {
        Set<Table> seen = new LinkedHashSet<>();
        SqlTranslator.Result tr = SqlTranslator.translate(sql, resolver(ctx, seen));
        prepareReads(ctx, seen);
        JobResult r = new JobResult();
        setSearchPath(ctx);
        List<Object[]> raw = new ArrayList<>();
        try (Statement st = pg.createStatement();
                ResultSet rs = st.executeQuery(tr.sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
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
                r.columns.add(new String[] {name, OdpsValues.odpsTypeOf(md, i, integral)});
            }
        }
        ZoneId zone = emu.zone();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < r.columns.size(); i++) {
            text.append(i == 0 ? "" : ",").append('"').append(r.columns.get(i)[0]).append('"');
        }
        text.append('\n');
        for (Object[] row : raw) {
            Object[] out = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                out[i] = OdpsValues.toRecordValue(row[i], r.columns.get(i)[1], zone);
                text.append(i == 0 ? "" : ",").append(OdpsValues.text(row[i]));
            }
            text.append('\n');
            r.rows.add(out);
        }
        r.text = text.toString();
        return r;
    }

    /** Permission checks and Tablestore shadow refresh for the tables a query reads. */
    private void prepareReads(Context ctx, Set<Table> tables) throws SQLException {
        for (Table t : tables) {
            checkDlf(ctx, t.project, t.schema, "SELECT", "TABLE " + t.schema + "." + t.name);
            if (t.isTablestore()) {
                refreshShadow(t);
            }
        }
    }

    private void setSearchPath(Context ctx) throws SQLException {
        Schema s = ctx.project.schemas.get(ctx.schema);
        String pgSchema =
                s != null ? s.pgSchema() : Catalog.pgSchemaName(ctx.project.name, ctx.schema);
        exec("SET search_path TO " + Catalog.quote(pgSchema) + ", mc, public");
    }

    // ---------------------------------------------------------------- DDL

    private JobResult create(Context ctx, SqlCursor c) throws SQLException {
        c.expectWord("CREATE");
        if (c.acceptWord("SCHEMA") || c.acceptWord("DATABASE")) {
            boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
            List<String> name = c.qualifiedName();
            Project p = name.size() == 2 ? catalog().project(name.get(0)) : ctx.project;
            String s = name.get(name.size() - 1);
            if (p == null) {
                throw new OdpsSqlException(
                        "ODPS-0420111", "Project not found - '" + name.get(0) + "'.");
            }
            if (!p.threeTier) {
                throw new OdpsSqlException(
                        "ODPS-0110061",
                        "Failed to run ddltask - project '"
                                + p.name
                                + "' is not enabled with schema (three-tier model); CREATE SCHEMA"
                                + " is not allowed");
            }
            checkDlf(
                    ctx,
                    p.name,
                    s,
                    "CREATE",
                    "CATALOG " + (p.dlfCatalog == null ? p.name : p.dlfCatalog));
            if (p.schemas.containsKey(s)) {
                if (ifNotExists) {
                    return new JobResult();
                }
                throw new OdpsSqlException(
                        "ODPS-0110061",
                        "Failed to run ddltask - Schema '" + p.name + "." + s + "' already exists");
            }
            emu.createSchemaInternal(p, s);
            return new JobResult();
        }
        boolean external = c.acceptWord("EXTERNAL");
        c.expectWord("TABLE");
        boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
        List<String> nameParts = c.qualifiedName();
        String[] n = resolveName(ctx, nameParts);
        Project p = catalog().project(n[0]);
        if (p == null) {
            throw new OdpsSqlException("ODPS-0420111", "Project not found - '" + n[0] + "'.");
        }
        Schema schema = requireSchema(p, n[1]);
        checkDlf(ctx, p.name, schema.name, "CREATE_TABLE", "DATABASE " + schema.name);
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
                cols.add(columnDef(c));
            } while (c.acceptOp(","));
            c.expectOp(")");
        }
        while (!c.atEnd()) {
            if (c.acceptWord("COMMENT")) {
                comment = c.string();
            } else if (c.acceptWords("PARTITIONED", "BY")) {
                c.expectOp("(");
                do {
                    parts.add(columnDef(c));
                } while (c.acceptOp(","));
                c.expectOp(")");
            } else if (c.acceptWords("STORED", "BY")) {
                handler = c.string();
            } else if (c.acceptWords("STORED", "AS")) {
                c.ident();
            } else if (c.acceptWords("WITH", "SERDEPROPERTIES")) {
                serde.putAll(properties(c));
            } else if (c.acceptWord("LOCATION")) {
                location = c.string();
            } else if (c.acceptWord("TBLPROPERTIES")) {
                tblProps.putAll(properties(c));
            } else if (c.acceptWord("LIFECYCLE")) {
                lifecycle = Long.parseLong(c.next().text);
            } else if (c.acceptWord("LIKE")) {
                like = requireTable(ctx, c.qualifiedName());
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
            ctasRows = query(ctx, asQuery);
            for (String[] col : ctasRows.columns) {
                cols.add(new Column(col[0], col[1], -1, null));
            }
        }
        if (cols.isEmpty()) {
            throw c.parseError("a table needs at least one column");
        }
        boolean tablestore = handler != null && handler.equals(Catalog.TABLESTORE_HANDLER);
        if (tablestore) {
            TablestoreRules.validateDdl(emu.tablestore(), cols, serde, location);
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
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(t.pgQualified()).append(" (");
        List<Column> all = t.allColumns();
        for (int i = 0; i < all.size(); i++) {
            Column col = all.get(i);
            String base = col.baseType();
            String args =
                    col.type.contains("(")
                            ? col.type.substring(
                                    col.type.indexOf('(') + 1, col.type.lastIndexOf(')'))
                            : null;
            ddl.append(i == 0 ? "" : ", ")
                    .append(Catalog.quote(col.name))
                    .append(' ')
                    .append(
                            base.equals("DECIMAL")
                                    ? SqlTranslator.pgType(base, args)
                                    : SqlTranslator.pgType(base, null));
        }
        ddl.append(")");
        exec(ddl.toString());
        schema.tables.put(t.name, t);
        if (ctasRows != null) {
            List<Object[]> rows = new ArrayList<>();
            for (Object[] r : ctasRows.rows) {
                Object[] o = new Object[r.length];
                for (int i = 0; i < r.length; i++) {
                    o[i] = OdpsValues.fromRecordValue(r[i], cols.get(i).type, emu.zone());
                }
                rows.add(o);
            }
            JobResult jr = new JobResult();
            jr.outputs.put(t.project + "." + t.name, (long) insertRows(t, t.columns, rows, null));
            return jr;
        }
        return new JobResult();
    }

    private Column columnDef(SqlCursor c) {
        String name = c.ident();
        Token typeTok = c.next();
        if (typeTok.kind != Kind.WORD || !SqlTranslator.isTypeName(typeTok.value)) {
            if (typeTok.kind == Kind.WORD
                    && (typeTok.value.equals("ARRAY")
                            || typeTok.value.equals("MAP")
                            || typeTok.value.equals("STRUCT"))) {
                throw new OdpsSqlException(
                        "ODPS-0130071",
                        "[1,1] Semantic analysis exception - type "
                                + typeTok.value
                                + " is not supported by the emulator");
            }
            throw c.parseError("unknown type '" + typeTok.text + "' for column " + name);
        }
        String type = typeTok.value.equals("INTEGER") ? "INT" : typeTok.value;
        int precision = -1;
        if (c.acceptOp("(")) {
            StringBuilder args = new StringBuilder();
            while (!c.acceptOp(")")) {
                args.append(c.next().text);
            }
            if (type.equals("TIMESTAMP")
                    || type.equals("TIMESTAMP_NTZ")
                    || type.equals("DATETIME")) {
                precision = Integer.parseInt(args.toString().trim());
                if (precision < 0 || precision > 9) {
                    throw c.parseError("TIMESTAMP precision must be between 0 and 9");
                }
            } else if (type.equals("DECIMAL")) {
                type = "DECIMAL(" + args + ")";
            } else if (type.equals("VARCHAR") || type.equals("CHAR")) {
                type = type + "(" + args + ")";
            }
        } else if (type.equals("DECIMAL")) {
            type = "DECIMAL(38,18)";
        }
        String comment = null;
        while (!c.atEnd()) {
            if (c.acceptWord("COMMENT")) {
                comment = c.string();
            } else if (c.acceptWords("NOT", "NULL") || c.acceptWord("NULL")) {
                // accepted, not enforced
            } else if (c.acceptWord("DEFAULT")) {
                c.next();
            } else {
                break;
            }
        }
        return new Column(name, type, precision, comment);
    }

    private static Map<String, String> properties(SqlCursor c) {
        Map<String, String> m = new LinkedHashMap<>();
        c.expectOp("(");
        if (c.acceptOp(")")) {
            return m;
        }
        do {
            String k = c.string();
            c.expectOp("=");
            String v = c.string();
            m.put(k, v);
        } while (c.acceptOp(","));
        c.expectOp(")");
        return m;
    }

    private JobResult drop(Context ctx, SqlCursor c) throws SQLException {
        if (c.acceptWord("SCHEMA") || c.acceptWord("DATABASE")) {
            boolean ifExists = c.acceptWords("IF", "EXISTS");
            String s = c.ident();
            Schema schema = ctx.project.schemas.get(s);
            if (schema == null) {
                if (ifExists) {
                    return new JobResult();
                }
                requireSchema(ctx.project, s);
            }
            checkDlf(ctx, ctx.project.name, s, "DROP", "DATABASE " + s);
            exec("DROP SCHEMA " + Catalog.quote(schema.pgSchema()) + " CASCADE");
            ctx.project.schemas.remove(s);
            return new JobResult();
        }
        if (!c.acceptWord("TABLE")) {
            c.expectWord("VIEW");
        }
        boolean ifExists = c.acceptWords("IF", "EXISTS");
        List<String> parts = c.qualifiedName();
        Table t = findTable(ctx, parts);
        if (t == null) {
            if (ifExists) {
                return new JobResult();
            }
            requireTable(ctx, parts);
        }
        checkDlf(ctx, t.project, t.schema, "DROP", "TABLE " + t.schema + "." + t.name);
        exec("DROP TABLE IF EXISTS " + t.pgQualified());
        catalog().project(t.project).schemas.get(t.schema).tables.remove(t.name);
        return new JobResult();
    }

    private JobResult alter(Context ctx, SqlCursor c) throws SQLException {
        c.expectWord("TABLE");
        Table t = requireTable(ctx, c.qualifiedName());
        if (c.acceptWord("ADD")) {
            boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
            c.expectWord("PARTITION");
            String spec = normalizeSpec(t, partitionSpec(c));
            if (partitions(t).contains(spec) && !ifNotExists) {
                throw new OdpsSqlException(
                        "ODPS-0130111",
                        "[1,1] Partition already exists - partition "
                                + spec
                                + " of table "
                                + t.fullName());
            }
            t.addedPartitions.add(spec);
            return new JobResult();
        }
        if (c.acceptWord("DROP")) {
            c.acceptWords("IF", "EXISTS");
            c.expectWord("PARTITION");
            Map<String, String> spec = partitionSpec(c);
            deletePartition(t, spec);
            t.addedPartitions.remove(normalizeSpec(t, spec));
            return new JobResult();
        }
        if (c.acceptWords("SET", "LIFECYCLE")) {
            t.lifecycle = Long.parseLong(c.next().text);
            return new JobResult();
        }
        if (c.acceptWords("SET", "COMMENT")) {
            t.comment = c.string();
            return new JobResult();
        }
        throw c.parseError("unsupported ALTER TABLE near '" + c.near() + "'");
    }

    // ---------------------------------------------------------------- SHOW / DESC

    private JobResult show(Context ctx, SqlCursor c) {
        JobResult r = new JobResult();
        if (c.acceptWord("TABLES")) {
            Project p = ctx.project;
            String s = ctx.schema;
            if (c.acceptWord("IN") || c.acceptWord("FROM")) {
                List<String> name = c.qualifiedName();
                if (name.size() == 2) {
                    p = catalog().project(name.get(0));
                    s = name.get(1);
                } else if (ctx.namespace || p.threeTier && p.schemas.containsKey(name.get(0))) {
                    s = name.get(0);
                } else {
                    p = catalog().project(name.get(0));
                    s = "default";
                }
                if (p == null) {
                    throw new OdpsSqlException(
                            "ODPS-0420111", "Project not found - '" + name.get(0) + "'.");
                }
            }
            Schema schema = requireSchema(p, s);
            checkDlf(ctx, p.name, schema.name, "LIST", "DATABASE " + schema.name);
            List<String> names = new ArrayList<>(schema.tables.keySet());
            names.sort(null);
            if (c.acceptWord("LIKE")) {
                String regex =
                        c.string()
                                .toLowerCase(Locale.ROOT)
                                .replace(".", "\\.")
                                .replace("*", ".*")
                                .replace("%", ".*");
                names.removeIf(n -> !n.matches(regex));
            }
            StringBuilder sb = new StringBuilder();
            for (String n : names) {
                sb.append(schema.tables.get(n).owner).append(' ').append(n).append('\n');
            }
            r.text = sb.toString();
            return r;
        }
        if (c.acceptWord("SCHEMAS") || c.acceptWord("DATABASES")) {
            Project p = ctx.project;
            if (c.acceptWord("IN") || c.acceptWord("FROM")) {
                String pn = c.ident();
                p = catalog().project(pn);
                if (p == null) {
                    throw new OdpsSqlException("ODPS-0420111", "Project not found - '" + pn + "'.");
                }
            }
            if (p.isPaimonDlf()) {
                checkDlf(ctx, p.name, "default", "LIST", "CATALOG " + p.dlfCatalog);
            }
            List<String> names = new ArrayList<>(p.schemas.keySet());
            names.sort(null);
            r.text = String.join("\n", names);
            return r;
        }
        if (c.acceptWord("PARTITIONS")) {
            Table t = requireTable(ctx, c.qualifiedName());
            r.text = String.join("\n", partitions(t));
            return r;
        }
        throw c.parseError("unsupported SHOW near '" + c.near() + "'");
    }

    private JobResult describe(Context ctx, SqlCursor c) {
        boolean extended = c.acceptWord("EXTENDED");
        if (c.acceptWord("SCHEMA")) {
            Schema s = requireSchema(ctx.project, c.ident());
            JobResult r = new JobResult();
            r.text = "Name: " + s.name + "\nProject: " + s.project + "\n";
            return r;
        }
        Table t = requireTable(ctx, c.qualifiedName());
        checkDlf(ctx, t.project, t.schema, "DESCRIBE", "TABLE " + t.schema + "." + t.name);
        StringBuilder sb = new StringBuilder();
        String line =
                "+------------------------------------------------------------------------------------+\n";
        sb.append(line);
        sb.append(String.format("| Owner: %-40s | Project: %-24s |%n", t.owner, t.project));
        sb.append(String.format("| Schema: %-74s |%n", t.schema));
        sb.append(String.format("| TableComment: %-68s |%n", t.comment == null ? "" : t.comment));
        sb.append(line);
        sb.append(
                String.format(
                        "| %-82s |%n",
                        (t.external ? "External" : "Internal")
                                + "Table: YES"
                                + (t.lifecycle != null
                                        ? "      | Lifecycle: " + t.lifecycle
                                        : "")));
        sb.append(line);
        sb.append(
                "| Native Columns:                                                                 "
                    + "   |\n");
        sb.append(line);
        sb.append(String.format("| %-16s | %-16s | %-44s |%n", "Field", "Type", "Comment"));
        sb.append(line);
        for (Column col : t.columns) {
            sb.append(
                    String.format(
                            "| %-16s | %-16s | %-44s |%n",
                            col.name, typeText(col), col.comment == null ? "" : col.comment));
        }
        sb.append(line);
        if (!t.partitionColumns.isEmpty()) {
            sb.append(
                    "| Partition Columns:                                                          "
                        + "       |\n");
            sb.append(line);
            for (Column col : t.partitionColumns) {
                sb.append(
                        String.format(
                                "| %-16s | %-16s | %-44s |%n",
                                col.name, typeText(col), col.comment == null ? "" : col.comment));
            }
            sb.append(line);
        }
        if (extended) {
            sb.append(
                    "| Extended Info:                                                              "
                        + "       |\n");
            sb.append(line);
            if (t.storageHandler != null) {
                sb.append(
                        String.format("| %-22s | %-57s |%n", "StorageHandler:", t.storageHandler));
            }
            if (t.location != null) {
                sb.append(String.format("| %-22s | %-57s |%n", "Location:", t.location));
            }
            for (Map.Entry<String, String> e : t.serdeProperties.entrySet()) {
                sb.append(String.format("| %-22s | %-57s |%n", e.getKey(), e.getValue()));
            }
            for (Map.Entry<String, String> e : t.tblProperties.entrySet()) {
                sb.append(String.format("| %-22s | %-57s |%n", e.getKey(), e.getValue()));
            }
            sb.append(line);
        }
        JobResult r = new JobResult();
        r.text = sb.toString();
        return r;
    }

    static String typeText(Column col) {
        return col.precision >= 0 ? col.type + "(" + col.precision + ")" : col.type;
    }

    /** {@code k=v/k2=v2} in partition-column order; every partition column needs a value. */
    static String normalizeSpec(Table t, Map<String, String> spec) {
        StringBuilder sb = new StringBuilder();
        for (Column pc : t.partitionColumns) {
            String v = null;
            for (Map.Entry<String, String> e : spec.entrySet()) {
                if (e.getKey().equalsIgnoreCase(pc.name)) {
                    v = e.getValue();
                }
            }
            if (v == null) {
                throw new OdpsSqlException(
                        "ODPS-0130071",
                        "[1,1] Semantic analysis exception - partition spec must give "
                                + "a value for every partition column of "
                                + t.fullName()
                                + ", missing "
                                + pc.name);
            }
            sb.append(sb.length() == 0 ? "" : "/").append(pc.name).append('=').append(v);
        }
        if (spec.size() != t.partitionColumns.size()) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - invalid partition spec "
                            + spec.keySet()
                            + " for table "
                            + t.fullName());
        }
        return sb.toString();
    }

    /** Partitions with rows, plus partitions added empty, sorted. */
    synchronized List<String> partitions(Table t) {
        if (t.partitionColumns.isEmpty()) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - table "
                            + t.fullName()
                            + " is not partitioned");
        }
        List<String> out = new ArrayList<>();
        StringBuilder q = new StringBuilder("SELECT DISTINCT ");
        for (int i = 0; i < t.partitionColumns.size(); i++) {
            q.append(i == 0 ? "" : ", ").append(Catalog.quote(t.partitionColumns.get(i).name));
        }
        q.append(" FROM ").append(t.pgQualified()).append(" ORDER BY 1");
        try (Statement st = pg.createStatement();
                ResultSet rs = st.executeQuery(q.toString())) {
            while (rs.next()) {
                StringBuilder spec = new StringBuilder();
                for (int i = 0; i < t.partitionColumns.size(); i++) {
                    spec.append(i == 0 ? "" : "/")
                            .append(t.partitionColumns.get(i).name)
                            .append('=')
                            .append(rs.getString(i + 1));
                }
                out.add(spec.toString());
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        for (String added : t.addedPartitions) {
            if (!out.contains(added)) {
                out.add(added);
            }
        }
        out.sort(null);
        return out;
    }

    // ---------------------------------------------------------------- INSERT

    private static final Pattern RAND = Pattern.compile("(?i)^\\s*rand\\s*\\(.*\\)\\s*$");

    private JobResult insert(Context ctx, SqlCursor c) throws SQLException {
        c.expectWord("INSERT");
        boolean overwrite;
        if (c.acceptWord("OVERWRITE")) {
            overwrite = true;
        } else {
            c.expectWord("INTO");
            overwrite = false;
        }
        c.acceptWord("TABLE");
        Table t = requireTable(ctx, c.qualifiedName());
        Map<String, String> spec = new LinkedHashMap<>();
        boolean hasPartitionClause = false;
        if (c.acceptWord("PARTITION")) {
            hasPartitionClause = true;
            spec = partitionSpec(c);
        }
        if (!t.partitionColumns.isEmpty() && !hasPartitionClause) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - need to specify partition "
                            + "columns because the destination table "
                            + t.fullName()
                            + " is a partitioned table");
        }
        List<String> targetCols = null;
        if (c.peek() != null
                && c.peek().isOp("(")
                && c.peek(1) != null
                && c.peek(1).isIdent()
                && !c.peek(1).isWord("SELECT")
                && !c.peek(1).isWord("WITH")) {
            c.expectOp("(");
            targetCols = new ArrayList<>();
            do {
                targetCols.add(c.ident());
            } while (c.acceptOp(","));
            c.expectOp(")");
        }
        String source = c.rest();
        if (source.isEmpty()) {
            throw c.parseError("missing query in INSERT");
        }
        // Paimon write refusals come before anything is read.
        Project p = catalog().project(t.project);
        if (p.isPaimonDlf()) {
            checkDlf(ctx, t.project, t.schema, "UPDATE", "TABLE " + t.schema + "." + t.name);
            PaimonRules.checkWritable(t);
        }
        for (String k : spec.keySet()) {
            Column pc = t.column(k);
            if (pc == null || !t.partitionColumns.contains(pc)) {
                throw new OdpsSqlException(
                        "ODPS-0130071",
                        "[1,1] Semantic analysis exception - partition column '"
                                + k
                                + "' does not exist in table "
                                + t.fullName());
            }
        }
        JobResult q = query(ctx, source);
        String distributeBy = SqlTranslator.translate(source, (a, b) -> null).distributeBy;

        // target layout: data columns, then the dynamic partition columns in order
        List<Column> dataCols = new ArrayList<>();
        if (targetCols == null) {
            dataCols.addAll(t.columns);
        } else {
            for (String n : targetCols) {
                Column col = t.column(n);
                if (col == null) {
                    throw new OdpsSqlException(
                            "ODPS-0130071",
                            "[1,1] Semantic analysis exception - column "
                                    + n
                                    + " cannot be resolved in table "
                                    + t.fullName());
                }
                dataCols.add(col);
            }
        }
        List<Column> dynamic = new ArrayList<>();
        for (Column pc : t.partitionColumns) {
            if (!spec.containsKey(pc.name)
                    && (targetCols == null || !targetCols.contains(pc.name))) {
                dynamic.add(pc);
            }
        }
        int expected = dataCols.size() + dynamic.size();
        if (q.columns.size() != expected) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - "
                            + (targetCols == null ? "" : "")
                            + "the number of columns in the query ("
                            + q.columns.size()
                            + ") does not match the number of columns of the target table "
                            + t.fullName()
                            + " ("
                            + expected
                            + ")");
        }
        List<Column> insertCols = new ArrayList<>(dataCols);
        insertCols.addAll(dynamic);
        List<Object[]> rows = new ArrayList<>();
        ZoneId zone = emu.zone();
        for (Object[] r : q.rows) {
            Object[] o = new Object[insertCols.size() + spec.size()];
            for (int i = 0; i < insertCols.size(); i++) {
                o[i] = OdpsValues.fromRecordValue(r[i], insertCols.get(i).type, zone);
            }
            int k = insertCols.size();
            for (String v : spec.values()) {
                o[k++] = v;
            }
            rows.add(o);
        }
        List<Column> allInsertCols = new ArrayList<>(insertCols);
        for (String k : spec.keySet()) {
            allInsertCols.add(t.column(k));
        }
        JobResult result = new JobResult();
        if (t.isTablestore()) {
            int[] keyCols = distributeKeyColumns(distributeBy, q.columns);
            TablestoreRules.write(
                    emu,
                    t,
                    allInsertCols,
                    rows,
                    distributeBy,
                    keyCols,
                    new Random(rows.size() * 31L + 7));
            result.outputs.put(t.project + "." + t.name, (long) rows.size());
            return result;
        }
        PaimonRules.truncateTimestamps(allInsertCols, rows);
        if (overwrite) {
            if (t.partitionColumns.isEmpty()) {
                exec("DELETE FROM " + t.pgQualified());
            } else if (dynamic.isEmpty()) {
                deletePartition(t, spec);
            } else {
                // dynamic partitions: replace the partitions the new rows land in
                Set<List<Object>> seenParts = new LinkedHashSet<>();
                for (Object[] r : rows) {
                    List<Object> key = new ArrayList<>();
                    for (Column pc : t.partitionColumns) {
                        key.add(r[allInsertCols.indexOf(pc)]);
                    }
                    seenParts.add(key);
                }
                for (List<Object> key : seenParts) {
                    Map<String, String> s = new LinkedHashMap<>();
                    for (int i = 0; i < t.partitionColumns.size(); i++) {
                        s.put(
                                t.partitionColumns.get(i).name,
                                key.get(i) == null ? null : key.get(i).toString());
                    }
                    deletePartition(t, s);
                }
            }
        }
        List<String> pk = p.isPaimonDlf() ? PaimonRules.primaryKey(t) : null;
        int n = insertRows(t, allInsertCols, rows, pk);
        result.outputs.put(t.project + "." + t.name, (long) n);
        return result;
    }

    /** Output columns a simple DISTRIBUTE BY names (hash key), or null for rand() / expressions. */
    private static int[] distributeKeyColumns(String distributeBy, List<String[]> columns) {
        if (distributeBy == null || RAND.matcher(distributeBy).matches()) {
            return null;
        }
        String[] names = distributeBy.split(",");
        int[] idx = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            String n = names[i].trim().replace("`", "").toLowerCase(Locale.ROOT);
            if (n.contains(".")) {
                n = n.substring(n.lastIndexOf('.') + 1);
            }
            idx[i] = -1;
            for (int k = 0; k < columns.size(); k++) {
                if (columns.get(k)[0].equals(n)) {
                    idx[i] = k;
                }
            }
            if (idx[i] < 0) {
                return new int[0]; // an expression: hash the whole row
            }
        }
        return idx;
    }

    private Map<String, String> partitionSpec(SqlCursor c) {
        Map<String, String> spec = new LinkedHashMap<>();
        c.expectOp("(");
        do {
            String k = c.ident();
            if (c.acceptOp("=")) {
                Token v = c.next();
                spec.put(k, v.kind == Kind.STRING ? v.value : v.text);
            }
        } while (c.acceptOp(","));
        c.expectOp(")");
        return spec;
    }

    private void deletePartition(Table t, Map<String, String> spec) throws SQLException {
        StringBuilder sql =
                new StringBuilder("DELETE FROM ").append(t.pgQualified()).append(" WHERE true");
        List<String> vals = new ArrayList<>();
        for (Map.Entry<String, String> e : spec.entrySet()) {
            Column col = t.column(e.getKey());
            if (e.getValue() == null) {
                sql.append(" AND ").append(Catalog.quote(col.name)).append(" IS NULL");
            } else {
                sql.append(" AND ")
                        .append(Catalog.quote(col.name))
                        .append(" = CAST(? AS ")
                        .append(pgTypeOf(col))
                        .append(")");
                vals.add(e.getValue());
            }
        }
        try (PreparedStatement ps = pg.prepareStatement(sql.toString())) {
            for (int i = 0; i < vals.size(); i++) {
                ps.setString(i + 1, vals.get(i));
            }
            ps.executeUpdate();
        }
    }

    static String pgTypeOf(Column col) {
        String base = col.baseType();
        String args =
                col.type.contains("(")
                        ? col.type.substring(col.type.indexOf('(') + 1, col.type.lastIndexOf(')'))
                        : null;
        return SqlTranslator.pgType(base, base.equals("DECIMAL") ? args : null);
    }

    /**
     * Inserts rows (values as text, or byte[] for BINARY) into a table's PostgreSQL storage. With a
     * primary key (Paimon), a row replaces the stored row with the same key.
     */
    int insertRows(Table t, List<Column> cols, List<Object[]> rows, List<String> primaryKey)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(t.pgQualified()).append(" (");
        StringBuilder vals = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(Catalog.quote(cols.get(i).name));
            vals.append(i == 0 ? "" : ", ")
                    .append("CAST(? AS ")
                    .append(pgTypeOf(cols.get(i)))
                    .append(")");
        }
        sql.append(") VALUES (").append(vals).append(")");
        PreparedStatement del = null;
        int[] pkIdx = null;
        if (primaryKey != null && !primaryKey.isEmpty()) {
            StringBuilder d =
                    new StringBuilder("DELETE FROM ").append(t.pgQualified()).append(" WHERE true");
            pkIdx = new int[primaryKey.size()];
            for (int k = 0; k < primaryKey.size(); k++) {
                Column col = t.column(primaryKey.get(k));
                pkIdx[k] = cols.indexOf(col);
                d.append(" AND ")
                        .append(Catalog.quote(col.name))
                        .append(" = CAST(? AS ")
                        .append(pgTypeOf(col))
                        .append(")");
            }
            del = pg.prepareStatement(d.toString());
        }
        try (PreparedStatement ps = pg.prepareStatement(sql.toString())) {
            for (Object[] r : rows) {
                if (del != null) {
                    boolean complete = true;
                    for (int k = 0; k < pkIdx.length; k++) {
                        if (pkIdx[k] < 0 || r[pkIdx[k]] == null) {
                            complete = false;
                            break;
                        }
                        bind(del, k + 1, r[pkIdx[k]]);
                    }
                    if (complete) {
                        del.executeUpdate();
                    }
                }
                for (int i = 0; i < cols.size(); i++) {
                    bind(ps, i + 1, r[i]);
                }
                if (del != null) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (del == null) {
                ps.executeBatch();
            }
        } finally {
            if (del != null) {
                del.close();
            }
        }
        t.lastModified = System.currentTimeMillis();
        return rows.size();
    }

    private static void bind(PreparedStatement ps, int idx, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(idx, java.sql.Types.VARCHAR);
        } else if (v instanceof byte[]) {
            ps.setBytes(idx, (byte[]) v);
        } else {
            ps.setString(idx, v.toString());
        }
    }

    // ---------------------------------------------------------------- Tablestore shadow

    /**
     * Copies the simulated Tablestore rows into the external table's PostgreSQL shadow for reading.
     */
    private void refreshShadow(Table t) throws SQLException {
        String ots = t.serdeProperties.get(TablestoreRules.TABLE_NAME);
        SimulatedTablestore store = emu.tablestore();
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
        exec("DELETE FROM " + t.pgQualified());
        List<Object[]> rows = TablestoreRules.readRows(store, t);
        insertRows(t, t.columns, rows, null);
        shadowVersions.put(key, v);
    }

    // ---------------------------------------------------------------- DLF

    void checkDlf(Context ctx, String project, String schema, String privilege, String object) {
        Project p = catalog().project(project);
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
        if (state.equals("42601")) {
            return new OdpsSqlException("ODPS-0130161", "[1,1] Parse exception - " + msg);
        }
        if (state.startsWith("22")) {
            return new OdpsSqlException("ODPS-0123091", "Illegal type cast - " + msg);
        }
        return new OdpsSqlException("ODPS-0130071", "[1,1] Semantic analysis exception - " + msg);
    }
}
