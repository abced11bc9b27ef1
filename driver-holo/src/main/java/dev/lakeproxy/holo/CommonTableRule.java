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
import java.sql.SQLException;

/**
 * V3.2 and later: Common Table routing reads encrypted MaxCompute data, and lakeproxy made it
 * effective when the session started (see {@link SessionStart}). This rule only steps in on the
 * pangu error: when a RESET took lakeproxy's routing away and the string is a read in autocommit,
 * it sets the routing again and retries once. A session that set the routing itself (an explicit
 * {@code SET ... = ''} included) is respected: no retry.
 */
final class CommonTableRule implements StatementRule {

    private final SessionState state;
    private final boolean recover;

    CommonTableRule(SessionState state, boolean recover) {
        this.state = state;
        this.recover = recover;
    }

    @Override
    public String name() {
        return "holo.commonTable";
    }

    @Override
    public boolean interested(String sql) {
        return false; // it acts on errors only, which every rule is offered
    }

    @Override
    public Outcome onError(ExecutionContext ctx, SQLException error) throws SQLException {
        String routing = state.facts.appliedRouting;
        if (routing == null
                || !state.routingReset
                || state.routingAtStartup
                || state.routingChoice.chosen()
                || !recover
                || PanguError.of(error) == null
                || !RetryPolicy.safe(ctx)) {
            return Outcome.propagate();
        }
        String set = "SET " + SessionStart.ROUTING + " = '" + routing.replace("'", "''") + "'";
        ctx.runFirst(
                set,
                HoloMessages.M.format("holo.note.commonTable"),
                () -> state.routingReset = false);
        return Outcome.retry(HoloMessages.M.format("holo.note.commonTableRetry"));
    }
}
