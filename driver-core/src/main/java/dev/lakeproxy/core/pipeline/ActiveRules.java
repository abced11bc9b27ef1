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
package dev.lakeproxy.core.pipeline;

import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.spi.StatementRule;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rules of a connection's active plugins, flattened, and the one-pass interest test: a bit set
 * of the rules that may care about a statement, decided once per call. A plugin's own pre-check
 * gates its rules, so a plugin that cares about nothing costs one call per statement however many
 * rules it has.
 */
final class ActiveRules {

    private static final Logger LOG = Logger.getLogger(ActiveRules.class.getName());
    /** Interest is a {@code long} bit set. */
    static final int MAX_RULES = 64;

    final SessionPlugin[] plugins;
    final StatementRule[] rules;
    /** Rules of plugin {@code p} are {@code rules[firstRule[p] .. firstRule[p + 1])}. */
    private final int[] firstRule;
    private final long binders;
    private final LakeMetrics metrics;

    ActiveRules(List<SessionPlugin> active, LakeMetrics metrics) {
        this.metrics = metrics;
        this.plugins = active.toArray(new SessionPlugin[0]);
        this.firstRule = new int[plugins.length + 1];
        List<StatementRule> all = new ArrayList<>();
        for (int p = 0; p < plugins.length; p++) {
            firstRule[p] = all.size();
            for (StatementRule r : plugins[p].rules()) {
                if (all.size() == MAX_RULES) {
                    LOG.log(Level.WARNING, "more than {0} lakeproxy rules: rule {1} is ignored",
                            new Object[] {MAX_RULES, r.name()});
                } else {
                    all.add(r);
                }
            }
        }
        firstRule[plugins.length] = all.size();
        this.rules = all.toArray(new StatementRule[0]);
        long b = 0;
        for (int r = 0; r < rules.length; r++) {
            if (rules[r].bindsParameters()) {
                b |= 1L << r;
            }
        }
        this.binders = b;
    }

    /**
     * The rules that may care about {@code sql}, as a bit set; 0 is the fast path. Never throws.
     */
    long interest(String sql) {
        long mask = 0;
        for (int p = 0; p < plugins.length; p++) {
            try {
                if (plugins[p].interested(sql)) {
                    for (int r = firstRule[p]; r < firstRule[p + 1]; r++) {
                        if (rules[r].interested(sql)) {
                            mask |= 1L << r;
                        }
                    }
                }
            } catch (RuntimeException | LinkageError bug) {
                contained(bug, "interested");
            }
        }
        return mask;
    }

    long binders() {
        return binders;
    }

    boolean isEmpty() {
        return plugins.length == 0;
    }

    /**
     * A plugin that fails with a runtime exception or a linkage error (a bug, a parser library's, a
     * clash of jars) must not break the user's statement: what it was doing is abandoned, the
     * failure is counted and logged, and the statement goes on.
     */
    void contained(Throwable bug, String hook) {
        metrics.counter("pluginFailures").increment();
        LOG.log(
                Level.FINE,
                "a lakeproxy rule failed in " + hook + "; the statement goes on without it",
                bug);
    }
}
