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

import dev.lakeproxy.Explanation;
import dev.lakeproxy.LakeproxyConnection;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * {@code lakeproxy explain --url URL "SQL"}: what lakeproxy would do with a statement, without
 * running it.
 */
final class Explain {

    static final String HELP =
            "Usage: lakeproxy explain --url <jdbc:lakeproxy:...> [--user U] [--password-file F]"
                + " [--timeout S] \"SQL\"\n"
                + "Connects (so that the plugins detect the server), then shows what lakeproxy"
                + " would do with the statement:\n"
                + "the SQL the real driver would receive, settings it would run first, refusals,"
                + " and\n"
                + "why. Nothing runs.\n"
                    + Password.HELP;

    private Explain() {
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse("explain", argv,
                Set.of("url", "user", "password", "password-file", "timeout"), Set.of("help"));
        if (args.has("help")) {
            out.println(HELP);
            return 0;
        }
        String url = args.require("explain", "url");
        if (args.positional().size() != 1) {
            throw new Args.UsageException(
                    "lakeproxy explain: give exactly one SQL statement, in quotes. Run: lakeproxy"
                        + " explain --help");
        }
        String sql = args.positional().get(0);
        int timeout = Connect.timeoutSeconds(args, "explain");
        try (Connection c = Connect.open(url, args.get("user"),
                Password.resolve("explain", args, System.getenv(), System.console(), err),
                timeout)) {
            LakeproxyConnection lake = c.unwrap(LakeproxyConnection.class);
            Explanation e = lake.explain(sql);
            out.println(
                    "plugins active: "
                            + (lake.activePlugins().isEmpty()
                                    ? "none (pure pass-through)"
                                    : lake.activePlugins()));
            lake.connectActions().forEach(a -> out.println("at connect: " + a));
            out.println("statement: " + sql);
            out.println(e);
            return e.refusal() == null ? 0 : 1;
        } catch (SQLException | RuntimeException e) {
            out.println("FAIL  connect  " + Failure.of(e).text().replace("\n", "\n      "));
            return 1;
        }
    }
}
