package dev.lakeproxy.odps;

import com.aliyun.odps.Odps;
import com.aliyun.odps.jdbc.OdpsConnection;
import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.spi.PluginContext;
import dev.lakeproxy.spi.RewriteContext;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.spi.StatementRule;
import dev.lakeproxy.spi.sql.SqlText;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One MaxCompute connection's side of the plugin: Tablestore write scattering and DDL checks, Paimon write
 * guards, USE SCHEMA, TIMESTAMP precision, three-tier metadata, and the explanation of Tablestore and permission
 * errors. Only statements starting with INSERT, CREATE, DROP, ALTER or USE (after comments, or after leading
 * {@code SET k=v;}) are looked at; everything else (every SELECT) takes the fast path.
 */
final class OdpsSession implements SessionPlugin, StatementRule {

    private static final Logger LOG = Logger.getLogger(OdpsSession.class.getName());
    static final String SCATTER_ALIAS = "lp_scatter";

    private final String serverKey;
    private final OdpsConnection real;
    private final Odps odps;
    private final PluginContext context;
    private final boolean scatter;
    private final boolean ddlChecks;
    private final boolean paimonGuard;
    private final boolean truncateTimestamps;
    private final long ttlNanos;
    private final TableMetaCache cache;
    /** Per connection: prepared SQL → decimal places per parameter index (0 = not a TIMESTAMP column). */
    private final Map<String, int[]> placesBySql = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
            return size() > 64;
        }
    };

    OdpsSession(PluginContext ctx, OdpsConnection real, TableMetaCache cache) {
        this.serverKey = ctx.serverKey();
        this.real = real;
        this.odps = real.getOdps();
        this.context = ctx;
        this.scatter = "auto".equals(ctx.option(OdpsOptions.TABLESTORE_SCATTER));
        this.ddlChecks = ctx.option(OdpsOptions.TABLESTORE_DDL_CHECKS);
        this.paimonGuard = ctx.option(OdpsOptions.PAIMON_WRITE_GUARD);
        this.truncateTimestamps = ctx.option(OdpsOptions.TIMESTAMP_TRUNCATION);
        this.ttlNanos = TimeUnit.SECONDS.toNanos(ctx.option(OdpsOptions.METADATA_TTL));
        this.cache = cache;
    }

    @Override
    public List<StatementRule> rules() {
        return List.of(this);
    }

    @Override
    public String name() {
        return "odps.all";
    }

    // ------------------------------------------------------------------ interest (lexical, no allocation)

    @Override
    public boolean interested(String sql) {
        int i = SqlText.firstTokenStart(sql);
        return startsWith(sql, i, "INSERT") || startsWith(sql, i, "CREATE") || startsWith(sql, i, "DROP")
                || startsWith(sql, i, "ALTER") || (startsWith(sql, i, "USE") && SqlText.containsWord(sql, "SCHEMA"))
                || (startsWith(sql, i, "SET") && SqlText.containsWord(sql, "INSERT"));
    }

    private static boolean startsWith(String sql, int i, String word) {
        int end = i + word.length();
        return sql.regionMatches(true, i, word, 0, word.length())
                && (end >= sql.length() || !(Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'));
    }

    // ------------------------------------------------------------------ rewrite and refusals

    @Override
    public void rewrite(RewriteContext ctx) throws SQLException {
        String sql = ctx.sql();
        int i = SqlText.firstTokenStart(sql);
        if (startsWith(sql, i, "USE")) {
            useSchema(ctx, sql);
        } else if (startsWith(sql, i, "CREATE")) {
            checkTablestoreDdl(sql);
        } else if (startsWith(sql, i, "INSERT") || startsWith(sql, i, "SET")) {
            insert(ctx, sql);
        }
    }

    /** {@code USE SCHEMA s}: odps-jdbc 3.4.2 would take "schema s" for a project; it becomes the schema setting. */
    private void useSchema(RewriteContext ctx, String sql) throws SQLException {
        String schema = useSchemaName(sql);
        if (schema == null) {
            return;
        }
        if (schema.isEmpty()) {
            throw OdpsMessages.M.create("42000", "odps.schema.useNeedsName");
        }
        String set = (real.isOdpsNamespaceSchema() ? "" : "SET odps.namespace.schema=true;\n") + "SET odps.default.schema=" + schema;
        context.counter("odps.useSchema").increment();
        ctx.rewrite(set, "USE SCHEMA " + schema + ": odps-jdbc 3.4.2 would send it as USE <project \"schema " + schema
                + "\">; lakeproxy sets odps.default.schema=" + schema + " for the session instead");
    }

    /** The schema of a {@code USE SCHEMA s [;]} statement, "" when the name is missing, {@code null} for other SQL. */
    static String useSchemaName(String sql) {
        List<SqlTokens.Token> t = SqlTokens.scan(sql);
        if (t == null || t.size() < 2 || !t.get(0).is("USE") || !t.get(1).is("SCHEMA")) {
            return null;
        }
        int n = t.size();
        while (n > 2 && t.get(n - 1).isSymbol(';')) {
            n--;
        }
        if (n == 2) {
            return "";
        }
        return n == 3 && t.get(2).isIdentifier() ? t.get(2).name() : null;
    }

    private void checkTablestoreDdl(String sql) throws SQLException {
        if (!ddlChecks) {
            return;
        }
        TablestoreDdl ddl = TablestoreDdl.parse(sql);
        if (ddl == null) {
            return;
        }
        List<String> problems = ddl.violations();
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (int k = 0; k < problems.size(); k++) {
            lines.append("\n  ").append(k + 1).append(") ").append(problems.get(k));
        }
        context.counter("odps.tablestoreDdlRefused").increment();
        SQLException e = OdpsMessages.M.create("42000", "odps.ots.ddlRefused", ddl.table, problems.size(), lines.toString());
        for (String p : problems) {
            e.setNextException(new SQLException(p, "42000"));
        }
        throw e;
    }

    private void insert(RewriteContext ctx, String sql) throws SQLException {
        InsertStatement ins = InsertStatement.parse(sql);
        if (ins == null) {
            return;
        }
        TableMeta meta = target(ins.target, ctx.isDryRun());
        if (meta == null) {
            return;
        }
        if (paimonGuard) {
            String problem = meta.paimonWriteProblem();
            if (problem != null) {
                context.counter("odps.paimonWriteRefused").increment();
                if (problem.equals("dynamicBucket")) {
                    throw OdpsMessages.M.create("0A000", "odps.paimon.dynamicBucket", meta.qualifiedName(),
                            meta.bucket() == null ? "unset" : meta.bucket(), meta.primaryKey().isEmpty() ? "none" : meta.primaryKey());
                }
                throw OdpsMessages.M.create("0A000", "odps.paimon.crossPartition", meta.qualifiedName(), meta.primaryKey(),
                        problem.substring(problem.indexOf(':') + 1));
            }
        }
        if (!meta.isTablestore()) {
            return;
        }
        if (!scatter) {
            ctx.note("Tablestore target " + meta.qualifiedName() + ": not scattered (lakeproxy.odps.tablestoreScatter=off)");
        } else if (ins.values) {
            ctx.note("Tablestore target " + meta.qualifiedName() + ": VALUES insert, left as written");
        } else if (ins.distributed) {
            ctx.note("Tablestore target " + meta.qualifiedName() + ": the query already has DISTRIBUTE BY / CLUSTER BY, left as written");
        } else {
            ctx.rewrite(scatter(sql, ins), "Tablestore target " + meta.qualifiedName() + ": rows scattered with DISTRIBUTE BY rand(), "
                    + "so input sorted by the primary key does not land on one Tablestore partition (seed: use DISTRIBUTE BY rand())");
            context.counter("odps.tablestoreScattered").increment();
        }
    }

    /** The scattering rewrite: the query is wrapped where it stands; every other character stays as written. */
    static String scatter(String sql, InsertStatement ins) {
        return dev.lakeproxy.spi.sql.SqlSplice.of(sql)
                .insert(ins.queryBegin, "SELECT * FROM (")
                .insert(ins.queryEnd, ") " + SCATTER_ALIAS + " DISTRIBUTE BY rand()")
                .apply();
    }

    // ------------------------------------------------------------------ table metadata

    /** The metadata of an INSERT's target, from the cache or one metadata call; {@code null} when unknown. */
    TableMeta target(List<String> parts, boolean dryRun) {
        String project;
        String schema;
        String table = parts.get(parts.size() - 1);
        boolean threeTier = real.isOdpsNamespaceSchema();
        if (parts.size() == 3) {
            project = parts.get(0);
            schema = parts.get(1);
        } else if (parts.size() == 2) {
            project = threeTier ? odps.getDefaultProject() : parts.get(0);
            schema = threeTier ? parts.get(1) : null;
        } else {
            project = odps.getDefaultProject();
            schema = threeTier ? currentSchema() : null;
        }
        Optional<TableMeta> meta = cache.get(serverKey, odps, project, schema, table, ttlNanos,
                () -> context.counter("odps.metadataLoads").increment());
        return meta == null ? null : meta.orElse(null);
    }

    /** The schema one-part names resolve in: a job's odps.default.schema setting wins over the SDK's current schema. */
    private String currentSchema() {
        String s = real.getSqlTaskProperties().getProperty(DEFAULT_SCHEMA);
        if (s == null || s.isEmpty()) {
            s = odps.getCurrentSchema();
        }
        return s == null || s.isEmpty() ? "default" : s;
    }

    static final String DEFAULT_SCHEMA = "odps.default.schema";
    /** Whether the connection carried odps.default.schema before the USE SCHEMA now running (URL {@code schema=}). */
    private boolean hadDefaultSchemaSetting;

    @Override
    public void beforeExecute(ExecutionContext ctx) {
        if (!ctx.isDryRun() && useSchemaName(ctx.originalSql()) != null) {
            hadDefaultSchemaSetting = real.getSqlTaskProperties().containsKey(DEFAULT_SCHEMA);
        }
    }

    // ------------------------------------------------------------------ after execution

    @Override
    public void afterExecute(ExecutionContext ctx) {
        String sql = ctx.originalSql();
        int i = SqlText.firstTokenStart(sql);
        if (startsWith(sql, i, "USE")) {
            String schema = useSchemaName(sql);
            if (schema != null && !schema.isEmpty()) {
                // the SDK's current schema: every statement's jobs, odps-jdbc's metadata and table lookups follow it
                odps.setCurrentSchema(schema);
                if (!hadDefaultSchemaSetting) {
                    // the SET went into the connection's job settings, which win over the current schema: keep
                    // Connection.setSchema working later, as it does without USE SCHEMA
                    real.getSqlTaskProperties().remove(DEFAULT_SCHEMA);
                }
                LOG.log(Level.FINE, "lakeproxy: current schema is now {0}", schema);
            }
        } else if (startsWith(sql, i, "CREATE") || startsWith(sql, i, "DROP") || startsWith(sql, i, "ALTER")) {
            cache.invalidateServer(serverKey);
        }
    }

    // ------------------------------------------------------------------ TIMESTAMP parameters

    @Override
    public boolean bindsParameters() {
        return truncateTimestamps;
    }

    @Override
    public Object bindParameter(String sql, int index, Object value) throws SQLException {
        if (!(value instanceof Timestamp)) {
            return value;
        }
        int[] places;
        synchronized (placesBySql) {
            places = placesBySql.get(sql);
        }
        if (places == null) {
            places = timestampPlaces(sql);
            synchronized (placesBySql) {
                placesBySql.put(sql, places);
            }
        }
        if (index < 1 || index >= places.length || places[index] <= 0) {
            return value;
        }
        Timestamp in = (Timestamp) value;
        Timestamp out = truncate(in, places[index]);
        if (out.getNanos() != in.getNanos()) {
            context.counter("odps.timestampsTruncated").increment();
            LOG.log(Level.FINE, "lakeproxy truncated TIMESTAMP parameter {0} to {1} decimal places (Paimon precision rule)",
                    new Object[] {index, places[index]});
        }
        return out;
    }

    static Timestamp truncate(Timestamp in, int places) {
        int unit = (int) Math.pow(10, 9 - places);
        int nanos = in.getNanos() - in.getNanos() % unit;
        if (nanos == in.getNanos()) {
            return in;
        }
        Timestamp out = new Timestamp(in.getTime());
        out.setNanos(nanos);
        return out;
    }

    /** For {@code INSERT ... VALUES (..., ?, ...)}: the decimal places of each parameter's TIMESTAMP column. */
    private int[] timestampPlaces(String sql) {
        InsertStatement ins = InsertStatement.parse(sql);
        if (ins == null || !ins.values) {
            return new int[0];
        }
        TableMeta meta = target(ins.target, false);
        if (meta == null) {
            return new int[0];
        }
        List<String> names = new ArrayList<>();
        if (ins.columns != null) {
            names.addAll(ins.columns);
        } else {
            meta.columns.forEach(c -> names.add(c.name));
            meta.partitionColumns.forEach(c -> {
                if (ins.partition == null || ins.partition.containsKey(c.name) && ins.partition.get(c.name) == null) {
                    names.add(c.name);
                }
            });
        }
        List<SqlTokens.Token> t = SqlTokens.scan(sql);
        List<Integer> placesByParam = new ArrayList<>();
        placesByParam.add(0);
        int item = 0;
        int tupleDepth = -1;
        boolean afterValues = false;
        for (SqlTokens.Token tok : t) {
            if (tok.is("VALUES")) {
                afterValues = true;
                continue;
            }
            if (!afterValues) {
                if (tok.isSymbol('?')) {
                    placesByParam.add(0);
                }
                continue;
            }
            if (tok.isSymbol('(') && tupleDepth < 0) {
                tupleDepth = tok.depth + 1;
                item = 0;
            } else if (tok.isSymbol(')') && tok.depth + 1 == tupleDepth) {
                tupleDepth = -1;
            } else if (tok.isSymbol(',') && tok.depth == tupleDepth) {
                item++;
            } else if (tok.isSymbol('?')) {
                int p = -1;
                if (tok.depth == tupleDepth && item < names.size()) {
                    String col = names.get(item);
                    for (TableMeta.Col c : meta.columns) {
                        if (c.name.equalsIgnoreCase(col)) {
                            p = TableMeta.timestampPlaces(c.type);
                        }
                    }
                }
                placesByParam.add(Math.max(p, 0));
            }
        }
        int[] out = new int[placesByParam.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = placesByParam.get(k);
        }
        return out;
    }

    // ------------------------------------------------------------------ errors explained

    private static final Pattern DLF_FORBIDDEN =
            Pattern.compile("Forbidden: User (\\S+) doesn't have privilege (\\S+) on (\\S+ [^\\s,;'\"]+)");
    private static final Pattern OTS_TABLE = Pattern.compile("Tablestore table '([^']+)'");

    @Override
    public Outcome onError(ExecutionContext ctx, SQLException error) {
        SQLException translated = explain(error, ctx.originalSql());
        return translated == null ? Outcome.propagate() : Outcome.translate(translated);
    }

    /** The error explained (same SQLState and vendor code, the original as cause), or {@code null} to leave it. */
    SQLException explain(SQLException error, String originalSql) {
        String text = allMessages(error);
        SQLException translated = null;
        String kind = null;
        if (text.contains("The total data size of BatchWriteRow request exceeds the limit")) {
            kind = "batchTooLarge";
            translated = OdpsMessages.M.translate(error, "odps.ots.batchTooLarge", targetName(originalSql));
        } else if (text.contains("OTSParameterInvalid") && text.contains("The input parameter is invalid")) {
            kind = "duplicateRows";
            translated = duplicateRows(originalSql, error);
        } else if (text.contains("OTSObjectNotExist") || (OTS_TABLE.matcher(text).find() && text.contains("does not exist"))) {
            kind = "missingTablestoreTable";
            Matcher m = OTS_TABLE.matcher(text);
            translated = OdpsMessages.M.translate(error, "odps.ots.missingTable", m.find() ? m.group(1) : "(see the cause)",
                    targetName(originalSql));
        } else {
            translated = explainPermission(error, text);
            kind = translated == null ? null : translated.getMessage().startsWith("The RAM") ? "ramPermission" : "dlfPermission";
        }
        if (translated == null) {
            return null;
        }
        context.counter("odps.translated." + kind).increment();
        LOG.log(Level.FINE, "lakeproxy explained a MaxCompute error ({0})", kind);
        return translated;
    }

    /** The two permission layers of Paimon_DLF external projects: RAM (control plane) and DLF (data plane). */
    static SQLException explainPermission(SQLException error, String text) {
        if (text.contains("You are not authorized to perform this action")) {
            return OdpsMessages.M.translate(error, "odps.perm.ram", firstLineWith(text, "You are not authorized"));
        }
        Matcher m = DLF_FORBIDDEN.matcher(text);
        if (m.find()) {
            return OdpsMessages.M.translate(error, "odps.perm.dlf", m.group(1), m.group(2), m.group(3));
        }
        return null;
    }

    private SQLException duplicateRows(String originalSql, SQLException error) {
        InsertStatement ins = InsertStatement.parse(originalSql);
        TableMeta meta = ins == null ? null : cachedTarget(ins.target);
        String table = ins == null ? "<table>" : String.join(".", ins.target);
        List<String> pk = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        if (meta != null) {
            meta.columns.forEach(c -> cols.add(c.name));
            String mapping = meta.serDeProperties.get("tablestore.columns.mapping");
            if (mapping != null) {
                String[] entries = mapping.split(",");
                for (int k = 0; k < entries.length && k < cols.size(); k++) {
                    if (entries[k].trim().startsWith(":")) {
                        pk.add(cols.get(k));
                    }
                }
            }
        }
        String keys = pk.isEmpty() ? "<primary key columns>" : String.join(", ", pk);
        String list = cols.isEmpty() ? "<columns>" : String.join(", ", cols);
        String source = ins != null && !ins.values ? originalSql.substring(ins.queryBegin, ins.queryEnd) : "<your query>";
        String example = "INSERT INTO " + table + " SELECT " + list + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY " + keys
                + " ORDER BY " + keys + ") AS lp_rn FROM (" + source + ") src) dedup WHERE lp_rn = 1";
        return OdpsMessages.M.translate(error, "odps.ots.duplicateRows", table, keys, example);
    }

    private TableMeta cachedTarget(List<String> parts) {
        try {
            return target(parts, true);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String targetName(String sql) {
        InsertStatement ins = InsertStatement.parse(sql);
        return ins == null ? "(the INSERT's target)" : String.join(".", ins.target);
    }

    private static String firstLineWith(String text, String needle) {
        int i = text.indexOf(needle);
        int nl = text.indexOf('\n', i);
        return text.substring(i, nl < 0 ? text.length() : nl).trim();
    }

    static String allMessages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 20_000; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ metadata

    @Override
    public DatabaseMetaData metaData(DatabaseMetaData realMeta) {
        if (!real.isOdpsNamespaceSchema()) {
            return realMeta;
        }
        return new OdpsMetaData(realMeta, odps, () -> context.counter("odps.metadataColumnsFixed").increment(), e -> {
            SQLException t = explainPermission(e, allMessages(e));
            if (t != null) {
                context.counter("odps.translated.metadataPermission").increment();
                context.errorTranslated();
            }
            return t == null ? e : t;
        });
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
