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

import dev.lakeproxy.spi.Check;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The doctor's probe of each MaxCompute foreign table: one row read through lakeproxy, as the user
 * would read it.
 */
final class ForeignTableProbes {

    private final Connection lake;
    private final Connection real;

    ForeignTableProbes(Connection lake, Connection real) {
        this.lake = lake;
        this.real = real;
    }

    /**
     * Adds a check per foreign table; returns whether the RAM role is in doubt (a read failed on
     * the right engine).
     */
    boolean probe(List<Check> checks) {
        List<String[]> tables = new ArrayList<>();
        try (Statement s = real.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT n.nspname, c.relname, array_to_string(ft.ftoptions, ', ')"
                                    + " FROM pg_foreign_table ft JOIN pg_class c ON c.oid ="
                                    + " ft.ftrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                                    + " JOIN pg_foreign_server fs ON fs.oid = ft.ftserver WHERE"
                                    + " fs.srvname = 'odps_server' ORDER BY 1, 2")) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        } catch (SQLException e) {
            checks.add(
                    Check.warn(
                            "foreign tables",
                            M.format("holo.doctor.tables.unreadable", e.getMessage()),
                            M.format("holo.doctor.tables.unreadable.fix")));
            return false;
        }
        if (tables.isEmpty()) {
            checks.add(
                    Check.warn(
                            "foreign tables",
                            M.format("holo.doctor.tables.none"),
                            M.format("holo.doctor.tables.none.fix")));
            return false;
        }
        checks.add(Check.ok("foreign tables", M.format("holo.doctor.tables.count", tables.size())));
        boolean inDoubt = false;
        for (String[] t : tables) {
            String name = "probe " + t[0] + "." + t[1];
            try (Statement s = lake.createStatement();
                    ResultSet rs =
                            s.executeQuery(
                                    "SELECT * FROM "
                                            + quote(t[0])
                                            + "."
                                            + quote(t[1])
                                            + " LIMIT 1")) {
                checks.add(
                        Check.ok(
                                name,
                                M.format(
                                        rs.next()
                                                ? "holo.doctor.probe.row"
                                                : "holo.doctor.probe.empty",
                                        t[2])));
            } catch (SQLException e) {
                String message = String.valueOf(e.getMessage());
                inDoubt |= message.contains("still failed");
                int dot = message.indexOf(". ");
                String what = dot < 0 ? message : message.substring(0, dot + 1);
                String fix =
                        dot < 0
                                ? M.format("holo.doctor.probe.seeMessage")
                                : message.substring(dot + 2);
                checks.add(Check.fail(name, what + " (" + t[2] + ")", fix));
            }
        }
        return inDoubt;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
