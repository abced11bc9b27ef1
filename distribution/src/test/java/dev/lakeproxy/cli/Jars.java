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

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The jars the package phase built, and a fresh JVM to run them in. */
final class Jars {

    private Jars() {
    }

    static Path hologres() {
        return built("lakeproxy.hologres.jar");
    }

    static Path maxcompute() {
        return built("lakeproxy.maxcompute.jar");
    }

    static Path cli() {
        return built("lakeproxy.cli.jar");
    }

    private static Path built(String property) {
        Path jar = Path.of(System.getProperty(property));
        assertTrue(Files.isRegularFile(jar), "built by the package phase: " + jar);
        return jar;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** What a fresh JVM printed (stdout and stderr), and its exit status. */
    static final class Result {
        final int exit;
        final String out;

        Result(int exit, String out) {
            this.exit = exit;
            this.out = out;
        }
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, java.util.Map.of());
    }

    /** Like {@link #run(List)}, with these environment variables (no other ALIBABA_CLOUD_* one). */
    static Result run(List<String> command, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet()
                .removeIf(k -> k.startsWith("ALIBABA_CLOUD_") || k.equals("LAKEPROXY_PASSWORD"));
        pb.environment().put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished in time: " + out);
        return new Result(p.exitValue(), out);
    }

    /**
     * Runs it/DriverProbe.java with the one jar alone on the class path; see the probe for its
     * output lines.
     */
    static Result probe(Path jar, String url, String user, String password, String... statements)
            throws Exception {
        Path probe = Files.createTempDirectory("probe").resolve("DriverProbe.java");
        try (InputStream source = Jars.class.getResourceAsStream("/it/DriverProbe.java")) {
            Files.copy(source, probe);
        }
        List<String> command =
                new ArrayList<>(
                        List.of(
                                java(),
                                "-cp",
                                jar.toString(),
                                probe.toString(),
                                url,
                                user,
                                password));
        command.addAll(List.of(statements));
        return run(command);
    }
}
