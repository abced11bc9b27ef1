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

import static dev.lakeproxy.odps.OdpsMessages.M;

import dev.lakeproxy.spi.Check;
import dev.lakeproxy.spi.DiagnosisContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lakeproxy doctor} for MaxCompute: the project and what lakeproxy did at connect, the
 * schemas a navigator shows, a job (which the RAM control plane authorises) and SHOW TABLES (which,
 * in an external project, the DLF data plane authorises): a permission error names the layer and
 * the grant, through {@link PermissionErrorRule}.
 */
final class OdpsDiagnosis {

    private final DiagnosisContext ctx;
    private final Connection lake;

    OdpsDiagnosis(DiagnosisContext ctx) {
        this.ctx = ctx;
        this.lake = ctx.connection();
    }

    List<Check> run() {
        List<Check> checks = new ArrayList<>();
        String project = ctx.realUrl().database();
        checks.add(
                Check.ok(
                        "project",
                        M.format(
                                "odps.doctor.project",
                                project.isEmpty() ? "-" : project,
                                ctx.active(),
                                ctx.connectActions())));
        try (ResultSet rs = lake.getMetaData().getSchemas()) {
            int schemas = 0;
            while (rs.next()) {
                schemas++;
            }
            checks.add(Check.ok("schemas", M.format("odps.doctor.schemas", schemas)));
        } catch (SQLException e) {
            checks.add(failure("schemas", e));
        }
        probe(checks, "job", "SELECT 1");
        probe(checks, "list tables", "SHOW TABLES");
        return checks;
    }

    private void probe(List<Check> checks, String name, String sql) {
        try (Statement s = lake.createStatement()) {
            s.execute(sql);
            checks.add(Check.ok(name, M.format("odps.doctor.ran", sql)));
        } catch (SQLException e) {
            checks.add(failure(name, e));
        }
    }

    /**
     * A lakeproxy explanation carries its own "Fix:"; a raw error points at the troubleshooting
     * page.
     */
    private static Check failure(String name, SQLException e) {
        String m = String.valueOf(e.getMessage());
        int fix = m.indexOf("Fix:");
        return fix < 0 ? Check.fail(name, m, M.format("odps.doctor.seeTroubleshooting"))
                : Check.fail(name, m.substring(0, fix).trim(), m.substring(fix + 4).trim());
    }
}
