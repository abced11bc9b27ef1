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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments: {@code --name value} options, {@code --flag}s, and positional words. */
final class Args {

    /** A bad command line: the message says what is wrong and how to get help. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    static Args parse(String command, String[] args, Set<String> valued, Set<String> flags)
            throws UsageException {
        Args a = new Args();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    a.options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (inline == null && i + 1 >= args.length) {
                        throw new UsageException(
                                "lakeproxy "
                                        + command
                                        + ": --"
                                        + name
                                        + " needs a value. Run: lakeproxy "
                                        + command
                                        + " --help");
                    }
                    a.options.put(name, inline != null ? inline : args[++i]);
                } else {
                    throw new UsageException(
                            "lakeproxy "
                                    + command
                                    + ": unknown option --"
                                    + name
                                    + ". Run: lakeproxy "
                                    + command
                                    + " --help");
                }
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    String get(String name) {
        return options.get(name);
    }

    String require(String command, String name) throws UsageException {
        String v = options.get(name);
        if (v == null || v.isEmpty()) {
            throw new UsageException(
                    "lakeproxy "
                            + command
                            + ": --"
                            + name
                            + " is required. Run: lakeproxy "
                            + command
                            + " --help");
        }
        return v;
    }

    boolean has(String flag) {
        return options.containsKey(flag);
    }

    List<String> positional() {
        return positional;
    }
}
