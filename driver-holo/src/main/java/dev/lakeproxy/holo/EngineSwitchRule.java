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
package dev.lakeproxy.holo;

import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.spi.StatementRule;
import dev.lakeproxy.spi.sql.ParsedStatement;
import dev.lakeproxy.spi.sql.SqlText;
import dev.lakeproxy.spi.sql.TableName;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * V1.1 to V3.1: a statement that reads a foreign table of a KMS-encrypted MaxCompute project
 * (directly, through views, or in any statement of a multi-statement string) runs on SQE, and only
 * that statement: lakeproxy sets SQE before it and RESETs the setting after it, so the session's
 * engine is always the one the user, the role or the database chose. A session that set the engine
 * itself is left alone. The pangu error teaches which projects are encrypted; a string of reads in
 * autocommit is then retried once on SQE.
 */
final class EngineSwitchRule implements StatementRule {

    private static final Logger LOG = Logger.getLogger(EngineSwitchRule.class.getName());
    static final String RESTORE = "RESET " + EngineMode.SETTING;

    private final SessionState state;
    private final Set<String> configured;
    private final boolean recover;
    private Set<String> encrypted;
    private int learnedSeen = -1;
    private RelationCatalog namesOf;
    private String[] names = new String[0];
    /** lakeproxy set SQE for the current statement and must give the session its engine back. */
    private boolean restorePending;

    EngineSwitchRule(SessionState state, Set<String> configured, boolean recover) {
        this.state = state;
        this.configured = configured;
        this.encrypted = configured;
        this.recover = recover;
    }

    @Override
    public String name() {
        return "holo.engineSwitch";
    }

    @Override
    public boolean interested(String sql) {
        return restorePending || SqlText.containsAnyWord(sql, names());
    }

    /**
     * Names of the relations that read encrypted projects; recomputed only when the catalog or the
     * set changes.
     */
    private String[] names() {
        RelationCatalog c = state.resolver.catalog();
        Set<String> projects = encryptedProjects();
        if (c != namesOf) {
            namesOf = c;
            names = c == null || projects.isEmpty() ? new String[0] : c.namesReading(projects);
        }
        return names;
    }

    private Set<String> encryptedProjects() {
        int learned = state.instance.learnedEncrypted.size();
        if (learned != learnedSeen) {
            Set<String> all = new HashSet<>(configured);
            all.addAll(state.instance.learnedEncrypted);
            encrypted = Set.copyOf(all);
            learnedSeen = learned;
            namesOf = null; // the names follow the set
        }
        return encrypted;
    }

    @Override
    public void beforeExecute(ExecutionContext ctx) throws SQLException {
        boolean need = readsEncrypted(ctx);
        if (restorePending && !need) { // left over from a retry on the fast path
            ctx.runFirst(
                    RESTORE,
                    HoloMessages.M.format("holo.note.engineRestored"),
                    () -> restorePending = false);
        }
        if (!need || restorePending) {
            return;
        }
        if (state.engineChoice.chosen()) {
            ctx.note(HoloMessages.M.format("holo.note.userEngine", EngineMode.SETTING));
            return;
        }
        if (state.facts.engineAtStart == EngineMode.SQE) {
            return; // the database, a role or the startup options already select SQE
        }
        switchToSqe(ctx, HoloMessages.M.format("holo.note.sqe"));
    }

    private void switchToSqe(ExecutionContext ctx, String reason) throws SQLException {
        String set = (ctx.autoCommit() ? "SET " : "SET LOCAL ") + EngineMode.SETTING + " = false";
        ctx.runFirst(set, reason, () -> {
            restorePending = true;
            ctx.counter("holo.engineSwitches").increment();
        });
    }

    /**
     * Whether any statement of the string reads a relation of an encrypted project, resolved by the
     * catalog.
     */
    boolean readsEncrypted(ExecutionContext ctx) {
        Set<String> projects = encryptedProjects();
        if (projects.isEmpty()) {
            return false;
        }
        RelationCatalog c = catalog();
        if (c == null) {
            return SqlText.containsAnyWord(ctx.sql(), names());
        }
        for (ParsedStatement p : ctx.analysis().parseEach(ctx.sql())) {
            List<TableName> tables = p.tables();
            if (tables == null) {
                // cannot tell (COPY, a construct the parser does not know): SQE is the safe side
                if (SqlText.containsAnyWord(p.sql(), names())) {
                    return true;
                }
                continue;
            }
            for (TableName t : tables) {
                List<String> path = t.qualifier() == null ? state.searchPath() : null;
                for (String read : ProjectsReadResolver.projectsRead(c, t, path)) {
                    if (projects.contains(read)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The catalog, reloaded (one round trip) when stale: only for statements that may read
     * encrypted data.
     */
    private RelationCatalog catalog() {
        if (state.resolver.stale()) {
            try {
                state.refreshCatalog();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "could not read the relation catalog ({0})", e.getSQLState());
            }
        }
        return state.resolver.catalog();
    }

    @Override
    public void afterExecute(ExecutionContext ctx) {
        if (restorePending) {
            restore(ctx);
        }
    }

    /**
     * RESETs the engine setting, bounded like every statement of lakeproxy's own. When the RESET
     * fails and the session is still there outside a transaction block, the setting stands: the
     * next statement through lakeproxy RESETs it first (the rule stays interested in every
     * statement until then). In a transaction block the failure aborted it, and its rollback undoes
     * the SET; a closed connection took the session with it.
     */
    private void restore(ExecutionContext ctx) {
        try (Statement s = state.real.createStatement()) {
            state.own(() -> s.execute(RESTORE));
            restorePending = false;
        } catch (SQLException e) {
            restorePending = !closed() && !state.transactionOpen();
            LOG.log(Level.FINE, "could not give the session its engine back ({0}); pending: {1}",
                    new Object[] {e.getSQLState(), restorePending});
            String key = restorePending ? "holo.warn.resetPending" : "holo.warn.resetLost";
            ctx.warn(HoloMessages.M.format(key, EngineMode.SETTING, e.getSQLState()));
        }
    }

    private boolean closed() {
        try {
            return state.real.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public Outcome onError(ExecutionContext ctx, SQLException error) throws SQLException {
        boolean onSqe =
                restorePending
                        || (!state.engineChoice.chosen()
                                && state.facts.engineAtStart == EngineMode.SQE);
        if (restorePending) {
            if (ctx.autoCommit()) {
                restore(ctx);
            } else {
                restorePending = false; // the failed transaction's rollback undoes the SET LOCAL
            }
        }
        PanguError pangu = PanguError.of(error);
        if (pangu == null) {
            return Outcome.propagate();
        }
        state.lastFailureOnSqe = onSqe;
        String project = PanguLearning.learn(pangu, ctx, state);
        if (onSqe || state.engineChoice.chosen() || !recover || !RetryPolicy.safe(ctx)) {
            return Outcome.propagate(); // the explanations rule says why
        }
        switchToSqe(ctx, HoloMessages.M.format("holo.note.sqeLearned", project));
        return Outcome.retry(HoloMessages.M.format("holo.note.sqeRetry"));
    }
}
