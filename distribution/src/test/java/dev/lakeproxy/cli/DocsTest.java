package dev.lakeproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every error lakeproxy explains has its troubleshooting entry. */
class DocsTest {

    @Test
    void everyExplainedErrorHasATroubleshootingEntry() throws Exception {
        Properties bundle = new Properties();
        for (String name : List.of("/dev/lakeproxy/core/messages.properties", "/dev/lakeproxy/holo/messages.properties",
                "/dev/lakeproxy/odps/messages.properties")) {
            try (InputStream in = DocsTest.class.getResourceAsStream(name)) {
                bundle.load(in);
            }
        }
        String doc = Files.readString(Path.of("..", "docs", "troubleshooting.md"), StandardCharsets.UTF_8);
        List<String> missing = bundle.stringPropertyNames().stream().sorted()
                .filter(k -> !k.startsWith("test."))
                .filter(k -> !doc.contains("`" + k + "`"))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "add these keys to docs/troubleshooting.md");
    }
}
