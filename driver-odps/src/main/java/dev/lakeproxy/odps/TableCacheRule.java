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
package dev.lakeproxy.odps;

import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.StatementRule;

/**
 * CREATE, DROP and ALTER through lakeproxy: the server's cached table metadata is forgotten once
 * they succeed.
 */
final class TableCacheRule implements StatementRule {

    private final SessionState state;

    TableCacheRule(SessionState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return "odps.tableCache";
    }

    @Override
    public boolean interested(String sql) {
        return FirstKeyword.of(sql).isDdl();
    }

    @Override
    public void afterExecute(ExecutionContext ctx) {
        if (!ctx.isDryRun()) {
            state.forgetTables();
        }
    }
}
