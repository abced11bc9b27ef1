package dev.lakeproxy.holo;

import dev.lakeproxy.holo.kms.KeyInfo;
import dev.lakeproxy.holo.kms.Kms;
import dev.lakeproxy.holo.kms.KmsClients;
import dev.lakeproxy.holo.kms.KmsException;
import dev.lakeproxy.holo.kms.KmsOptions;
import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.spi.PluginContext;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.spi.StatementRule;
import dev.lakeproxy.spi.TransactionEvent;
import dev.lakeproxy.spi.sql.ParsedStatement;
import dev.lakeproxy.spi.sql.SqlText;
import dev.lakeproxy.spi.sql.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection's Hologres state. From V3.2 it only steps in on the pangu error. On V1.1–V3.1 it tracks the
 * session's engine setting and switches to SQE only for statements that read foreign tables of encrypted
 * projects (and back for other foreign reads), sending a SET only when the needed mode differs from the
 * tracked one; the tracked mode follows the server through commits, rollbacks and errors.
 */
final class HoloSession implements SessionPlugin, StatementRule {

    private static final Logger LOG = Logger.getLogger(HoloSession.class.getName());

    private final Connection real;
    private final HoloInstance instance;
    private final HoloInstance.Database database;
    private final HoloVersion version;
    private final Set<String> configuredEncrypted;
    private final String routingValue;
    private final boolean routingRespected;
    private final boolean recover;
    private final PluginContext context;
    private boolean routingInEffect;

    private final EngineMode baseMode;
    private EngineMode mode;
    /** A SET inside an open transaction: it stands only if the transaction commits. */
    private boolean modePending;
    private EngineMode modeBeforeTransaction;

    private ForeignCatalog catalog;
    private Set<String> encryptedSnapshot = Set.of();
    private String[] encryptedNames = new String[0];
    /** Configured and learned encrypted projects; rebuilt only when the learned set (which only grows) grows. */
    private Set<String> encryptedProjects;
    private int learnedSeen;

    HoloSession(PluginContext ctx, HoloInstance instance, HoloInstance.Database database,
                HoloInstance.SessionDefaults defaults) {
        this.context = ctx;
        this.real = ctx.realConnection();
        this.instance = instance;
        this.database = database;
        this.version = instance.version;
        this.configuredEncrypted = lower(ctx.option(HoloOptions.ENCRYPTED_PROJECTS));
        this.encryptedProjects = configuredEncrypted;
        this.routingValue = HologresPlugin.routingValue(ctx.option(HoloOptions.ROUTING));
        this.routingRespected = defaults.injectedRouting == null && routingValue != null;
        this.recover = ctx.option(HoloOptions.RECOVER);
        this.routingInEffect = defaults.injectedRouting != null;
        this.baseMode = defaults.baseMode;
        this.mode = defaults.baseMode;
        this.catalog = database.freshCatalog();
    }

    private boolean legacy() {
        return version.atLeast(HoloVersion.V1_1) && !version.hasCommonTable();
    }

    @Override
    public List<StatementRule> rules() {
        return List.of(this);
    }

    @Override
    public String name() {
        return "holo.engine";
    }

    // ------------------------------------------------------------------ the fast-path test

    @Override
    public boolean interested(String sql) {
        if (!legacy()) {
            return false;
        }
        if (SqlText.containsAnyWord(sql, encryptedNames())) {
            return true;
        }
        if (mode != baseMode && catalog != null && SqlText.containsAnyWord(sql, catalog.allNames())) {
            return true; // a foreign read that must go back to the base engine
        }
        return SqlText.containsWord(sql, "FOREIGN") || SqlText.containsWord(sql, EngineMode.SETTING)
                || SqlText.startsWithKeyword(sql, "RESET") || SqlText.startsWithKeyword(sql, "DISCARD");
    }

    /** Names of foreign tables of encrypted projects (configured or learned), recomputed only when those change. */
    private String[] encryptedNames() {
        Set<String> projects = encryptedProjects();
        if (projects.isEmpty()) {
            return encryptedNames;
        }
        if (catalog == null || projects != encryptedSnapshot) {
            ForeignCatalog c = catalog();
            encryptedSnapshot = projects;
            encryptedNames = c == null ? new String[0] : c.namesIn(projects);
        }
        return encryptedNames;
    }

