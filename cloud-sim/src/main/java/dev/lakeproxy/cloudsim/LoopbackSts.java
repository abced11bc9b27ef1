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

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud STS on loopback HTTPS, answering what credentials-java calls: AssumeRoleWithOIDC
 * (unsigned, the OIDC token in the form) and AssumeRole (signature version 1.0 checked against the
 * known AccessKey pairs). Each credential it issues lives {@link #lifetime(Duration)} and is handed
 * to the listeners, so the other stand-ins accept it until it expires. Reach it by {@code
 * STSEndpoint} ({@link #endpoint()}), or through {@link #proxyPort()} for providers whose endpoint
 * is fixed.
 */
public final class LoopbackSts implements AutoCloseable {

    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final TestCertificate certificate;
    private final HttpsServer server;
    private final ConnectRelay relay;
    private final Map<String, String> oidcRoles = new ConcurrentHashMap<>();
    private final Map<String, String> accessKeys = new ConcurrentHashMap<>();
    private final List<Consumer<IssuedCredential>> listeners = new CopyOnWriteArrayList<>();
    private final List<IssuedCredential> issued = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile Duration lifetime = Duration.ofHours(1);

    public LoopbackSts() throws IOException {
        certificate =
                TestCertificate.create(
                        "sts.aliyuncs.com",
                        "sts.cn-hangzhou.aliyuncs.com",
                        "sts-vpc.cn-hangzhou.aliyuncs.com");
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.createContext("/", ex -> answer(new RpcExchange(ex)));
        server.start();
        relay = new ConnectRelay(server.getAddress().getPort());
    }

    /** {@code 127.0.0.1:PORT}, for the providers' {@code STSEndpoint}. */
    public String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The CONNECT proxy port ({@code -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=<this>}). */
    public int proxyPort() {
        return relay.port();
    }

    /** The certificate a client must trust. */
    public TestCertificate certificate() {
        return certificate;
    }

    /** A role that AssumeRoleWithOIDC grants to the holder of {@code oidcToken}. */
    public LoopbackSts oidcRole(String roleArn, String oidcToken) {
        oidcRoles.put(roleArn, oidcToken);
        return this;
    }

    /** An AccessKey pair whose signed AssumeRole calls are answered. */
    public LoopbackSts accessKey(String id, String secret) {
        accessKeys.put(id, secret);
        return this;
    }

    /** How long each issued credential lives (one hour by default). */
    public LoopbackSts lifetime(Duration life) {
        this.lifetime = life;
        return this;
    }

    /** Called with each credential issued (the stand-ins register it). */
    public LoopbackSts onIssue(Consumer<IssuedCredential> listener) {
        listeners.add(listener);
        return this;
    }

    public List<IssuedCredential> issued() {
        return new ArrayList<>(issued);
    }

    /** The action of every call, in order. */
    public List<String> calls() {
        return new ArrayList<>(calls);
    }

    private void answer(RpcExchange ex) throws IOException {
        String action = ex.action();
        calls.add(action);
        String role = ex.param("RoleArn");
        if (action.equals("AssumeRoleWithOIDC")) {
            String token = oidcRoles.get(role);
            if (!ex.http.getRequestMethod().equals("POST")
                    || token == null
                    || !token.equals(ex.param("OIDCToken").trim())) {
                ex.error(400, "AuthenticationFail.OIDCToken.Invalid", "The OIDC token is invalid.");
                return;
            }
            issue(ex, role);
        } else if (action.equals("AssumeRole")) {
            String secret = accessKeys.get(ex.param("AccessKeyId"));
            if (secret == null) {
                ex.error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
            } else if (!ex.queryParams.get("Signature").equals(signature(ex.queryParams, secret))) {
                ex.error(
                        400,
                        "SignatureDoesNotMatch",
                        "Specified signature is not matched with our calculation.");
            } else {
                issue(ex, role);
            }
        } else {
            ex.error(
                    400,
                    "InvalidAction.NotFound",
                    "Specified api is not found, please check your url and method.");
        }
    }

    private void issue(RpcExchange ex, String role) throws IOException {
        Instant expiration = Instant.now().plus(lifetime);
        String n = UUID.randomUUID().toString().replace("-", "");
        IssuedCredential c =
                new IssuedCredential(
                        "STS.loop" + n.substring(0, 12),
                        "secret" + n.substring(12),
                        "CAIS" + UUID.randomUUID().toString().replace("-", ""),
                        expiration,
                        role);
        issued.add(c);
        listeners.forEach(l -> l.accept(c));
        ex.reply(
                200,
                "{\"RequestId\":\"sts-"
                        + n.substring(0, 8)
                        + "\",\"AssumedRoleUser\":{\"AssumedRoleId\":\"3"
                        + n.substring(0, 8)
                        + ":s\",\"Arn\":\""
                        + RpcExchange.json(role)
                        + "/s\"},\"Credentials\":{"
                        + "\"AccessKeyId\":\""
                        + c.accessKeyId
                        + "\",\"AccessKeySecret\":\""
                        + c.accessKeySecret
                        + "\",\"SecurityToken\":\""
                        + c.securityToken
                        + "\",\"Expiration\":\""
                        + EXPIRATION.format(expiration)
                        + "\"}}");
    }

    /**
     * Signature version 1.0 of an RPC GET: HMAC-SHA1 over the sorted, percent-encoded parameters.
     */
    static String signature(Map<String, String> query, String secret) {
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(query).entrySet()) {
            if (!e.getKey().equals("Signature")) {
                canonical
                        .append(canonical.length() == 0 ? "" : "&")
                        .append(encode(e.getKey()))
                        .append('=')
                        .append(encode(e.getValue()));
            }
        }
        String toSign = "GET&" + encode("/") + "&" + encode(canonical.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(
                    new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    @Override
    public void close() throws IOException {
        relay.close();
        server.stop(0);
    }
}
