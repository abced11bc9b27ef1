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

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a command's password comes from without putting it on the command line (where ps and the
 * shell's history show it): {@code --password-file}, the {@code LAKEPROXY_PASSWORD} environment
 * variable, or a prompt when a user is given and the console is a terminal. {@code --password}
 * still works, with a warning. A {@code secret:<name>} or {@code kms:...} value works from any of
 * them, and with {@code lakeproxy.credentials} no password is needed at all.
 */
final class Password {

    static final String ENV = "LAKEPROXY_PASSWORD";
    static final String HELP =
            "The password: --password-file <file> (its first line), the LAKEPROXY_PASSWORD"
                + " environment variable, or a prompt when --user is given on a terminal; never"
                + " needed with lakeproxy.credentials in the URL (docs/credentials.md).";

    private Password() {}

    /** The password, or {@code null} when none is given and none can be asked for. */
    static String resolve(
            String command, Args args, Map<String, String> env, Console console, PrintStream err)
            throws Args.UsageException {
        String file = args.get("password-file");
        if (file != null) {
            return read(command, Path.of(file));
        }
        if (args.get("password") != null) {
            err.println(
                    "lakeproxy "
                            + command
                            + ": a password on the command line shows in ps and in the shell's"
                            + " history; use --password-file or LAKEPROXY_PASSWORD instead.");
            return args.get("password");
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        if (args.get("user") != null && console != null) {
            char[] typed = console.readPassword("Password for %s: ", args.get("user"));
            return typed == null ? null : new String(typed);
        }
        return null;
    }

    private static String read(String command, Path file) throws Args.UsageException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int eol = text.indexOf('\n');
            String line = eol < 0 ? text : text.substring(0, eol);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new Args.UsageException(
                    "lakeproxy "
                            + command
                            + ": cannot read the password file "
                            + file
                            + " ("
                            + e.getClass().getSimpleName()
                            + ").");
        }
    }
}
