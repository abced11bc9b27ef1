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
package dev.lakeproxy.testing;

import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.spi.RewriteContext;
import dev.lakeproxy.spi.StatementRule;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

/**
 * A rule for unit tests: interested in SQL matching a predicate; records each hook call; behaviour
 * set per test.
 */
public class RecordingRule implements StatementRule {

    private final String name;
    private final Predicate<String> interest;
    private final List<String> log;
    public int interestCalls;

    public RecordingRule(String name, Predicate<String> interest, List<String> log) {
        this.name = name;
        this.interest = interest;
        this.log = log;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean interested(String sql) {
        interestCalls++;
        return interest.test(sql);
    }

    @Override
    public void rewrite(RewriteContext ctx) throws SQLException {
        log.add(name + ".rewrite" + (ctx.isDryRun() ? " (dry run)" : ""));
    }

    @Override
    public void beforeExecute(ExecutionContext ctx) throws SQLException {
        log.add(name + ".beforeExecute" + (ctx.isRetry() ? " (retry)" : ""));
    }

    @Override
    public Outcome onError(ExecutionContext ctx, SQLException error) throws SQLException {
        log.add(name + ".onError " + error.getSQLState());
        return Outcome.propagate();
    }

    @Override
    public void afterExecute(ExecutionContext ctx) {
        log.add(name + ".afterExecute");
    }
}
