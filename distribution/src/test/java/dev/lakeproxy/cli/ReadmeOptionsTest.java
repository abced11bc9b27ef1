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
