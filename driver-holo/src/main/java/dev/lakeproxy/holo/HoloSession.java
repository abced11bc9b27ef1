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
import dev.lakeproxy.holo.kms.KmsOptions;
import dev.lakeproxy.spi.PluginContext;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.spi.StatementRule;
import dev.lakeproxy.spi.TransactionEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One connection's Hologres rules, chosen once by the instance's version: from V3.2 the Common
 * Table rule, on V1.1 to V3.1 the engine switch; the session-settings rule and the error
 * explanations on every version.
 */
final class HoloSession implements SessionPlugin {

    private final SessionSettingsRule settings;
    private final List<StatementRule> rules;
    private final int ownTimeoutMillis;

    HoloSession(PluginContext ctx, SessionState state) {
        boolean recover = ctx.option(HoloOptions.RECOVER);
        this.ownTimeoutMillis = state.timeoutMillis;
        this.settings = new SessionSettingsRule(state);
        StatementRule explanations = new ErrorExplanationRule(state, CredentialsSettings.of(ctx),
                ctx.option(KmsOptions.KEYS), recover);
        if (state.facts.version.hasCommonTable()) {
            rules = List.of(settings, new CommonTableRule(state, recover), explanations);
        } else if (state.facts.legacy()) {
            Set<String> configured = lower(ctx.option(HoloOptions.ENCRYPTED_PROJECTS));
            rules =
                    List.of(
                            settings,
                            new EngineSwitchRule(state, configured, recover),
                            explanations);
        } else {
            rules = List.of(explanations); // below V1.1: nothing to switch, only the explanation
        }
    }

    @Override
    public List<StatementRule> rules() {
        return rules;
    }

    /** The engine switch's SET waits at most as long as lakeproxy's other statements. */
    @Override
    public int ownStatementTimeoutMillis() {
        return ownTimeoutMillis;
    }

    @Override
    public void onTransactionEvent(TransactionEvent event) {
        settings.onTransactionEvent(event);
    }

    private static Set<String> lower(List<String> names) {
        Set<String> s = new HashSet<>();
        names.forEach(n -> s.add(n.toLowerCase(Locale.ROOT)));
        return Set.copyOf(s);
    }
}
