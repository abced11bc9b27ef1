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
package dev.lakeproxy.cli;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.spi.Check;
import dev.lakeproxy.spi.Secrets;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code lakeproxy doctor --url ...}: checks a Hologres or MaxCompute connection, one line per
 * check.
 */
final class Doctor {

    static final String HELP =
            "Usage: lakeproxy doctor --url <jdbc:lakeproxy:...> [--user U] [--password-file F]"
                + " [--timeout S] [--json]\n"
                + "Checks the connection, one line per check (OK, WARN or FAIL) with the fix for"
                + " each failure.\n"
                + "Hologres: version, Common Table routing and the SQE setting at session, database"
                + " and role level, the\n"
                + "MaxCompute foreign tables with a one-row probe each, KMS key states (with"
                + " lakeproxy.kms.* options in the\n"
                + "URL), and the RAM role AliyunHologresEncryptionDefaultRole when it is in"
                + " doubt.\n"
                + "MaxCompute: the project, schema syntax and the schemas the navigator shows, a"
                + " job (the RAM control plane)\n"
                + "and SHOW TABLES (the DLF data plane). Exit status 1 when any check fails.\n"
                + "With lakeproxy.credentials in the URL: which provider supplied the credentials\n"
                + "and when they expire.\n"
                    + Password.HELP
                    + "\n"
                    + "--timeout: seconds to wait for the connection (default "
                    + Connect.DEFAULT_TIMEOUT_SECONDS
                    + ").";

    private Doctor() {
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse("doctor", argv,
                Set.of("url", "user", "password", "password-file", "timeout"),
                Set.of("json", "help"));
        if (args.has("help")) {
            out.println(HELP);
            return 0;
        }
        String url = args.require("doctor", "url");
        int timeout = Connect.timeoutSeconds(args, "doctor");
        List<Check> checks = new ArrayList<>();
        try (Connection c = Connect.open(url, args.get("user"),
                Password.resolve("doctor", args, System.getenv(), System.console(), err),
                timeout)) {
            checks.add(
                    Check.ok(
                            "connect",
                            "connected to "
                                    + Secrets.maskUrl(
                                            c.unwrap(Connection.class).getMetaData().getURL())
                                    + " with "
                                    + c.getMetaData().getDriverName()));
            checks.addAll(
                    c.unwrap(LakeproxyConnection.class)
                            .diagnose()); // each plugin checks what it serves
        } catch (SQLException
                | RuntimeException
                        e) { // odps-jdbc throws RuntimeExceptions for a bad host or project
            Failure f = Failure.of(e);
            checks.add(Check.fail("connect", f.detail, f.fix));
        }
        out.print(args.has("json") ? CheckReport.json(checks) + "\n" : CheckReport.text(checks));
        return checks.stream().anyMatch(ch -> ch.status() == Check.Status.FAIL) ? 1 : 0;
    }
}
