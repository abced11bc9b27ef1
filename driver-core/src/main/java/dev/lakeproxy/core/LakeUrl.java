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
package dev.lakeproxy.core;

import dev.lakeproxy.core.drivers.RealDriverProfiles;
import dev.lakeproxy.core.errors.LakeErrors;
import dev.lakeproxy.core.options.OptionRegistry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code jdbc:lakeproxy:<real URL without jdbc:>} URL, split into the real driver's URL and the
 * {@code lakeproxy.*} options found in its query. Every other part of the URL is kept byte for
 * byte.
 */
public final class LakeUrl {

    public static final String PREFIX = "jdbc:lakeproxy:";

    private final String subprotocol;
    private final String realUrl;
    private final Map<String, String> options;

    private LakeUrl(String subprotocol, String realUrl, Map<String, String> options) {
        this.subprotocol = subprotocol;
        this.realUrl = realUrl;
        this.options = options;
    }

    public static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    public static LakeUrl parse(String url) throws SQLException {
        if (!accepts(url)) {
            throw LakeErrors.create(
                    "08001", "url.notLakeproxy", SecretNames.maskUrl(String.valueOf(url)));
        }
        String rest = url.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            throw LakeErrors.create("08001", "url.noSubprotocol", SecretNames.maskUrl(url));
        }
        String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
        Map<String, String> options = new LinkedHashMap<>();
        String kept = stripOptions(rest, options);
        return new LakeUrl(subprotocol, "jdbc:" + kept, options);
    }

    /**
     * Removes {@code lakeproxy.*} parameters from the query; everything else stays exactly as
     * written.
     */
    private static String stripOptions(String url, Map<String, String> options) {
        int q = url.indexOf('?');
        if (q < 0 || url.indexOf(OptionRegistry.PREFIX, q) < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder(url.length());
        kept.append(url, 0, q);
        char sep = '?';
        for (String param : url.substring(q + 1).split("&", -1)) {
            int eq = param.indexOf('=');
            String name = decode(eq < 0 ? param : param.substring(0, eq));
            if (OptionRegistry.isLakeOption(name)) {
                options.put(name, eq < 0 ? "" : decode(param.substring(eq + 1)));
            } else {
                kept.append(sep).append(param);
                sep = '&';
            }
        }
        return kept.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    public String subprotocol() {
        return subprotocol;
    }

    public String realUrl() {
        return realUrl;
    }

    /** The {@code lakeproxy.*} options found in the URL's query. */
    public Map<String, String> options() {
        return options;
    }

    /**
     * The server this URL points at, for per-server caches: scheme, hosts and ports (and for URLs
     * whose query names a project, the project), never the credentials.
     */
    public String serverKey() {
        return RealDriverProfiles.of(subprotocol).serverKey(realUrl);
    }

    @Override
    public String toString() {
        return SecretNames.maskUrl(realUrl);
    }
}
