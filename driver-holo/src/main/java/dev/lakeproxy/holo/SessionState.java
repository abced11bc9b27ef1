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

import dev.lakeproxy.spi.OwnStatements;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * One connection's Hologres state, shared by its rules: the facts it started with and what the
 * session chose.
 */
final class SessionState {

    final SessionFacts facts;
    final HoloInstance instance;
    final ProjectsReadResolver resolver;
    final Connection real;
    /**
     * How long each statement lakeproxy sends on its own may wait ({@link HoloOptions#TIMEOUT}).
     */
    final int timeoutMillis;
    /** The session set or reset the legacy engine setting itself. */
    final UserChoice engineChoice = new UserChoice();
    /** The session set or reset the routing itself (an explicit opt-out included). */
    final UserChoice routingChoice = new UserChoice();
    /** A RESET (ALL) or DISCARD ALL took back the routing lakeproxy set at session level. */
    boolean routingReset;
    /** The routing came with the startup options: a RESET keeps it. */
    final boolean routingAtStartup;
    /** The last failure ran on SQE (set by the engine rule for the explanations). */
    boolean lastFailureOnSqe;

    /**
     * The schemas unqualified names resolve in; {@code null} after the session changed its
     * search_path.
     */
    private List<String> searchPath;

    SessionState(
            SessionFacts facts,
            HoloInstance instance,
            ProjectsReadResolver resolver,
            Connection real,
            String startupOptions,
            boolean routingAtStartup,
            int timeoutMillis) {
        this.facts = facts;
        this.instance = instance;
        this.resolver = resolver;
        this.real = real;
        this.timeoutMillis = timeoutMillis;
        this.searchPath = facts.searchPath;
        this.routingAtStartup = routingAtStartup;
        if (StartupOptions.sets(startupOptions, SessionStart.ROUTING) && !routingAtStartup) {
            routingChoice.record(
                    true, false, false); // the user's own startup option: the session's choice
        }
        if (StartupOptions.sets(startupOptions, EngineMode.SETTING)) {
            engineChoice.record(true, false, false);
        }
    }

    void searchPathChanged() {
        searchPath = null;
    }

    /**
     * The session's search path, read again (one round trip) only after the session changed it;
     * {@code null} when that fails (then resolution takes the safe side).
     */
    List<String> searchPath() {
        List<String> known = searchPath;
        if (known != null) {
            return known;
        }
        try {
            searchPath = own(() -> {
                try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT array_to_string(current_schemas(true), chr(1))")) {
                    rs.next();
                    return List.copyOf(Arrays.asList(rs.getString(1).split("\u0001", -1)));
                }
            });
        } catch (SQLException e) {
            return null;
        }
        return searchPath;
    }

    /**
     * Runs lakeproxy's own statements on the real connection, each wait bounded ({@link
     * HoloOptions#TIMEOUT}).
     */
    <T> T own(OwnStatements.Work<T> work) throws SQLException {
        return OwnStatements.bounded(real, timeoutMillis, work);
    }

    /** Reads the relation catalog again (one bounded round trip). */
    void refreshCatalog() throws SQLException {
        own(() -> resolver.refresh(real));
    }

    boolean transactionOpen() {
        try {
            return PgTransactions.isOpen(real);
        } catch (SQLException e) {
            return true;
        }
    }
}
