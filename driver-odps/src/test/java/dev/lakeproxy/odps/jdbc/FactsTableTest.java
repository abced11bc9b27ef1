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
package dev.lakeproxy.odps.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/maxcompute.md shows the DatabaseMetaData facts as the code answers them. */
class FactsTableTest {

    private static final String BEGIN =
            "<!-- facts:begin (generated from MaxComputeFacts; FactsTableTest) -->\n";
    private static final String END = "<!-- facts:end -->";

    @Test
    void theDocsTableIsTheCodesTable() throws Exception {
        String doc =
                Files.readString(Path.of("..", "docs", "maxcompute.md"), StandardCharsets.UTF_8);
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        String table = b < 0 || e < 0 ? "(markers missing)" : doc.substring(b + BEGIN.length(), e);
        assertEquals(
                MaxComputeFacts.markdownTable(),
                table,
                "copy the expected table into docs/maxcompute.md");
    }
}
