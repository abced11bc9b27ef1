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

import dev.lakeproxy.credentials.CredentialsSettings;
import dev.lakeproxy.holo.kms.KeyStates;
import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.spi.StatementRule;
import java.sql.SQLException;
import java.util.List;

/**
 * Explains, after the other rules declined to retry, the errors of reading encrypted MaxCompute
 * data: the pangu error by the version the instance has now (read again when this connection's
 * facts came from the cache or an error contradicts them), what the session chose, and the key's
 * state from KMS; and an unrecognized routing parameter, which means the instance no longer has
 * Common Table (rolled back) and drops its facts.
 */
final class ErrorExplanationRule implements StatementRule {

    private static final String ROUTING_SET =
            "SET " + SessionStart.ROUTING + " = '" + HoloOptions.COMMON_TABLE_ROUTING + "';";
    private static final String SQE_SET = "SET " + EngineMode.SETTING + " = false;";

    private final SessionState state;
    private final CredentialsSettings options;
    private final List<String> keys;

    /**
     * lakeproxy.holo.recover: whether a wrong-engine read was not retried by choice or by the
     * rules.
     */
    private final boolean recover;

    ErrorExplanationRule(SessionState state, CredentialsSettings options, List<String> keys,
                         boolean recover) {
        this.state = state;
        this.options = options;
        this.keys = keys;
        this.recover = recover;
    }

    @Override
    public String name() {
        return "holo.explanations";
    }

    @Override
    public boolean interested(String sql) {
        return false; // it acts on errors only
    }

    @Override
    public Outcome onError(ExecutionContext ctx, SQLException error) {
        if ("42704".equals(error.getSQLState())
                && String.valueOf(error.getMessage()).contains(SessionStart.ROUTING)) {
            state.instance.forgetFacts();
            return Outcome.translate(
                    HoloMessages.M.translate(error, "holo.routingUnknown", versionNow()));
        }
        PanguError pangu = PanguError.of(error);
        if (pangu == null) {
            return Outcome.propagate();
        }
        ctx.counter("holo.panguErrors").increment();
        HoloVersion now = versionNow();
        String project = PanguLearning.learn(pangu, ctx, state);
        if (!now.atLeast(HoloVersion.V1_1)) {
            return translate(error, "holo.tooOld", now, project);
        }
        if (now.hasCommonTable()) {
            if (state.routingChoice.chosen()) {
                return translate(error, "holo.routingTurnedOff", now, project, ROUTING_SET);
            }
            boolean routed = state.facts.version.hasCommonTable() && !state.routingReset
                    && state.facts.routing.contains("odps:common_table");
            return routed ? translateWithKey(error, "holo.commonTableFailed", now, project)
                    : translate(error, "holo.needsRouting", now, project, ROUTING_SET);
        }
        if (state.lastFailureOnSqe) {
            String key =
                    now.atLeast(HoloVersion.V1_3_31)
                            ? "holo.sqeFailed"
                            : "holo.backendConfiguration";
            return translateWithKey(error, key, now, project);
        }
        if (state.engineChoice.chosen()) {
            return translate(error, "holo.engineChosen", now, project, SQE_SET);
        }
        return translate(
                error,
                recover ? "holo.wrongEngine" : "holo.wrongEngineNoRecover",
                now,
                project,
                SQE_SET);
    }

    /** The version the instance has now; a change drops what the instance cache holds. */
    private HoloVersion versionNow() {
        HoloVersion known = state.facts.version;
        if (state.facts.fresh) {
            return known;
        }
        HoloVersion now = SessionStart.versionNow(state.real, state.timeoutMillis);
        if (now == null) {
            return known;
        }
        if (!now.equals(known)) {
            state.instance.forgetFacts();
        }
        return now;
    }

    private static Outcome translate(SQLException error, String key, Object... args) {
        return Outcome.translate(HoloMessages.M.translate(error, key, args));
    }

    private Outcome translateWithKey(
            SQLException error, String key, HoloVersion now, String project) {
        String keyState = KeyStates.describe(options, keys, project);
        return Outcome.translate(HoloMessages.M.translateWith(error, keyState, key, now, project));
    }
}
