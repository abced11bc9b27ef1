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

/**
 * A KMS Secrets Manager secret read for a login: the user (from a generic secret's {@code
 * AccountName}, else {@code null}) and the password. {@code toString()} shows neither.
 */
public final class SecretValue {

    private final String name;
    private final String user;
    private final String password;
    private final String versionId;
    private final boolean cached;

    SecretValue(String name, String user, String password, String versionId, boolean cached) {
        this.name = name;
        this.user = user;
        this.password = password;
        this.versionId = versionId;
        this.cached = cached;
    }

    SecretValue fromCache() {
        return new SecretValue(name, user, password, versionId, true);
    }

    public String name() {
        return name;
    }

    /** The user the secret names, or {@code null} for a plain secret (the password only). */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** KMS's version id of the value (which rotation changes). */
    public String versionId() {
        return versionId;
    }

    /** Whether it came from memory rather than from KMS just now. */
    public boolean cached() {
        return cached;
    }

    /** Whether it is the same login as {@code other} (a fresh read of an unrotated secret is). */
    boolean sameAs(SecretValue other) {
        return other != null
                && password.equals(other.password)
                && (user == null ? other.user == null : user.equals(other.user));
    }

    @Override
    public String toString() {
        return "secret "
                + name
                + " (version "
                + versionId
                + (user == null ? ", password only" : ", user and password")
                + (cached ? ", cached)" : ")");
    }
}
