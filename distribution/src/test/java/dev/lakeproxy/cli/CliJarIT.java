package dev.lakeproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI jar run as users run it: java -jar lakeproxy-cli-<version>.jar <command>. */
class CliJarIT {

    @Test
    void theCliAnswersHelpAndRefusesBadArguments() throws Exception {
        Jars.Result help = Jars.run(List.of(Jars.java(), "-jar", Jars.cli().toString(), "--help"));
        assertEquals(0, help.exit, help.out);
        assertTrue(
                help.out.contains("demo")
                        && help.out.contains("doctor")
                        && help.out.contains("explain"),
                help.out);
        Jars.Result bad =
                Jars.run(List.of(Jars.java(), "-jar", Jars.cli().toString(), "doctor", "--nope"));
        assertEquals(2, bad.exit, bad.out);
        assertTrue(bad.out.contains("unknown option --nope"), bad.out);
    }

    /** The README's main job: the demo, from the CLI jar, readable in a terminal. */
    @Test
    void theDemoRunsFromTheCliJarWithoutNoiseOrLongLines() throws Exception {
        Jars.Result demo = Jars.run(List.of(Jars.java(), "-jar", Jars.cli().toString(), "demo"));
        assertEquals(0, demo.exit, demo.out);
        // each step's intended outcome (raw fails for the documented reason, lakeproxy succeeds or
        // refuses) held
        assertTrue(
                demo.out.contains("Done: all 16 steps showed their intended outcome."), demo.out);
        assertTrue(
                demo.out.contains("PanguParameterInvalidException"),
                "the raw error in full: " + demo.out);
        assertFalse(demo.out.contains("SLF4J"), "SLF4J is bound in the CLI jar: " + demo.out);
        assertFalse(demo.out.contains("\tat ") || demo.out.contains(" 1 rows"), demo.out);
        for (String line : demo.out.split("\n")) {
            assertTrue(line.length() <= 120, "wrapped at about 100 columns: " + line);
        }
    }
}
