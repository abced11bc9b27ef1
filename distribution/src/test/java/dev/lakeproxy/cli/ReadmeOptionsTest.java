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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's option table is generated from the one option registry; this keeps them equal. */
class ReadmeOptionsTest {

    static final String BEGIN = "<!-- options:begin (generated: java -jar ... options) -->\n";
    static final String END = "<!-- options:end -->";

    @Test
    void readmeOptionTableMatchesTheRegistry() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int b = readme.indexOf(BEGIN);
        int e = readme.indexOf(END);
        String table =
                b < 0 || e < 0 ? "(markers missing)" : readme.substring(b + BEGIN.length(), e);
        assertEquals(Lakeproxy.optionsTable(), table,
                "regenerate the table with: mvn -q -pl distribution exec:java -Dexec.args=options");
    }
}