    private Set<String> encryptedProjects() {
        int learned = instance.learnedEncrypted.size();
        if (learned != learnedSeen) {
            Set<String> all = new HashSet<>(configuredEncrypted);
            all.addAll(instance.learnedEncrypted);
            encryptedProjects = Set.copyOf(all);
            learnedSeen = learned;
        }
        return encryptedProjects;
    }

    /** The foreign-table catalog, from the instance cache or (once per database per minute) from the server. */
    private ForeignCatalog catalog() {
        ForeignCatalog c = database.freshCatalog();
        if (c == null) {
            try {
                c = ForeignCatalog.load(real);
                database.catalog(c);
                context.counter("holo.catalogLoads").increment();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "could not read the foreign-table catalog", e);
                return catalog;
            }
        }
        if (c != catalog) {
            catalog = c;
            encryptedSnapshot = Set.of();
        }
        return c;
    }

    // ------------------------------------------------------------------ before and after a statement

    @Override
    public void beforeExecute(ExecutionContext ctx) throws SQLException {
        settleTransaction();
        EngineMode need = neededMode(ctx);
        if (need == null || need == mode) {
            return;
        }
        String reason = need == EngineMode.SQE
                ? "the statement reads a foreign table of a KMS-encrypted MaxCompute project: SQE can read it, HQE cannot"
                : "the statement reads foreign tables of unencrypted projects only: back to the faster engine";
        ctx.runFirst(need.setStatement(), reason, () -> switched(need));
    }

    /** SQE if any foreign table read belongs to an encrypted project; the base engine for other foreign reads. */
    private EngineMode neededMode(ExecutionContext ctx) {
        ParsedStatement parsed = ctx.analysis().parse(ctx.sql());
        List<TableName> tables = parsed.tables();
        Set<String> encrypted = encryptedProjects();
        ForeignCatalog c = catalog();
        if (tables == null || c == null) {
            // cannot tell which tables: SQE reads everything (only slower), so it is the safe choice
            return SqlText.containsAnyWord(ctx.sql(), encryptedNames()) ? EngineMode.SQE : null;
        }
        boolean foreign = false;
        for (TableName t : tables) {
            Set<String> projects = c.projectsOf(t);
            if (!projects.isEmpty()) {
                foreign = true;
                for (String p : projects) {
                    if (encrypted.contains(p)) {
                        return EngineMode.SQE;
                    }
                }
            }
        }
        return foreign ? (baseMode == EngineMode.SQE ? EngineMode.SQE : EngineMode.HQE) : null;
    }

    private void switched(EngineMode to) {
        boolean inTransaction = transactionOpen();
        if (inTransaction && !modePending) {
            modeBeforeTransaction = mode;
            modePending = true;
        }
        mode = to;
        context.counter("holo.engineSwitches").increment();
        LOG.log(Level.FINE, "Hologres session engine is now {0}{1}",
                new Object[] {to, inTransaction ? " (until the transaction ends)" : ""});
    }

    @Override
    public void afterExecute(ExecutionContext ctx) {
        String sql = ctx.sql();
        if (SqlText.containsWord(sql, "FOREIGN")) {
            database.invalidateCatalog(); // CREATE / DROP / IMPORT FOREIGN ... changed the catalog
        }
        if (SqlText.containsWord(sql, EngineMode.SETTING) || SqlText.startsWithKeyword(sql, "RESET")
                || SqlText.startsWithKeyword(sql, "DISCARD")) {
            mode = EngineMode.UNKNOWN; // the user changed the setting: set it again when it matters
        }
    }

    // ------------------------------------------------------------------ transactions

    @Override
    public void onTransactionEvent(TransactionEvent event) {
        if (!modePending) {
            return;
        }
        switch (event) {
            case COMMIT:
            case AUTOCOMMIT_ON:
                modePending = false;
                break;
            case ROLLBACK:
                mode = modeBeforeTransaction; // the SET was rolled back with the transaction
                modePending = false;
                break;
            case ROLLBACK_TO_SAVEPOINT:
                mode = EngineMode.UNKNOWN; // which SETs the savepoint undid is not tracked
                break;
            default:
                break;
        }
    }

    /** A transaction ended without a JDBC event (COMMIT or ROLLBACK as SQL): the mode may or may not stand. */
    private void settleTransaction() {
        if (modePending && !transactionOpen()) {
            mode = EngineMode.UNKNOWN;
            modePending = false;
        }
    }

    private boolean transactionOpen() {
        try {
            return PgTransactions.isOpen(real);
        } catch (SQLException e) {
            return true; // unknown: treat a change as pending, so a rollback cannot leave it wrong
        }
    }

    // ------------------------------------------------------------------ errors

    @Override
    public Outcome onError(ExecutionContext ctx, SQLException error) throws SQLException {
        PanguError pangu = PanguError.of(error);
        if (pangu == null) {
            return Outcome.propagate();
        }
        context.counter("holo.panguErrors").increment();
        String project = learn(pangu, ctx);
        String shown = project == null ? "(unknown)" : project;
        if (!version.atLeast(HoloVersion.V1_1)) {
            return Outcome.translate(HoloMessages.M.translate(error, "holo.tooOld", version, shown));
        }
        if (version.hasCommonTable()) {
            return commonTableError(ctx, error, shown);
        }
        if (mode == EngineMode.SQE) {
            String key = version.atLeast(HoloVersion.V1_3_31) ? "holo.sqeFailed" : "holo.backendConfiguration";
            return Outcome.translate(HoloMessages.M.translateWith(error, keyState(project), key, version, shown));
        }
        String set = EngineMode.SQE.setStatement();
        if (recover && safeToRetry(ctx)) {
            ctx.runFirst(set, "MaxCompute project " + shown + " is encrypted: HQE cannot read it", () -> switched(EngineMode.SQE));
            return Outcome.retry("the wrong engine read encrypted MaxCompute data; retried once on SQE");
        }
        return Outcome.translate(HoloMessages.M.translate(error, "holo.wrongEngine", version, shown, set + ";"));
    }

    private Outcome commonTableError(ExecutionContext ctx, SQLException error, String project) throws SQLException {
        String set = "SET " + HologresPlugin.ROUTING_SETTING + " = '" + HoloOptions.COMMON_TABLE_ROUTING + "'";
        if (routingValue == null || routingRespected) {
            return Outcome.translate(HoloMessages.M.translate(error, "holo.needsRouting", version, project, set + ";"));
        }
        if (recover && safeToRetry(ctx)) { // the session may have lost the routing (a SET or RESET of the user's)
            String setValue = "SET " + HologresPlugin.ROUTING_SETTING + " = '" + routingValue.replace("'", "''") + "'";
            ctx.runFirst(setValue, "Common Table reads encrypted MaxCompute data", () -> routingInEffect = true);
            return Outcome.retry("routing was not in effect; retried once through Common Table");
        }
        return Outcome.translate(HoloMessages.M.translateWith(error, routingInEffect ? keyState(project) : "",
                routingInEffect ? "holo.commonTableFailed" : "holo.needsRouting", version, project, set + ";"));
    }

    /** What KMS DescribeKey says about the project's key (when KMS and the project's key are configured). */
    private String keyState(String project) {
        Kms kms = KmsClients.of(context::option, context.option(KmsOptions.KEYS));
        String keyId = kms == null ? null : kms.keyOf(project);
        if (keyId == null) {
            return "";
        }
        try {
            KeyInfo key = kms.describe(keyId);
            return HoloMessages.M.format("holo.kms.state", key.keyId(), key.state(), key.origin()) + " "
                    + HoloMessages.M.format("holo.kms.advice." + key.state());
        } catch (KmsException e) {
            return HoloMessages.M.format("holo.kms.unavailable", e.getMessage());
        }
    }

    /** Retry only what runs twice harmlessly: a read, in autocommit, not already retried. */
    private static boolean safeToRetry(ExecutionContext ctx) throws SQLException {
        return !ctx.isRetry() && ctx.autoCommit() && ctx.analysis().parse(ctx.sql()).kind().isRead();
    }

    /** Remembers the encrypted project for every connection to this instance; returns it. */
    private String learn(PanguError pangu, ExecutionContext ctx) {
        String project = pangu.project;
        if (project == null) {
            ParsedStatement parsed = ctx.analysis().parse(ctx.sql());
            ForeignCatalog c = catalog();
            if (parsed.tables() != null && c != null) {
                for (TableName t : parsed.tables()) {
                    for (String p : c.projectsOf(t)) {
                        project = p;
                    }
                }
            }
        }
        if (project != null && instance.learnedEncrypted.add(project)) {
            database.invalidateCatalog();
            context.counter("holo.learnedProjects").increment();
            LOG.log(Level.FINE, "learned from the pangu error that MaxCompute project {0} is KMS-encrypted", project);
        }
        return project;
    }

    private static Set<String> lower(List<String> names) {
        Set<String> s = new HashSet<>();
        names.forEach(n -> s.add(n.toLowerCase(Locale.ROOT)));
        return Set.copyOf(s);
    }
}
