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
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.spi.StatementRule;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two permission layers of Paimon_DLF external projects explained (seed, "How permissions
 * work"): RAM (the control plane, console operations) and DLF (the data plane, SQL on the catalog).
 * A rule for statements; the metadata uses {@link #explain} too.
 */
final class PermissionErrorRule implements StatementRule {

    private static final Pattern DLF_FORBIDDEN =
            Pattern.compile(
                    "Forbidden: User (\\S+) doesn't have privilege (\\S+) on (\\S+"
                        + " [^\\s,;'\"]*[^\\s,;'\".])");

    private final SessionState state;

    PermissionErrorRule(SessionState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return "odps.permissionErrors";
    }

    /** Only explains failures, which every rule is offered whatever it says here. */
    @Override
    public boolean interested(String sql) {
        return false;
    }

    @Override
    public Outcome onError(ExecutionContext ctx, SQLException error) {
        SQLException translated = explain(error, allMessages(error));
        if (translated == null) {
            return Outcome.propagate();
        }
        boolean ram = translated.getMessage().startsWith("The RAM");
        state.context
                .counter("odps.translated." + (ram ? "ramPermission" : "dlfPermission"))
                .increment();
        return Outcome.translate(translated);
    }

    /**
     * The error explained (same SQLState and vendor code, the original as cause), or {@code null}
     * to leave it.
     */
    static SQLException explain(SQLException error, String text) {
        if (text.contains("You are not authorized to perform this action")) {
            return OdpsMessages.M.translate(
                    error, "odps.perm.ram", firstLineWith(text, "You are not authorized"));
        }
        Matcher m = DLF_FORBIDDEN.matcher(text);
        if (m.find()) {
            return OdpsMessages.M.translate(
                    error, "odps.perm.dlf", m.group(1), m.group(2), m.group(3));
        }
        return null;
    }

    private static String firstLineWith(String text, String needle) {
        int i = text.indexOf(needle);
        int nl = text.indexOf('\n', i);
        return text.substring(i, nl < 0 ? text.length() : nl).trim();
    }

    /** The messages of an exception and its causes, one a line (bounded). */
    static String allMessages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 20_000; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
