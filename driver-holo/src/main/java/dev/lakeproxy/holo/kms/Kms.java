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
package dev.lakeproxy.holo.kms;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.kms.model.v20160120.DecryptRequest;
import com.aliyuncs.kms.model.v20160120.DescribeKeyRequest;
import com.aliyuncs.kms.model.v20160120.DescribeKeyResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lakeproxy.credentials.CredentialsSettings;
import dev.lakeproxy.credentials.KmsAccess;
import dev.lakeproxy.spi.Secrets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * KMS through aliyun-java-sdk-kms (the client from {@link KmsAccess}): DescribeKey (cached 24
 * hours, as Hologres itself caches key information) and Decrypt. Never logs or shows an access key,
 * a ciphertext or a plaintext.
 */
public final class Kms {

    /**
     * Key information, keyed by endpoint and key id; bounded and shared, like Hologres's own
     * 24-hour cache.
     */
    private static final Cache<String, KeyInfo> KEYS =
            Caffeine.newBuilder()
                    .maximumSize(10_000)
                    .expireAfterWrite(Duration.ofHours(24))
                    .build();

    private final IAcsClient client;
    private final String endpoint;
    private final ProtocolType protocol;
    private final Map<String, String> keyOfProject;

    private Kms(
            IAcsClient client,
            String endpoint,
            ProtocolType protocol,
            Map<String, String> keyOfProject) {
        this.client = client;
        this.endpoint = endpoint;
        this.protocol = protocol;
        this.keyOfProject = keyOfProject;
    }

    /**
     * A KMS client for these settings (signed with lakeproxy.kms.accessKeyId/Secret, else
     * lakeproxy.credentials), or {@code null} when neither is set.
     */
    public static Kms of(CredentialsSettings settings, List<String> keys) {
        IAcsClient client = KmsAccess.client(settings);
        if (client == null) {
            return null;
        }
        Map<String, String> keyOfProject = new HashMap<>();
        for (String pair : keys) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                keyOfProject.put(
                        pair.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        pair.substring(eq + 1).trim());
            }
        }
        return new Kms(client, KmsAccess.endpoint(settings), KmsAccess.protocol(settings),
                keyOfProject);
    }

    /** The configured CMK of a MaxCompute project, or {@code null}. */
    public String keyOf(String project) {
        return project == null ? null : keyOfProject.get(project.toLowerCase(Locale.ROOT));
    }

    KeyInfo describe(String keyId) throws KmsException {
        String cacheKey = endpoint + "/" + keyId;
        KeyInfo cached = KEYS.getIfPresent(cacheKey);
        if (cached != null) {
            return cached;
        }
        DescribeKeyRequest request = new DescribeKeyRequest();
        request.setKeyId(keyId);
        request.setSysEndpoint(endpoint);
        request.setSysProtocol(protocol);
        try {
            DescribeKeyResponse.KeyMetadata meta = client.getAcsResponse(request).getKeyMetadata();
            if (meta == null || meta.getKeyState() == null) {
                throw new KmsException(
                        "KMS DescribeKey at " + endpoint + " gave no key state", null);
            }
            KeyInfo info =
                    new KeyInfo(
                            meta.getKeyId() == null ? keyId : meta.getKeyId(),
                            meta.getKeyState(),
                            meta.getOrigin());
            KEYS.put(cacheKey, info);
            return info;
        } catch (ClientException e) {
            throw new KmsException(
                    "KMS DescribeKey at "
                            + endpoint
                            + " failed: "
                            + e.getErrCode()
                            + " "
                            + clean(e.getErrMsg()),
                    e);
        } catch (RuntimeException e) { // an answer that is not KMS's (not JSON, wrong shape)
            throw new KmsException(
                    "KMS DescribeKey at "
                            + endpoint
                            + " gave an answer that is not KMS's: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** Decrypts a CiphertextBlob (for a {@code kms:} password). */
    public String decrypt(String ciphertextBlob) throws KmsException {
        DecryptRequest request = new DecryptRequest();
        request.setCiphertextBlob(ciphertextBlob);
        request.setSysEndpoint(endpoint);
        request.setSysProtocol(protocol);
        try {
            String plain = client.getAcsResponse(request).getPlaintext();
            if (plain == null) {
                throw new KmsException("KMS Decrypt at " + endpoint + " gave no plaintext", null);
            }
            return plain;
        } catch (ClientException e) {
            throw new KmsException(
                    "KMS Decrypt at "
                            + endpoint
                            + " failed: "
                            + e.getErrCode()
                            + " "
                            + clean(e.getErrMsg()),
                    null);
        } catch (RuntimeException e) {
            throw new KmsException(
                    "KMS Decrypt at "
                            + endpoint
                            + " gave an answer that is not KMS's: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** Forgets cached key information (tests). */
    public static void forgetKeys() {
        KEYS.invalidateAll();
    }

    private static String clean(String s) {
        return Secrets.maskText(
                s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s);
    }

    @Override
    public String toString() {
        return "KMS at " + endpoint;
    }
}
