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

import static dev.lakeproxy.holo.HoloMessages.M;

import dev.lakeproxy.credentials.CredentialsSettings;
import dev.lakeproxy.holo.kms.KeyChecks;
import dev.lakeproxy.holo.kms.KmsOptions;
import dev.lakeproxy.spi.Check;
import dev.lakeproxy.spi.DiagnosisContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lakeproxy doctor} for Hologres: the version and its gates, Common Table routing and the
 * SQE setting at session, database and role level, a probe of each MaxCompute foreign table ({@link
 * ForeignTableProbes}), the KMS keys' states and, when an encrypted read fails on the right engine,
 * the RAM role. Setting names come from {@link SessionStart} and {@link EngineMode}, which own
 * them.
 */
final class HoloDiagnosis {

    private final DiagnosisContext ctx;
    private final Connection real;

    HoloDiagnosis(DiagnosisContext ctx) {
        this.ctx = ctx;
        this.real = ctx.realConnection();
    }

    List<Check> run() {
        List<Check> checks = new ArrayList<>();
        HoloVersion v = HoloVersion.parse(scalar("SELECT hg_version()"));
        if (v == null) {
            checks.add(
                    Check.warn(
                            "version",
                            M.format("holo.doctor.plainPostgres"),
                            M.format("holo.doctor.plainPostgres.fix")));
            return checks;
        }
        checks.add(version(v));
        checks.add(
                ctx.active()
                        ? Check.ok("plugin", M.format("holo.doctor.active", ctx.connectActions()))
                        : Check.warn(
                                "plugin",
                                M.format("holo.doctor.inactive"),
                                M.format("holo.doctor.inactive.fix")));
        if (v.hasCommonTable()) {
            String session = scalar("SELECT current_setting('" + SessionStart.ROUTING + "', true)");
            boolean common =
                    session != null
                            && session.replace(" ", "")
                                    .toLowerCase(Locale.ROOT)
                                    .contains("odps:common_table");
            String levels = levels(SessionStart.ROUTING, session);
            checks.add(
                    common
                            ? Check.ok("routing", levels)
                            : Check.warn(
                                    "routing",
                                    levels,
                                    M.format(
                                            "holo.doctor.routing.fix",
                                            SessionStart.ROUTING,
                                            HoloOptions.COMMON_TABLE_ROUTING)));
        } else {
            checks.add(Check.ok("routing", M.format("holo.doctor.routing.legacy", v)));
        }
        String engine = scalar("SELECT current_setting('" + EngineMode.SETTING + "', true)");
        checks.add(Check.ok("sqe setting", levels(EngineMode.SETTING, engine)));
        boolean roleInDoubt = new ForeignTableProbes(ctx.connection(), real).probe(checks);
        checks.addAll(KeyChecks.check(CredentialsSettings.of(ctx), ctx.option(KmsOptions.KEYS)));
        if (roleInDoubt) {
            checks.add(
                    Check.warn(
                            "ram role",
                            M.format("holo.doctor.ramRole"),
                            M.format("holo.doctor.ramRole.fix")));
        }
        return checks;
    }

    private static Check version(HoloVersion v) {
        if (!v.atLeast(HoloVersion.V1_1)) {
            return Check.warn(
                    "version",
                    M.format("holo.doctor.version.tooOld", v),
                    M.format("holo.doctor.version.tooOld.fix"));
        }
        if (!v.atLeast(HoloVersion.V1_3_31)) {
            return Check.warn(
                    "version",
                    M.format("holo.doctor.version.backend", v),
                    M.format("holo.doctor.version.backend.fix"));
        }
        return Check.ok(
                "version",
                M.format(
                        v.hasCommonTable()
                                ? "holo.doctor.version.commonTable"
                                : "holo.doctor.version.legacy",
                        v));
    }

    /** The setting at session, database and role level. */
    private String levels(String setting, String sessionValue) {
        StringBuilder sb =
                new StringBuilder(
                        M.format(
                                "holo.doctor.level.session",
                                sessionValue == null ? "" : sessionValue));
        try (Statement s = real.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT coalesce(d.datname, '-'), coalesce(r.rolname, 'ALL'), c"
                                    + " FROM pg_db_role_setting x LEFT JOIN pg_database d ON d.oid"
                                    + " = x.setdatabase LEFT JOIN pg_roles r ON r.oid = x.setrole,"
                                    + " unnest(x.setconfig) c WHERE c LIKE '"
                                        + setting
                                        + "=%'")) {
            while (rs.next()) {
                String value = rs.getString(3).substring(setting.length() + 1);
                String database = rs.getString(1);
                String role = rs.getString(2);
                String level =
                        database.equals("-")
                                ? M.format("holo.doctor.level.role", role, value)
                                : role.equals("ALL")
                                        ? M.format("holo.doctor.level.database", database, value)
                                        : M.format(
                                                "holo.doctor.level.roleInDatabase",
                                                role,
                                                database,
                                                value);
                sb.append(", ").append(level);
            }
        } catch (SQLException e) {
            sb.append(", ").append(M.format("holo.doctor.level.unreadable", e.getSQLState()));
        }
        return sb.toString();
    }

    private String scalar(String sql) {
        try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
