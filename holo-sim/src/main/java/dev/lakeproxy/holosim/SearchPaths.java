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
package dev.lakeproxy.holosim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The proxy's view of a session's search_path, read from the statements it forwards. Only a hint:
 * it picks between foreign tables of the same name in different schemas; PostgreSQL itself resolves
 * every name ({@code 'name'::regclass}) and the read check refuses a resolution that differs from
 * the hint.
 */
final class SearchPaths {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern SET = Pattern.compile(
            "^SET\\s+(SESSION\\s+|LOCAL\\s+)?search_path(?:\\s*=\\s*|\\s+TO\\s+)(.+?)\\s*$", FLAGS);
    private static final Pattern SET_CONFIG =
            Pattern.compile(
                    "set_config\\s*\\(\\s*'search_path'\\s*,\\s*'((?:[^']|'')*)'\\s*,"
                            + "\\s*(false|true|'f(?:alse)?'|'t(?:rue)?')"
                            + "\\s*\\)",
                    FLAGS);
    private static final Pattern RESET =
            Pattern.compile("^RESET\\s+(?:search_path|ALL)\\b.*", FLAGS);

    private SearchPaths() {
    }

    /**
     * Applies {@code SET [SESSION | LOCAL] search_path}, {@code set_config(...)} and {@code RESET}.
     */
    static void track(String head, SearchPathState state) {
        Matcher m = SET.matcher(head);
        if (m.matches()) {
            List<String> path = parse(m.group(2), true);
            if (m.group(1) != null && m.group(1).trim().equalsIgnoreCase("local")) {
                state.setLocal(path);
            } else {
                state.set(path);
            }
        } else if (RESET.matcher(head).matches()) {
            state.set(null);
        } else {
            Matcher c = SET_CONFIG.matcher(head);
            if (c.find()) {
                List<String> path = parse(c.group(1).replace("''", "'"), false);
                if (c.group(2).toLowerCase(Locale.ROOT).contains("t")) {
                    state.setLocal(path);
                } else {
                    state.set(path);
                }
            }
        }
    }

    /**
     * The value of {@code -c name=value} / {@code --name=value} in a startup {@code options}
     * string, or null.
     */
    static String startupOption(String options, String name) {
        String lower = options.toLowerCase(Locale.ROOT);
        int i = lower.indexOf(name + "=");
        if (i < 0) {
            return null;
        }
        StringBuilder v = new StringBuilder();
        for (int j = i + name.length() + 1; j < options.length(); j++) {
            char c = options.charAt(j);
            if (c == '\\' && j + 1 < options.length()) {
                v.append(options.charAt(++j));
            } else if (Character.isWhitespace(c)) {
                break;
            } else {
                v.append(c);
            }
        }
        return v.toString();
    }

    /**
     * A search_path value: {@code a, "B", public}. In SET syntax each element is an identifier or a
     * literal; as a string ({@code set_config}, startup options) the whole list is one value. Null
     * for DEFAULT.
     */
    static List<String> parse(String value, boolean setSyntax) {
        List<String> out = new ArrayList<>();
        String v = value.trim();
        if (!setSyntax && v.isEmpty()) {
            return out;
        }
        for (String part : v.split(",")) {
            String p = part.trim();
            if (setSyntax && (p.isEmpty() || p.equalsIgnoreCase("default"))) {
                return null;
            }
            if (p.startsWith("'") && p.endsWith("'") && p.length() >= 2) {
                p = p.substring(1, p.length() - 1);
            }
            out.add(SqlText.unquoteIdent(p));
        }
        return out;
    }
}
