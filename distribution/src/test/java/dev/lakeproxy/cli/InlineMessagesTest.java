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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text lakeproxy shows a user (an error, a note that reaches explain and the SQLWarning, a
 * doctor line) comes from a bundle, where DocsTest checks it has its entry: no such text is written
 * inline in the driver's sources.
 */
class InlineMessagesTest {

    /**
     * A literal where a user-visible text starts: an exception's message, a note, a reason, a
     * doctor check.
     */
    private static final Pattern INLINE =
            Pattern.compile(
                    "new SQL\\w*Exception\\(\\s*\""
                            + "|(?<!Check)\\.(note|retry|warn)\\(\\s*\""
                            + "|\\b(runFirst|rewrite)\\([^;\"]*?,\\s*\""
                            + "|visible\\.add\\(\\s*\""
                            + "|Check\\.(ok|warn|fail)\\((\\s*\"[^\"]*\"|[^;\"]*?)\\s*,\\s*\""
                            + "|new ScatterForm\\([^;\"]*?,\\s*\"");

    @Test
    void noUserVisibleTextIsWrittenInline() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("driver-core", "credentials", "driver-holo", "driver-odps")) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (Path f :
                        files.filter(p -> p.toString().endsWith(".java"))
                                .collect(Collectors.toList())) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = INLINE.matcher(lines.get(i));
                        if (m.find()) {
                            found.add(f.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "move these texts into the module's messages.properties");
    }
}
