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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Small helpers on JDBC URL text, shared by the driver profiles. */
final class UrlParts {

    private UrlParts() {
    }

    /** The URL before its query ({@code ?...}). */
    static String base(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** The URL's query without the {@code ?}, or "". */
    static String query(String url) {
        int q = url.indexOf('?');
        return q < 0 ? "" : url.substring(q + 1);
    }

    /** The first value of query parameter {@code name}, decoded. */
    static Optional<String> parameter(String url, String name) {
        for (String param : query(url).split("&")) {
            if (param.startsWith(name + "=")) {
                return Optional.of(decode(param.substring(name.length() + 1)));
            }
        }
        return Optional.empty();
    }

    /**
     * The properties with the URL's query parameters over them (decoded), as most drivers merge
     * them.
     */
    static Map<String, String> merged(String url, Properties properties) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (properties != null) {
            properties.stringPropertyNames().forEach(n -> merged.put(n, properties.getProperty(n)));
        }
        for (String param : query(url).split("&")) {
            int eq = param.indexOf('=');
            if (!param.isEmpty()) {
                merged.put(
                        decode(eq < 0 ? param : param.substring(0, eq)),
                        eq < 0 ? "" : decode(param.substring(eq + 1)));
            }
        }
        return merged;
    }

    /** {@code scheme://user:password@host} becomes {@code scheme://host}. */
    static String withoutUserInfo(String base) {
        int schemeEnd = base.indexOf("//");
        if (schemeEnd < 0) {
            return base;
        }
        int at = base.indexOf('@', schemeEnd);
        int slash = base.indexOf('/', schemeEnd + 2);
        return at >= 0 && (slash < 0 || at < slash)
                ? base.substring(0, schemeEnd + 2) + base.substring(at + 1)
                : base;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }
}
