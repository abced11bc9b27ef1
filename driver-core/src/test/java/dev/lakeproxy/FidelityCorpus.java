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
package dev.lakeproxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scripted corpus (resource fidelity/corpus.sql) and the generated statements, by group. */
final class FidelityCorpus {

    private FidelityCorpus() {
    }

    static Map<String, List<String>> groups() throws IOException {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        try (InputStream in = FidelityCorpus.class.getResourceAsStream("/fidelity/corpus.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String group : text.split("(?m)^=== ")) {
                if (group.isBlank()) {
                    continue;
                }
                int nl = group.indexOf('\n');
                List<String> stmts = new ArrayList<>();
                for (String s : group.substring(nl + 1).split("(?m)^---$")) {
                    if (!s.isBlank()) {
                        stmts.add(s.strip());
                    }
                }
                groups.put(group.substring(0, nl).strip(), stmts);
            }
        }
        groups.put("generated", generated());
        return groups;
    }

    /**
     * More varied statements, generated: every common type's NULL and text forms, and an arithmetic
     * sweep.
     */
    private static List<String> generated() {
        List<String> out = new ArrayList<>();
        for (String t :
                Arrays.asList(
                        "int2",
                        "int4",
                        "int8",
                        "numeric",
                        "float4",
                        "float8",
                        "text",
                        "varchar",
                        "bool",
                        "date",
                        "time",
                        "timestamp",
                        "timestamptz",
                        "interval",
                        "bytea",
                        "uuid",
                        "jsonb",
                        "json",
                        "inet",
                        "int4[]",
                        "text[]")) {
            out.add(
                    "SELECT NULL::"
                            + t
                            + ", pg_typeof(NULL::"
                            + t
                            + ")::text, format_type('"
                            + t
                            + "'::regtype, NULL)");
        }
        out.add("CREATE TABLE gen (i int, s text, d numeric)");
        for (int i = 0; i < 25; i++) {
            out.add(
                    "INSERT INTO gen SELECT g, md5(g::text), g / "
                            + (i + 1)
                            + ".0 FROM generate_series("
                            + (i * 10)
                            + ", "
                            + (i * 10 + 9)
                            + ") g");
        }
        for (int i = 1; i <= 20; i++) {
            out.add(
                    "SELECT i % "
                            + (i + 1)
                            + " AS k, count(*), sum(d)::numeric(20,4), max(s) FROM gen WHERE i > "
                            + (i * 7)
                            + " GROUP BY 1 ORDER BY 1 LIMIT "
                            + (i + 2));
        }
        return out;
    }
}
