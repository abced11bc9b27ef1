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
package dev.lakeproxy.credentials.testing;

import dev.lakeproxy.cloudsim.LoopbackSts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link JdbcProbe} in a JVM of its own, with the test's class path: credentials-java reads
 * environment variables and {@code ~/.aliyun/config.json}, which a test must never change in its
 * own JVM. The child gets a fresh empty home unless one is given, no ALIBABA_CLOUD_* variable but
 * those given, and the ECS metadata provider switched off (its host is fixed and not loopback).
 */
public final class ChildJvm {

    /** What the child printed and how it ended. */
    public static final class Result {
        public final int exit;
        public final String out;

        Result(int exit, String out) {
            this.exit = exit;
            this.out = out;
        }

        @Override
        public String toString() {
            return "exit " + exit + ":\n" + out;
        }
    }

    private final Map<String, String> env = new java.util.LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private Path home;

    public ChildJvm env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A JVM option, e.g. {@code -Dhttps.proxyPort=...}. */
    public ChildJvm option(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** The child's {@code user.home} (where credentials-java finds {@code .aliyun/config.json}). */
    public ChildJvm home(Path dir) {
        this.home = dir;
        return this;
    }

    /** The environment variables of the chain's environment provider (and of {@code env}). */
    public ChildJvm accessKeyEnv(String id, String secret) {
        return env("ALIBABA_CLOUD_ACCESS_KEY_ID", id)
                .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret);
    }

    /**
     * The chain's OIDC role (RRSA on ACK): the role, provider and token file variables, and the
     * loopback STS behind the fixed endpoint (its CONNECT proxy and its certificate trusted).
     */
    public ChildJvm oidcRole(LoopbackSts sts, String roleArn, String oidcToken) throws IOException {
        Path token = Files.createTempFile("oidc", ".token");
        Files.writeString(token, oidcToken);
        sts.oidcRole(roleArn, oidcToken);
        return env("ALIBABA_CLOUD_ROLE_ARN", roleArn)
                .env(
                        "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
                        "acs:ram::1234567890123456:oidc-provider/ack")
                .env("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.toString())
                .option(sts.certificate().trustStoreOptions())
                .option("-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + sts.proxyPort());
    }

    /**
     * One {@code AK} profile of the CLI's config.json, for {@link #cliConfig(String, String...)}.
     */
    public static String akProfile(String name, String id, String secret) {
        return "{\"name\":\""
                + name
                + "\",\"mode\":\"AK\",\"access_key_id\":\""
                + id
                + "\",\"access_key_secret\":\""
                + secret
                + "\"}";
    }

    /** A config.json with these profiles, {@code current} the one in use. */
    public ChildJvm cliConfig(String current, String... profiles) throws IOException {
        return cliConfig(
                "{\"current\":\""
                        + current
                        + "\",\"profiles\":["
                        + String.join(",", profiles)
                        + "]}");
    }

    /** Writes {@code .aliyun/config.json} of the Alibaba Cloud CLI into a new home and uses it. */
    public ChildJvm cliConfig(String json) throws IOException {
        Path dir = Files.createTempDirectory("lakeproxy-home");
        Files.createDirectories(dir.resolve(".aliyun"));
        Files.writeString(dir.resolve(".aliyun").resolve("config.json"), json);
        return home(dir);
    }

    /** Runs {@link JdbcProbe} with these arguments; gives up after two and a half minutes. */
    public Result probe(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(
                "-Duser.home="
                        + (home != null ? home : Files.createTempDirectory("lakeproxy-home")));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(JdbcProbe.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ALIBABA_CLOUD_"));
        pb.environment().put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, new String(out, StandardCharsets.UTF_8) + "\n(timed out)");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
