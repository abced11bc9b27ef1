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
package dev.lakeproxy.credentials;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * The KMS client (aliyun-java-sdk-kms) for lakeproxy's own calls: signed with the static {@code
 * lakeproxy.kms.accessKeyId}/{@code accessKeySecret} when they are set, else with {@code
 * lakeproxy.credentials} (renewed as it renews). One client per set of options, shared by the
 * connections that use them (a client holds an HTTP connection pool), keyed by a digest so that no
 * secret is a key.
 */
public final class KmsAccess {

    private static final Cache<String, IAcsClient> CLIENTS =
            Caffeine.newBuilder().maximumSize(100).expireAfterAccess(Duration.ofHours(1)).build();

    private KmsAccess() {}

    /**
     * The client, or {@code null} when neither a KMS AccessKey pair nor a credentials provider is
     * set.
     */
    public static IAcsClient client(CredentialsSettings s) {
        boolean staticPair = !s.kmsAccessKeyId.isEmpty() && !s.kmsAccessKeySecret.isEmpty();
        if (!staticPair && !s.fromProvider()) {
            return null;
        }
        String key =
                digest(
                        String.join(
                                "\n",
                                s.kmsRegion,
                                s.kmsEndpoint,
                                s.kmsProtocol,
                                staticPair ? s.kmsAccessKeyId : "",
                                staticPair ? s.kmsAccessKeySecret : "",
                                staticPair ? "" : s.mode,
                                Long.toString(s.timeout.toMillis()),
                                Long.toString(s.kmsTimeout.toMillis())));
        return CLIENTS.get(key, k -> create(s, staticPair));
    }

    private static IAcsClient create(CredentialsSettings s, boolean staticPair) {
        WireLogs.quiet();
        DefaultProfile profile =
                staticPair
                        ? DefaultProfile.getProfile(
                                s.kmsRegion, s.kmsAccessKeyId, s.kmsAccessKeySecret)
                        : DefaultProfile.getProfile(s.kmsRegion);
        HttpClientConfig http = HttpClientConfig.getDefault();
        // lakeproxy.kms.timeoutMillis bounds the connect, then the answer, of each call
        http.setConnectionTimeoutMillis(s.kmsTimeout.toMillis());
        http.setReadTimeoutMillis(s.kmsTimeout.toMillis());
        profile.setHttpClientConfig(http);
        if (staticPair) {
            return withoutRetries(new DefaultAcsClient(profile));
        }
        CredentialSource source = CredentialSources.of(s);
        Duration timeout = s.timeout;
        AlibabaCloudCredentialsProvider bridge =
                () -> {
                    try {
                        Credential c = source.current(timeout);
                        return c.temporary()
                                ? new BasicSessionCredentials(
                                        c.accessKeyId(), c.accessKeySecret(), c.securityToken())
                                : new BasicCredentials(c.accessKeyId(), c.accessKeySecret());
                    } catch (CredentialsException e) {
                        throw new ClientException("SDK.CredentialsUnavailable", e.getMessage());
                    }
                };
        return withoutRetries(new DefaultAcsClient(profile, bridge));
    }

    /** A KMS call waits its timeout once: a connect or an explanation never waits more. */
    private static IAcsClient withoutRetries(DefaultAcsClient client) {
        client.setAutoRetry(false);
        return client;
    }

    /** {@code lakeproxy.kms.endpoint}, or {@code kms.<region>.aliyuncs.com}. */
    public static String endpoint(CredentialsSettings s) {
        return s.kmsEndpoint.isEmpty() ? "kms." + s.kmsRegion + ".aliyuncs.com" : s.kmsEndpoint;
    }

    public static ProtocolType protocol(CredentialsSettings s) {
        return "http".equals(s.kmsProtocol) ? ProtocolType.HTTP : ProtocolType.HTTPS;
    }

    private static String digest(String s) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
