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
package dev.lakeproxy.core.drivers;

import dev.lakeproxy.core.jdbc.PlainWrappers;
import dev.lakeproxy.core.jdbc.WrapperFactory;
import dev.lakeproxy.spi.RealUrl;
import java.sql.Connection;
import java.util.Locale;
import java.util.Properties;

/**
 * What lakeproxy knows about one real driver: how its URLs name a server (for per-server caches),
 * which of its URL parameters are secret, which driver class takes its URLs, and how its URL is
 * prepared before connecting. One small class per real driver keeps that knowledge out of the rest
 * of the core.
 */
public interface RealDriverProfile {

    /**
     * Whether this profile describes the driver of {@code subprotocol} ({@code postgresql}, {@code
     * odps}, ...).
     */
    boolean serves(String subprotocol);

    /**
     * The class name of the driver that takes these URLs, or {@code null} to ask every registered
     * driver.
     */
    default String driverClassName() {
        return null;
    }

    /**
     * Whether a URL parameter or property of this driver holds a secret (beyond the generic names).
     */
    default boolean isSecretParameter(String name) {
        return false;
    }

    /**
     * The URL to connect with; may move parameters into {@code properties} (e.g. secrets out of
     * logged URLs).
     */
    default String prepareUrl(String realUrl, Properties properties) {
        return realUrl;
    }

    /**
     * The URL and properties as this driver reads them. The default: the URL's query parameters
     * over the properties, the {@code user} parameter, and no database.
     */
    default RealUrl parse(String realUrl, Properties properties) {
        java.util.Map<String, String> merged = UrlParts.merged(realUrl, properties);
        return new RealUrl(realUrl, "", merged.getOrDefault("user", ""), merged);
    }

    /**
     * The wrapper flavour for a real connection of this driver: plain JDBC unless the driver has
     * its own.
     */
    default WrapperFactory wrappers(Connection real) {
        return PlainWrappers.INSTANCE;
    }

    /**
     * The server a URL points at, for per-server caches: scheme, hosts and ports, never the
     * credentials. The default keeps everything before the query, without user-info.
     */
    default String serverKey(String realUrl) {
        return UrlParts.withoutUserInfo(UrlParts.base(realUrl)).toLowerCase(Locale.ROOT);
    }
}
