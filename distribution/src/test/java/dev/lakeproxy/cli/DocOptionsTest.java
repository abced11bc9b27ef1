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

import dev.lakeproxy.Lakeproxy;
import dev.lakeproxy.spi.LakeOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs name options, values and mechanisms as the code has them: every {@code
 * lakeproxy.<plugin>.<name>} the docs mention is a real option, every {@code option=value} they
 * show is accepted, and every option block they quote (between {@code <!-- option: NAME ... -->}
 * and {@code <!-- /option -->}) is the option's own default and description.
 */
class DocOptionsTest {

    private static final Pattern NAMED =
            Pattern.compile(
                    "(?<![\\w.])lakeproxy\\.(?:(?:holo|odps|kms)\\.[a-z][a-zA-Z]*|plugins|warnings"
                        + "|credentials(?:\\.[a-zA-Z]+)?|secrets\\.[a-zA-Z]+|timeouts?\\.[a-zA-Z]+)"
                        + "(?:=([^\\s`\",)|;&']+))?");
    private static final Pattern BLOCK =
            Pattern.compile(
                    "<!-- option: (\\S+)[^\\n]*-->\\n(.*?)\\n<!-- /option -->", Pattern.DOTALL);

    private static final Map<String, LakeOption<?>> OPTIONS = Lakeproxy.options().stream()
            .collect(Collectors.toMap(LakeOption::name, Function.identity()));

    static List<Path> docs() throws IOException {
        List<Path> docs =
                new ArrayList<>(List.of(Path.of("..", "README.md"), Path.of("..", "CHANGELOG.md")));
        try (Stream<Path> files = Files.list(Path.of("..", "docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        docs.removeIf(p -> !Files.exists(p));
        return docs;
    }

    @Test
    void everyOptionTheDocsNameExistsAndEveryValueTheyShowIsAccepted() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = NAMED.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (m.find()) {
                String name = m.group().split("=", 2)[0];
                LakeOption<?> option = OPTIONS.get(name);
                if (option == null) {
                    wrong.add(doc.getFileName() + " names " + name + ", which is not an option");
                } else if (m.group(1) != null && !accepts(option, m.group(1))) {
                    wrong.add(
                            doc.getFileName()
                                    + " shows "
                                    + m.group()
                                    + "; accepted: "
                                    + option.accepted());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static boolean accepts(LakeOption<?> option, String value) {
        if (value.startsWith("<") || value.contains("...")) {
            return true; // a placeholder, not a value
        }
        try {
            option.parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void everyQuotedOptionBlockIsTheOptionsOwnText() throws IOException {
        for (Path doc : docs()) {
            Matcher m = BLOCK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (m.find()) {
                LakeOption<?> option = OPTIONS.get(m.group(1));
                String expected = option == null ? "(no such option)"
                        : "Default `" + option.defaultValue() + "`. " + option.description();
                assertEquals(expected, m.group(2), doc.getFileName() + ", block of " + m.group(1));
            }
        }
    }
}
