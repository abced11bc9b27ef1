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

import com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider;
import com.aliyun.credentials.provider.CLIProfileCredentialsProvider;
import com.aliyun.credentials.provider.DefaultCredentialsProvider;
import com.aliyun.credentials.provider.EnvironmentVariableCredentialsProvider;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider behind each {@code lakeproxy.credentials} value, one per value in the JVM, so the
 * library's own caching (and ours) serves every connection: credentials-java, never a hand-written
 * chain.
 */
public final class CredentialSources {

    private static final Map<String, CredentialSource> SOURCES = new ConcurrentHashMap<>();

    private CredentialSources() {}

    /**
     * The source of these settings, or {@code null} for {@code url} (the URL and properties as they
     * are).
     */
    public static CredentialSource of(CredentialsSettings settings) {
        return settings.fromProvider()
                ? SOURCES.computeIfAbsent(settings.mode(), CredentialSources::create)
                : null;
    }

    /**
     * The credential a login uses now, or {@code null} with {@code url}; a provider that gives none
     * is an SQLException (28000) with its message.
     */
    public static Credential forLogin(CredentialsSettings settings) throws java.sql.SQLException {
        CredentialSource source = of(settings);
        try {
            return source == null ? null : source.current(settings.timeout());
        } catch (CredentialsException e) {
            throw new java.sql.SQLException(e.getMessage(), "28000", e);
        }
    }

    private static CredentialSource create(String mode) {
        return new CredentialSource(mode, provider(mode), Clock.systemUTC());
    }

    static AlibabaCloudCredentialsProvider provider(String mode) {
        if (mode.equals("default")) {
            return new DefaultCredentialsProvider();
        }
        if (mode.equals("env")) {
            return new EnvironmentVariableCredentialsProvider();
        }
        if (mode.startsWith("profile:")) {
            return CLIProfileCredentialsProvider.builder()
                    .profileName(mode.substring("profile:".length()))
                    .build();
        }
        throw new IllegalArgumentException(mode); // the option's parser admits no other value
    }

    /**
     * Forgets every provider and its credential: the next connection builds them anew (tests,
     * tools).
     */
    public static void forgetAll() {
        SOURCES.clear();
    }
}
