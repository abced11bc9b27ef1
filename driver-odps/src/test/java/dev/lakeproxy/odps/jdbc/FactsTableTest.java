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
