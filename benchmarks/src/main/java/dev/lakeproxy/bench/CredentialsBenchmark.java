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
package dev.lakeproxy.bench;

import dev.lakeproxy.cloudsim.LoopbackKms;
import dev.lakeproxy.cloudsim.LoopbackSts;
import dev.lakeproxy.credentials.CredentialSources;
import dev.lakeproxy.credentials.SecretValues;
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of connecting to the MaxCompute emulator with each {@code lakeproxy.credentials}
 * provider, cold (a new provider: the library reads its source again, an STS or KMS call) and
 * cached (the credential or secret in memory): {@code url} (the key in the properties), {@code
 * default} (the chain's first provider, system properties), {@code profile} (a CLI {@code AK}
 * profile), {@code sts} (a CLI {@code RamRoleArn} profile: AssumeRole over HTTPS to the loopback
 * STS) and {@code secret} (GetSecretValue from the loopback KMS). Each fork is its own JVM, so the
 * JVM-wide settings below (home, HTTPS proxy, trust store) touch nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CredentialsBenchmark {

    private static final String AK = "LTAI5tBenchKey";
    private static final String SECRET = "bench-secret-0123456789";

    @Param({"url", "default", "profile", "sts", "secret"})
    public String provider;

    @Param({"cold", "cached"})
    public String state;

    private MaxComputeEmulator emu;
    private LoopbackSts sts;
    private LoopbackKms kms;
    private String url;
    private final Properties props = new Properties();

    @Setup(Level.Trial)
    public void start() throws IOException {
        emu = MaxComputeEmulator.builder().project("p").start();
        emu.accessKey("root", AK, SECRET);
        sts = new LoopbackSts().accessKey(AK, SECRET);
        sts.onIssue(
                c ->
                        emu.temporaryCredential(
                                "root",
                                c.accessKeyId,
                                c.accessKeySecret,
                                c.securityToken,
                                c.expiration));
        kms = new LoopbackKms();
        kms.putSecret(
                "bench", "{\"AccountName\":\"" + AK + "\",\"AccountPassword\":\"" + SECRET + "\"}");
        Path home = Files.createTempDirectory("bench-home");
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(
                home.resolve(".aliyun/config.json"),
                "{\"current\":\"ak\",\"profiles\":["
                        + "{\"name\":\"ak\",\"mode\":\"AK\",\"access_key_id\":\""
                        + AK
                        + "\",\"access_key_secret\":\""
                        + SECRET
                        + "\"},{\"name\":\"sts\",\"mode\":\"RamRoleArn\",\"access_key_id\":\""
                        + AK
                        + "\",\"access_key_secret\":\""
                        + SECRET
                        + "\",\"ram_role_arn\":\"acs:ram::1:role/b\","
                        + "\"ram_session_name\":\"bench\",\"sts_region\":\"cn-hangzhou\"}]}");
        System.setProperty("user.home", home.toString());
        System.setProperty("javax.net.ssl.trustStore", sts.certificate().file().toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", Integer.toString(sts.proxyPort()));
        System.setProperty("alibabacloud.accessKeyId", AK);
        System.setProperty("alibabacloud.accessKeySecret", SECRET);
        url = "jdbc:lakeproxy:odps:" + emu.endpoint() + "?project=p&charset=UTF-8";
        switch (provider) {
            case "url":
                props.setProperty("user", AK);
                props.setProperty("password", SECRET);
                break;
            case "secret":
                props.putAll(kms.lakeproxyOptions(AK, SECRET));
                props.setProperty("password", "secret:bench");
                break;
            default:
                props.setProperty(
                        "lakeproxy.credentials",
                        provider.equals("default")
                                ? "default"
                                : "profile:" + (provider.equals("sts") ? "sts" : "ak"));
        }
    }

    @Setup(Level.Invocation)
    public void forget() {
        if (state.equals("cold")) {
            CredentialSources.forgetAll();
            SecretValues.forgetAll();
        }
    }

    @Benchmark
    public boolean connect() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, props)) {
            return c.getAutoCommit();
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        emu.close();
        sts.close();
        kms.close();
    }
}
