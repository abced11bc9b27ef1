package dev.lakeproxy.odpsemu;

import com.aliyun.odps.type.TypeInfoParser;

import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.SqlEngine.Context;
import dev.lakeproxy.odpsemu.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.SqlLexer.Token;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CREATE, DROP and ALTER for tables and schemas, with MaxCompute semantics. */
final class DdlStatements {

    private final SqlEngine engine;

    DdlStatements(SqlEngine engine) {
        this.engine = engine;
    }

    JobResult create(Context ctx, SqlCursor c) throws SQLException {
        c.expectWord("CREATE");
        if (c.acceptWord("SCHEMA") || c.acceptWord("DATABASE")) {
            boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
            List<String> name = c.qualifiedName();
            Project p = name.size() == 2 ? engine.catalog().project(name.get(0)) : ctx.project;
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
            engine.checkPrivilege(
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
            engine.emu.createSchemaInternal(p, s);
            return new JobResult();
        }
        boolean external = c.acceptWord("EXTERNAL");
        c.expectWord("TABLE");
        boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
        List<String> nameParts = c.qualifiedName();
        String[] n = engine.names.resolveName(ctx, nameParts);
        Project p = engine.catalog().project(n[0]);
        if (p == null) {
            throw new OdpsSqlException("ODPS-0420111", "Project not found - '" + n[0] + "'.");
        }
        Schema schema = engine.names.requireSchema(p, n[1]);
        engine.checkPrivilege(ctx, p.name, schema.name, "CREATE_TABLE", "DATABASE " + schema.name);
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
                like = engine.names.requireTable(ctx, c.qualifiedName());
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
            ctasRows = engine.queries.query(ctx, asQuery);
            for (String[] col : ctasRows.columns) {
                cols.add(new Column(col[0], col[1], -1, null));
            }
        }
        if (cols.isEmpty()) {
            throw c.parseError("a table needs at least one column");
        }
        Catalog.requireDistinctNames(cols, parts);
        boolean tablestore = handler != null && handler.equals(Catalog.TABLESTORE_HANDLER);
        if (tablestore) {
            TablestoreRules.validateDdl(engine.emu.tablestore(), cols, serde, location);
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
                            (base.equals("DECIMAL") || base.equals("CHAR"))
                                    ? PgTypes.pgType(base, args)
                                    : PgTypes.pgType(base, null));
        }
        ddl.append(")");
        engine.exec(ddl.toString());
        engine.complex.carryColumns(t);
        schema.tables.put(t.name, t);
        engine.tx.onRollback(() -> schema.tables.remove(t.name));
        if (ctasRows != null) {
            List<Object[]> rows = new ArrayList<>();
            for (Object[] r : ctasRows.rows) {
                Object[] o = new Object[r.length];
                for (int i = 0; i < r.length; i++) {
                    o[i] = OdpsValues.fromRecordValue(r[i], cols.get(i).type, engine.emu.zone());
                }
                rows.add(o);
            }
            JobResult jr = new JobResult();
            jr.outputs.put(
                    t.project + "." + t.name,
                    (long) engine.storage.insertRows(t, t.columns, rows, null));
            return jr;
        }
        return new JobResult();
    }

    Column columnDef(SqlCursor c) {
        String name = c.ident();
        Token typeTok = c.next();
        if (typeTok.kind == Kind.WORD
                && (typeTok.isWord("ARRAY") || typeTok.isWord("MAP") || typeTok.isWord("STRUCT"))) {
            return new Column(name, complexType(c, typeTok), -1, columnComment(c));
        }
        if (typeTok.kind != Kind.WORD || !PgTypes.isTypeName(typeTok.value)) {
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
        return new Column(name, type, precision, columnComment(c));
    }

    private static String columnComment(SqlCursor c) {
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
        return comment;
    }

    /**
     * {@code ARRAY<...>}, {@code MAP<...>}, {@code STRUCT<...>}: the type text, checked by the SDK.
     */
    private static String complexType(SqlCursor c, Token head) {
        StringBuilder type = new StringBuilder(head.value);
        int depth = 0;
        do {
            Token t = c.next();
            String text =
                    t.kind == Kind.WORD && PgTypes.isTypeName(t.value) ? t.value : t.text;
            type.append(text);
            for (char ch : t.text.toCharArray()) {
                depth += ch == '<' ? 1 : ch == '>' ? -1 : 0;
            }
        } while (depth > 0);
        try {
            TypeInfoParser.getTypeInfoFromTypeString(type.toString());
        } catch (RuntimeException e) {
            throw c.parseError("invalid type " + type + ": " + e.getMessage());
        }
        return type.toString();
    }

    static Map<String, String> properties(SqlCursor c) {
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

    JobResult drop(Context ctx, SqlCursor c) throws SQLException {
        if (c.acceptWord("SCHEMA") || c.acceptWord("DATABASE")) {
            boolean ifExists = c.acceptWords("IF", "EXISTS");
            String s = c.ident();
            Schema schema = ctx.project.schemas.get(s);
            if (schema == null) {
                if (ifExists) {
                    return new JobResult();
                }
                engine.names.requireSchema(ctx.project, s);
            }
            engine.checkPrivilege(ctx, ctx.project.name, s, "DROP", "DATABASE " + s);
            engine.exec("DROP SCHEMA " + Catalog.quote(schema.pgSchema()) + " CASCADE");
            ctx.project.schemas.remove(s);
            engine.tx.onRollback(() -> ctx.project.schemas.put(s, schema));
            return new JobResult();
        }
        if (!c.acceptWord("TABLE")) {
            c.expectWord("VIEW");
        }
        boolean ifExists = c.acceptWords("IF", "EXISTS");
        List<String> parts = c.qualifiedName();
        Table t = engine.names.findTable(ctx, parts);
        if (t == null) {
            if (ifExists) {
                return new JobResult();
            }
            engine.names.requireTable(ctx, parts);
        }
        engine.checkPrivilege(ctx, t.project, t.schema, "DROP", "TABLE " + t.schema + "." + t.name);
        engine.exec("DROP TABLE IF EXISTS " + t.pgQualified());
        Schema owner = engine.catalog().project(t.project).schemas.get(t.schema);
        owner.tables.remove(t.name);
        engine.tx.onRollback(() -> owner.tables.put(t.name, t));
        return new JobResult();
    }

    JobResult alter(Context ctx, SqlCursor c) throws SQLException {
        c.expectWord("TABLE");
        Table t = engine.names.requireTable(ctx, c.qualifiedName());
        engine.checkPrivilege(ctx, t.project, t.schema, "ALTER", "TABLE " + t.schema + "." + t.name);
        if (c.acceptWord("ADD")) {
            boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
            c.expectWord("PARTITION");
            String spec = TableStorage.normalizeSpec(t, InsertStatements.partitionSpec(c));
            if (engine.storage.partitions(t).contains(spec) && !ifNotExists) {
                throw new OdpsSqlException(
                        "ODPS-0130111",
                        "[1,1] Partition already exists - partition "
                                + spec
                                + " of table "
                                + t.fullName());
            }
            if (t.addedPartitions.add(spec)) {
                engine.tx.onRollback(() -> t.addedPartitions.remove(spec));
            }
            return new JobResult();
        }
        if (c.acceptWord("DROP")) {
            c.acceptWords("IF", "EXISTS");
            c.expectWord("PARTITION");
            Map<String, String> spec = InsertStatements.partitionSpec(c);
            engine.storage.deletePartition(t, spec);
            String dropped = TableStorage.normalizeSpec(t, spec);
            if (t.addedPartitions.remove(dropped)) {
                engine.tx.onRollback(() -> t.addedPartitions.add(dropped));
            }
            return new JobResult();
        }
        if (c.acceptWords("SET", "LIFECYCLE")) {
            Long before = t.lifecycle;
            t.lifecycle = Long.parseLong(c.next().text);
            engine.tx.onRollback(() -> t.lifecycle = before);
            return new JobResult();
        }
        if (c.acceptWords("SET", "COMMENT")) {
            String before = t.comment;
            t.comment = c.string();
            engine.tx.onRollback(() -> t.comment = before);
            return new JobResult();
        }
        throw c.parseError("unsupported ALTER TABLE near '" + c.near() + "'");
    }
}
