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

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One generation of an AccessKey pair, with its security token when it is temporary (STS), taken in
 * one piece so that an ID never travels with another generation's secret. {@code toString()} names
 * its provider and expiry only.
 */
public final class Credential {

    private final String accessKeyId;
    private final String accessKeySecret;
    private final String securityToken;
    private final Instant expiration;
    private final Instant obtained;
    private final String provider;

    /**
     * @param securityToken the STS token, or null/empty for a permanent AccessKey pair
     * @param expiration when a temporary credential expires, or null when it does not
     * @param provider the provider that supplied it, e.g. {@code default/env} (no secret)
     */
    public Credential(
            String accessKeyId,
            String accessKeySecret,
            String securityToken,
            Instant expiration,
            Instant obtained,
            String provider) {
        this.accessKeyId = Objects.requireNonNull(accessKeyId);
        this.accessKeySecret = Objects.requireNonNull(accessKeySecret);
        this.securityToken =
                securityToken == null || securityToken.isEmpty() ? null : securityToken;
        this.expiration = expiration;
        this.obtained = Objects.requireNonNull(obtained);
        this.provider = provider == null ? "" : provider;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String accessKeySecret() {
        return accessKeySecret;
    }

    /** The STS security token, or {@code null} for a permanent AccessKey pair. */
    public String securityToken() {
        return securityToken;
    }

    public boolean temporary() {
        return securityToken != null;
    }

    /** When it expires, or {@code null} when it does not. */
    public Instant expiration() {
        return expiration;
    }

    public String provider() {
        return provider;
    }

    /**
     * Whether a new use should fetch a newer one: with a third of its life left (at most 15 minutes
     * before it expires, as credentials-java renews), so a connection never starts with a
     * credential about to expire.
     */
    boolean due(Instant now) {
        if (expiration == null) {
            return false;
        }
        Duration life = Duration.between(obtained, expiration);
        Duration margin =
                life.dividedBy(3).compareTo(Duration.ofMinutes(15)) < 0
                        ? life.dividedBy(3)
                        : Duration.ofMinutes(15);
        return !now.isBefore(expiration.minus(margin));
    }

    /** Whether it has expired (a stale copy may still serve until then when a renewal fails). */
    boolean expired(Instant now) {
        return expiration != null && !now.isBefore(expiration);
    }

    @Override
    public String toString() {
        return (temporary() ? "temporary credential" : "AccessKey pair")
                + " from "
                + provider
                + (expiration == null ? "" : ", expires " + expiration);
    }
}
