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
