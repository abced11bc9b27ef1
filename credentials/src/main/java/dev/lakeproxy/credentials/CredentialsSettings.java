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

import dev.lakeproxy.spi.ConnectRequest;
import dev.lakeproxy.spi.DiagnosisContext;
import dev.lakeproxy.spi.LakeOption;
import dev.lakeproxy.spi.PluginContext;
import java.time.Duration;
import java.util.function.Function;

/**
 * The credentials, secrets and KMS options of one connection, read once. {@code toString()} holds
 * no secret.
 */
public final class CredentialsSettings {

    final String mode;
    final Duration timeout;
    final Duration secretCache;
    final String kmsRegion;
    final String kmsEndpoint;
    final String kmsProtocol;
    final String kmsAccessKeyId;
    final String kmsAccessKeySecret;
    final Duration kmsTimeout;

    private CredentialsSettings(Function<LakeOption<?>, Object> read) {
        this.mode = (String) read.apply(CredentialsOptions.MODE);
        this.timeout = Duration.ofMillis((Integer) read.apply(CredentialsOptions.TIMEOUT));
        this.secretCache =
                Duration.ofSeconds((Integer) read.apply(CredentialsOptions.SECRET_CACHE));
        this.kmsRegion = (String) read.apply(KmsOptions.REGION);
        this.kmsEndpoint = (String) read.apply(KmsOptions.ENDPOINT);
        this.kmsProtocol = (String) read.apply(KmsOptions.PROTOCOL);
        this.kmsAccessKeyId = (String) read.apply(KmsOptions.ACCESS_KEY_ID);
        this.kmsAccessKeySecret = (String) read.apply(KmsOptions.ACCESS_KEY_SECRET);
        this.kmsTimeout = Duration.ofMillis((Integer) read.apply(KmsOptions.TIMEOUT));
    }

    public static CredentialsSettings of(ConnectRequest request) {
        return new CredentialsSettings(request::option);
    }

    public static CredentialsSettings of(PluginContext context) {
        return new CredentialsSettings(context::option);
    }

    public static CredentialsSettings of(DiagnosisContext context) {
        return new CredentialsSettings(context::option);
    }

    /**
     * Each option's default, then the given values (tests and tools): {@code of(Map.of(MODE,
     * "env"))}.
     */
    public static CredentialsSettings of(java.util.Map<LakeOption<?>, Object> values) {
        return new CredentialsSettings(
                o -> values.containsKey(o) ? values.get(o) : o.parse(o.defaultValue()));
    }

    /** {@code url}, {@code default}, {@code env} or {@code profile:<name>}. */
    public String mode() {
        return mode;
    }

    /** Whether credentials come from a provider rather than the URL. */
    public boolean fromProvider() {
        return !CredentialsOptions.URL.equals(mode);
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "lakeproxy.credentials="
                + mode
                + ", KMS "
                + kmsProtocol
                + "://"
                + (kmsEndpoint.isEmpty() ? "kms." + kmsRegion + ".aliyuncs.com" : kmsEndpoint);
    }
}
