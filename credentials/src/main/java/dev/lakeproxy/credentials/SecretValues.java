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

import static dev.lakeproxy.credentials.CredentialsMessages.M;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.kms.model.v20160120.GetSecretValueRequest;
import com.aliyuncs.kms.model.v20160120.GetSecretValueResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lakeproxy.spi.Secrets;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code secret:<name>} values from KMS Secrets Manager (GetSecretValue, stage ACSCurrent), kept in
 * memory per KMS endpoint and name for {@code lakeproxy.secrets.cacheSeconds}. A generic secret
 * holding {@code {"AccountName": ..., "AccountPassword": ...}} (the shape of KMS's database
 * secrets) gives a user and a password; any other text secret is the password. Never logged, never
 * in a message.
 */
public final class SecretValues {

    private static final Cache<String, Timed> CACHE =
            Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofDays(1)).build();

    private SecretValues() {}

    /**
     * The secret's value: from memory unless {@code fresh} or older than the settings allow, else
     * from KMS.
     */
    public static SecretValue read(CredentialsSettings s, String name, boolean fresh)
            throws CredentialsException {
        String key = KmsAccess.endpoint(s) + "\n" + name;
        Timed kept = CACHE.getIfPresent(key);
        if (!fresh && kept != null && Instant.now().isBefore(kept.readAt.plus(s.secretCache))) {
            return kept.value.fromCache();
        }
        SecretValue value = fetch(s, name);
        CACHE.put(key, new Timed(value, Instant.now()));
        return value;
    }

    private static SecretValue fetch(CredentialsSettings s, String name)
            throws CredentialsException {
        IAcsClient client;
        try {
            client = KmsAccess.client(s);
        } catch (RuntimeException | LinkageError e) {
            throw new CredentialsException(
                    M.format("secret.failed", name, e.getClass().getSimpleName()), e);
        }
        if (client == null) {
            throw new CredentialsException(M.format("secret.needsKms", name), null);
        }
        GetSecretValueRequest request = new GetSecretValueRequest();
        request.setSecretName(name);
        request.setVersionStage("ACSCurrent");
        request.setSysEndpoint(KmsAccess.endpoint(s));
        request.setSysProtocol(KmsAccess.protocol(s));
        try {
            GetSecretValueResponse r = client.getAcsResponse(request);
            if ("binary".equalsIgnoreCase(r.getSecretDataType())) {
                throw new CredentialsException(M.format("secret.binary", name), null);
            }
            if (r.getSecretData() == null) {
                throw new CredentialsException(
                        M.format("secret.failed", name, "no SecretData"), null);
            }
            return parse(name, r.getSecretData(), r.getVersionId());
        } catch (ClientException e) {
            String why = e.getErrCode() + " " + clean(e.getErrMsg());
            throw new CredentialsException(M.format("secret.failed", name, why), null);
        } catch (RuntimeException
                | LinkageError e) { // not KMS's answer (not JSON, wrong shape), or a broken jar
            throw new CredentialsException(
                    M.format("secret.failed", name, e.getClass().getSimpleName()), null);
        }
    }

    /**
     * The login a secret's text gives: AccountName and AccountPassword of a JSON object, or the
     * whole text.
     */
    static SecretValue parse(String name, String data, String versionId) {
        String text = data.trim();
        if (text.startsWith("{")) {
            try {
                JsonObject o = JsonParser.parseString(text).getAsJsonObject();
                JsonElement password = o.get("AccountPassword");
                if (password != null && password.isJsonPrimitive()) {
                    JsonElement user = o.get("AccountName");
                    return new SecretValue(
                            name,
                            user != null && user.isJsonPrimitive() ? user.getAsString() : null,
                            password.getAsString(),
                            versionId,
                            false);
                }
            } catch (RuntimeException notJson) {
                // a password that starts with '{' is a password like any other
            }
        }
        return new SecretValue(name, null, data, versionId, false);
    }

    /** Forgets every secret read (tests, tools). */
    public static void forgetAll() {
        CACHE.invalidateAll();
    }

    private static String clean(String s) {
        String m = Secrets.maskText(s == null ? "" : s);
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    private static final class Timed {
        final SecretValue value;
        final Instant readAt;

        Timed(SecretValue value, Instant readAt) {
            this.value = value;
            this.readAt = readAt;
        }
    }
}
