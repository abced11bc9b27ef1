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
package dev.lakeproxy.cloudsim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for the loopback HTTPS stand-ins, made with the JDK's keytool, for
 * 127.0.0.1 and the host names the Alibaba Cloud libraries call (credentials-java always uses https
 * for STS). The PKCS12 file is both the server's key store and the trust store a test JVM or a
 * child JVM is given.
 */
public final class TestCertificate {

    public static final String PASSWORD = "changeit";
    private final Path file;

    private TestCertificate(Path file) {
        this.file = file;
    }

    /** A new certificate valid for these host names and for 127.0.0.1 and localhost. */
    public static TestCertificate create(String... hostNames) throws IOException {
        Path dir = Files.createTempDirectory("lakeproxy-cert");
        Path file = dir.resolve("loopback.p12");
        StringBuilder san = new StringBuilder("SAN=IP:127.0.0.1,DNS:localhost");
        for (String h : hostNames) {
            san.append(",DNS:").append(h);
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p =
                new ProcessBuilder(
                                keytool.toString(),
                                "-genkeypair",
                                "-alias",
                                "loopback",
                                "-keyalg",
                                "RSA",
                                "-keysize",
                                "2048",
                                "-validity",
                                "2",
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                san.toString(),
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                file.toString(),
                                "-storepass",
                                PASSWORD,
                                "-keypass",
                                PASSWORD)
                        .redirectErrorStream(true)
                        .start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a certificate", e);
        }
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return new TestCertificate(file);
    }

    /**
     * The PKCS12 file: {@code -Djavax.net.ssl.trustStore=<this>}, type PKCS12, password {@value
     * #PASSWORD}.
     */
    public Path file() {
        return file;
    }

    /** The JVM options that make a (child) JVM trust this certificate. */
    public String[] trustStoreOptions() {
        return new String[] {
            "-Djavax.net.ssl.trustStore=" + file,
            "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
            "-Djavax.net.ssl.trustStoreType=PKCS12"
        };
    }

    SSLContext serverContext() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            KeyManagerFactory kmf =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the test certificate", e);
        }
    }
}
