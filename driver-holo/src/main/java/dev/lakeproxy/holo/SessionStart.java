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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one round trip of a new physical connection: the version, the routing and engine settings the
 * session started with, whether a database or role sets the routing, the search path, and (when the
 * routing should be made effective) the routing itself, applied with {@code set_config} only where
 * the version has the setting.
 */
final class SessionStart {

    private static final Logger LOG = Logger.getLogger(SessionStart.class.getName());
    static final String ROUTING = "hg_experimental_external_catalog_routing";

    private SessionStart() {
    }

    /**
     * The facts, or {@code null} on plain PostgreSQL (no {@code hg_version()}). When lakeproxy's
     * own query fails otherwise (twice: in full, then without the catalogs), the second failure is
     * thrown for the caller to log.
     *
     * A connection that broke (dropped, or silent past {@code timeoutMillis}) is not asked again:
     * its failure is thrown as the real driver reported it.
     *
     * @param apply the routing to make effective, or {@code null} to leave it alone
     * @param onlyIfUnset apply only when no startup option, database or role sets the routing
     * @param timeoutMillis how long each of lakeproxy's queries may wait for the server ({@link
     *     OwnStatements})
     */
    static SessionFacts read(Connection real, String apply, boolean onlyIfUnset,
                             boolean withCatalog, int timeoutMillis) throws SQLException {
        try {
            return OwnStatements.bounded(real, timeoutMillis,
                    () -> run(real, query(apply, onlyIfUnset, withCatalog, true), apply));
        } catch (SQLException e) {
            if (real.isClosed()) {
                throw e;
            }
            if ("42883".equals(e.getSQLState())) {
                // function hg_version() does not exist: not Hologres
                rollbackIfNeeded(real);
                return null;
            }
            LOG.log(
                    Level.FINE,
                    "lakeproxy's session query failed ({0}); trying the minimal one",
                    e.getSQLState());
            rollbackIfNeeded(real);
        }
        try { // without the catalogs a restricted role may not read
            return OwnStatements.bounded(real, timeoutMillis,
                    () -> run(real, query(apply, onlyIfUnset, false, false), apply));
        } catch (SQLException e) {
            if (!real.isClosed()) {
                rollbackIfNeeded(real);
            }
            throw e;
        }
    }

    private static String query(
            String apply, boolean onlyIfUnset, boolean withCatalog, boolean withDba) {
        String dba =
                withDba
                        ? "(SELECT count(*) FROM pg_db_role_setting s, unnest(s.setconfig) c "
                                + "WHERE c LIKE '"
                                + ROUTING
                                + "=%' AND s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE"
                                + " datname = current_database())) AND s.setrole IN (0, (SELECT oid"
                                + " FROM pg_roles WHERE rolname = current_user)))"
                        : "0";
        String set =
                apply == null
                        ? "NULL"
                        : "CASE WHEN hv >= 3002"
                                + (onlyIfUnset ? " AND coalesce(r, '') = '' AND dba = 0" : "")
                                + " THEN set_config('"
                                + ROUTING
                                + "', '"
                                + apply.replace("'", "''")
                                + "', false) END";
        String catalog =
                withCatalog
                        ? "CASE WHEN hv < 3002 THEN (" + RelationCatalog.LIST_SQL + ") END"
                        : "NULL";
        return "SELECT v, r, o, sp, db, "
                + set
                + ", "
                + catalog
                + " FROM (SELECT v, current_setting('"
                + ROUTING
                + "', true) AS r, "
                + "current_setting('"
                + EngineMode.SETTING
                + "', true) AS o, "
                + "array_to_string(current_schemas(true), chr(1)) AS sp, current_database() AS db, "
                + dba
                + " AS dba, (SELECT m[1]::int * 1000 + m[2]::int FROM regexp_match(v, 'Hologres"
                + " (\\d+)\\.(\\d+)') m) AS hv FROM (SELECT hg_version() AS v) x) d";
    }

    private static SessionFacts run(Connection real, String sql, String apply) throws SQLException {
        try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            HoloVersion version = HoloVersion.parse(rs.getString(1));
            if (version == null) {
                return null;
            }
            String before = rs.getString(2) == null ? "" : rs.getString(2);
            boolean applied = rs.getString(6) != null;
            String note = null;
            if (!version.hasCommonTable()) {
                note = HoloMessages.M.format("holo.note.noCommonTable", version);
            } else if (apply == null) {
                note = HoloMessages.M.format("holo.note.routingOff");
            } else if (!applied) {
                note = HoloMessages.M.format("holo.note.routingByDba", before);
            }
            List<String> path = List.copyOf(Arrays.asList(rs.getString(4).split("\u0001", -1)));
            return new SessionFacts(
                    version,
                    applied ? apply : before,
                    applied ? apply : null,
                    note,
                    EngineMode.ofSetting(rs.getString(3)),
                    path,
                    rs.getString(5),
                    rs.getString(7),
                    true);
        }
    }

    private static void rollbackIfNeeded(Connection real) throws SQLException {
        if (!real.getAutoCommit()) {
            real.rollback();
        }
    }

    /**
     * {@code hg_version()} now, for an explanation on a connection whose facts came from the cache.
     */
    static HoloVersion versionNow(Connection real, int timeoutMillis) {
        try (Statement s = real.createStatement()) {
            return OwnStatements.bounded(real, timeoutMillis, () -> {
                try (ResultSet rs = s.executeQuery("SELECT hg_version()")) {
                    return rs.next() ? HoloVersion.parse(rs.getString(1)) : null;
                }
            });
        } catch (SQLException e) {
            return null; // an aborted transaction, say: the version the session knows will do
        }
    }
}
