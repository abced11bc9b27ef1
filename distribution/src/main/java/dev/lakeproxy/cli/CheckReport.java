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

import dev.lakeproxy.spi.Check;
import java.util.List;

/** The doctor's report of its checks: aligned text lines, or JSON for scripts. */
final class CheckReport {

    private CheckReport() {
    }

    static String text(List<Check> checks) {
        int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(10);
        StringBuilder sb = new StringBuilder();
        for (Check c : checks) {
            sb.append(
                    String.format(
                            "%-4s  %-" + width + "s  %s%n", c.status(), c.name(), c.detail()));
            if (c.fix() != null) {
                sb.append(String.format("      %" + width + "s  fix: %s%n", "", c.fix()));
            }
        }
        return sb.toString();
    }

    static String json(List<Check> checks) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            sb.append(i == 0 ? "\n" : ",\n")
                    .append("  {\"check\": ")
                    .append(quote(c.name()))
                    .append(", \"status\": \"")
                    .append(c.status())
                    .append("\", \"detail\": ")
                    .append(quote(c.detail()))
                    .append(", \"fix\": ")
                    .append(c.fix() == null ? "null" : quote(c.fix()))
                    .append('}');
        }
        return sb.append("\n]").toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
