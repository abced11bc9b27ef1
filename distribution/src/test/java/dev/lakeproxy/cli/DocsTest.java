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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every error lakeproxy explains has its troubleshooting entry; every jar the docs name is one the
 * build writes.
 */
class DocsTest {

    /**
     * Keys of what lakeproxy did (notes, scatter forms, warnings) and of doctor lines: not errors
     * to look up.
     */
    private static final Pattern NOT_ERRORS =
            Pattern.compile("\\.(note|doctor|scatter)\\.|^pipeline\\.|^diagnosis\\.");

    @Test
    void everyExplainedErrorHasATroubleshootingEntry() throws Exception {
        Properties bundle = new Properties();
        for (String name :
                List.of(
                        "/dev/lakeproxy/core/messages.properties",
                        "/dev/lakeproxy/holo/messages.properties",
                        "/dev/lakeproxy/odps/messages.properties",
                        "/dev/lakeproxy/credentials/messages.properties")) {
            try (InputStream in = DocsTest.class.getResourceAsStream(name)) {
                bundle.load(in);
            }
        }
        String doc =
                Files.readString(
                        Path.of("..", "docs", "troubleshooting.md"), StandardCharsets.UTF_8);
        List<String> missing = bundle.stringPropertyNames().stream().sorted()
                .filter(k -> !k.startsWith("test.") && !NOT_ERRORS.matcher(k).find())
                .filter(k -> !doc.contains("`" + k + "`"))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "add these keys to docs/troubleshooting.md");
    }

    @Test
    void everyJarTheDocsNameIsOneTheBuildWrites() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Pattern jar = Pattern.compile("lakeproxy-([a-z]+)-(<version>|0\\.1\\.0-SNAPSHOT)\\.jar");
        for (Path doc : List.of(Path.of("..", "README.md"), Path.of("..", "docs", "dbeaver.md"),
                Path.of("..", "docs", "bi-tools.md"), Path.of("..", "docs", "hikari-spring.md"))) {
            Matcher m = jar.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (m.find()) {
                assertTrue(
                        pom.contains("/lakeproxy-" + m.group(1) + "-${project.version}.jar"),
                        doc + " names " + m.group());
            }
        }
    }
}
