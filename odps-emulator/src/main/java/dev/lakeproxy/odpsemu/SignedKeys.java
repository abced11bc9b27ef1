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
package dev.lakeproxy.odpsemu;

import com.aliyun.odps.account.AliyunRequestSigner;
import com.aliyun.odps.commons.transport.Request;
import dev.lakeproxy.odpsemu.rest.HttpError;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AccessKeys whose requests the emulator checks as MaxCompute does: the signature of each request
 * (the SDK's own signer recomputes it with the key's secret), the STS token of a temporary key, and
 * its expiry. Refusals are the documented authentication errors (API error codes, ODPS-04CCCCX):
 * ODPS-0410042 "Invalid signature value" and ODPS-0410051 "Invalid credentials", HTTP 401. Keys not
 * registered here keep the emulator's lenient default (any signature; unknown ids are root), so
 * tests that do not care about credentials need none.
 */
final class SignedKeys {

    /** One registered key: its secret, and for STS its token and expiry. */
    private static final class Key {
        final User user;
        final String secret;
        final String token;
        final Instant expiresAt;

        Key(User user, String secret, String token, Instant expiresAt) {
            this.user = user;
            this.secret = secret;
            this.token = token;
            this.expiresAt = expiresAt;
        }
    }

    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    void permanent(User user, String accessId, String secret) {
        keys.put(accessId, new Key(user, secret, null, null));
    }

    void temporary(User user, String accessId, String secret, String token, Instant expiresAt) {
        keys.put(accessId, new Key(user, secret, token, expiresAt));
    }

    /** Whether {@code accessId} is checked here (STS ids always are: an unknown one is refused). */
    boolean checks(String accessId) {
        return keys.containsKey(accessId) || accessId.startsWith("STS.");
    }

    /**
     * The user of a checked request.
     *
     * @param resource the path the client signed (after the endpoint's {@code /api})
     * @param headers the request's headers, names in any case
     * @param params the query parameters, decoded
     */
    User authenticate(
            String accessId,
            String authorization,
            String method,
            String resource,
            Map<String, String> headers,
            Map<String, String> params) {
        Key key = keys.get(accessId);
        if (key == null) {
            throw invalidCredentials("the AccessKey ID " + accessId + " does not exist");
        }
        Request signed = new Request();
        signed.setMethod(Request.Method.valueOf(method));
        headers.forEach(signed::setHeader);
        params.forEach(signed::setParameter);
        String expected =
                new AliyunRequestSigner(accessId, key.secret).getSignature(resource, signed);
        if (!expected.equals(authorization.trim())) {
            throw new HttpError(
                    401,
                    "SignatureNotMatch",
                    "ODPS-0410042:Invalid signature value - User signature does not match");
        }
        if (key.token != null) {
            String token = headerIgnoringCase(headers, "authorization-sts-token");
            if (!key.token.equals(token)) {
                throw invalidCredentials("the security token does not belong to " + accessId);
            }
            if (!Instant.now().isBefore(key.expiresAt)) {
                throw invalidCredentials("the security token expired at " + key.expiresAt);
            }
        }
        return key.user;
    }

    private static HttpError invalidCredentials(String why) {
        return new HttpError(
                401, "InvalidCredentials", "ODPS-0410051:Invalid credentials - " + why);
    }

    private static String headerIgnoringCase(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
