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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 §2: failures are FAIL lines with a fix that fits, never a stack trace, and nothing
 * hangs.
 */
class CliFailuresTest {

    private static String run(int expectedStatus, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status =
                Main.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(expectedStatus, status, text);
        assertFalse(
                text.contains("\tat ") || text.contains("Exception in thread"),
                "no stack trace: " + text);
        return text;
    }

    @Test
    void explainOnAClosedPortIsOneFailLine() throws Exception {
        String out =
                run(
                        1,
                        "explain",
                        "--url",
                        "jdbc:lakeproxy:postgresql://127.0.0.1:1/db",
                        "SELECT 1");
        assertTrue(out.startsWith("FAIL  connect"), out);
        assertTrue(out.contains("fix: check the host, port"), out);
    }

    @Test
    void aMisspelledLakeproxyOptionGetsItsOwnFixNotTheHostAdvice() throws Exception {
        String out =
                run(
                        1,
                        "explain",
                        "--url",
                        "jdbc:lakeproxy:postgresql://127.0.0.1:1/db?lakeproxy.holo.routng=auto",
                        "SELECT 1");
        assertTrue(out.contains("Unknown lakeproxy option \"lakeproxy.holo.routng\""), out);
        assertFalse(out.contains("check the host"), out);
        String bad =
                run(
                        1,
                        "doctor",
                        "--url",
                        "jdbc:lakeproxy:postgresql://127.0.0.1:1/db?lakeproxy.holo.recover=maybe");
        assertTrue(bad.contains("Bad value \"maybe\"") && !bad.contains("check the host"), bad);
    }

    @Test
    void anUnknownHologresHostSaysTheNameDoesNotResolve() throws Exception {
        String out =
                run(1, "doctor", "--url", "jdbc:lakeproxy:postgresql://no-such-host.invalid:80/db");
        assertTrue(out.contains("does not resolve"), out);
    }

    @Test
    void anUnreachableMaxComputeEndpointIsAFailLineWithinTheTimeout() throws Exception {
        long start = System.nanoTime();
        String out =
                run(
                        1,
                        "doctor",
                        "--timeout",
                        "3",
                        "--url",
                        "jdbc:lakeproxy:odps:http://127.0.0.1:1/api?project=p");
        assertTrue(out.contains("FAIL  connect"), out);
        assertTrue(
                (System.nanoTime() - start) / 1_000_000_000L < 20,
                "answered, did not hang: " + out);
        String host =
                run(
                        1,
                        "doctor",
                        "--timeout",
                        "5",
                        "--url",
                        "jdbc:lakeproxy:odps:http://no-such-host.invalid/api?project=p");
        assertTrue(host.contains("FAIL  connect"), host);
    }

    @Test
    void badTimeoutsAndOptionsHelp() throws Exception {
        String bad = run(2, "doctor", "--timeout", "soon", "--url", "x");
        assertTrue(bad.contains("--timeout takes a number of seconds"), bad);
        String help = run(0, "options", "--help");
        assertTrue(help.startsWith("Usage: lakeproxy options"), help);
    }
}
