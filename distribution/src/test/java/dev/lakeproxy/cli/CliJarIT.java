package dev.lakeproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI jar run as users run it: java -jar lakeproxy-cli-<version>.jar <command>. */
class CliJarIT {

    @Test
    void theCliAnswersHelpAndRefusesBadArguments() throws Exception {
        Jars.Result help = Jars.run(List.of(Jars.java(), "-jar", Jars.cli().toString(), "--help"));
        assertEquals(0, help.exit, help.out);
        assertTrue(help.out.contains("demo") && help.out.contains("doctor") && help.out.contains("explain"), help.out);
        Jars.Result bad = Jars.run(List.of(Jars.java(), "-jar", Jars.cli().toString(), "doctor", "--nope"));
        assertEquals(2, bad.exit, bad.out);
        assertTrue(bad.out.contains("unknown option --nope"), bad.out);
    }
}
