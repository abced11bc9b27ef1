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

import dev.lakeproxy.core.sql.SqlAnalyzer;
import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.sql.SqlAnalysis;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * One execution of a statement, for unit tests that call a rule's hooks directly (no pipeline): the
 * real connection is usually {@link StubJdbc}'s, the parsing is the core's own. What the rule asks
 * to run first is sent on the real connection at once, as the pipeline sends it before the
 * statement, and its follow-up runs only if it really ran; a dry run sends nothing.
 */
public final class StubExecution implements ExecutionContext {

    /** The statements the rule asked to run first, in order, whether they ran or not. */
    public final List<String> ranFirst = new ArrayList<>();
    /** What the rule noted, for the log and explain. */
    public final List<String> notes = new ArrayList<>();
    public boolean autoCommit = true;
    public boolean retry;
    public boolean dryRun;
    public boolean prepared;
    private final StubCounters counters = new StubCounters();
    private final String sql;
    private final Connection real;

    public StubExecution(String sql, Connection real) {
        this.sql = sql;
        this.real = real;
    }

    /** A counter's value (0 when never bumped). */
    public long count(String name) {
        return counters.count(name);
    }

    @Override
    public String originalSql() {
        return sql;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public boolean isPrepared() {
        return prepared;
    }

    @Override
    public boolean autoCommit() {
        return autoCommit;
    }

    @Override
    public Connection realConnection() {
        return real;
    }

    @Override
    public void runFirst(String first, String reason, Runnable onSuccess) {
        ranFirst.add(first);
        if (dryRun) {
            return;
        }
        try (Statement s = real.createStatement()) {
            s.execute(first);
        } catch (SQLException failed) {
            return; // the pipeline would fail the statement; the follow-up must not run
        }
        if (onSuccess != null) {
            onSuccess.run();
        }
    }

    @Override
    public void note(String action) {
        notes.add(action);
    }

    @Override
    public boolean isRetry() {
        return retry;
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @Override
    public SqlAnalysis analysis() {
        return SqlAnalyzer.shared();
    }

    @Override
    public LongAdder counter(String name) {
        return counters.counter(name);
    }
}
