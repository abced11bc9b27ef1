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
package dev.lakeproxy;

import java.util.List;

/**
 * What lakeproxy would do with one statement on this connection, without running it: the SQL the
 * real driver would receive, and each action with its reason (rewrites, statements run first,
 * refusals, notes).
 */
public final class Explanation {

    private final String originalSql;
    private final String finalSql;
    private final List<String> actions;
    private final String refusal;

    public Explanation(String originalSql, String finalSql, List<String> actions, String refusal) {
        this.originalSql = originalSql;
        this.finalSql = finalSql;
        this.actions = List.copyOf(actions);
        this.refusal = refusal;
    }

    public String originalSql() {
        return originalSql;
    }

    /** The SQL the real driver would run; equal to the original when nothing changes it. */
    public String finalSql() {
        return finalSql;
    }

    public boolean rewritten() {
        return !originalSql.equals(finalSql);
    }

    /**
     * Each action or decision, in order, with its reason. Empty when lakeproxy passes the statement
     * through.
     */
    public List<String> actions() {
        return actions;
    }

    /** Why lakeproxy would refuse the statement, or {@code null}. */
    public String refusal() {
        return refusal;
    }

    public boolean passesThrough() {
        return actions.isEmpty() && refusal == null && !rewritten();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (refusal != null) {
            sb.append("REFUSED: ").append(refusal).append('\n');
        }
        actions.forEach(a -> sb.append("- ").append(a).append('\n'));
        sb.append(
                rewritten()
                        ? "SQL sent: " + finalSql
                        : passesThrough() ? "passes through unchanged" : "SQL unchanged");
        return sb.toString();
    }
}
