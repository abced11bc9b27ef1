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
package dev.lakeproxy.holo;

import dev.lakeproxy.spi.ConnectRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * pgjdbc's {@code options} startup parameter, wherever the user put it. pgjdbc takes the URL's
 * value over the Properties' one, so lakeproxy's addition is merged into the URL when the URL has
 * {@code options=}, and into the Properties otherwise: the user's options and lakeproxy's always
 * travel together.
 */
final class StartupOptions {

    private StartupOptions() {
    }

    /** The options the real driver will send (the URL's, else the Properties'), or "" when none. */
    static String effective(String url, Properties props) {
        String fromUrl = urlValue(url);
        return fromUrl != null ? fromUrl : props.getProperty("options", "");
    }

    /**
     * Whether the options set {@code setting} themselves (then that is the session's explicit
     * choice).
     */
    static boolean sets(String options, String setting) {
        return options.contains(setting);
    }

    /**
     * {@code -c name=value}, with blanks and backslashes escaped as PostgreSQL's options parser
     * wants.
     */
    static String addition(String setting, String value) {
        return "-c " + setting + "=" + value.replace("\\", "\\\\").replace(" ", "\\ ");
    }

    static void add(ConnectRequest request, String addition) {
        String url = request.realUrl();
        String fromUrl = urlValue(url);
        if (fromUrl != null) {
            request.setRealUrl(replaceUrlValue(url, join(fromUrl, addition)));
        } else {
            Properties props = request.realProperties();
            props.setProperty("options", join(props.getProperty("options", ""), addition));
        }
    }

    /**
     * Puts a secret {@code addition} first in the options, never in the URL, which pgjdbc logs: a
     * URL's options move to the Properties with it (pgjdbc would take the URL's over them).
     */
    static void addSecret(ConnectRequest request, String addition) {
        String url = request.realUrl();
        String fromUrl = urlValue(url);
        Properties props = request.realProperties();
        if (fromUrl != null) {
            request.setRealUrl(replaceUrlValue(url, null));
        }
        String existing = fromUrl != null ? fromUrl : props.getProperty("options", "");
        props.setProperty("options", join(addition, existing));
    }

    /** Takes {@code addition} back out; true when it was there. */
    static boolean remove(ConnectRequest request, String addition) {
        String url = request.realUrl();
        String fromUrl = urlValue(url);
        if (fromUrl != null && fromUrl.contains(addition)) {
            request.setRealUrl(replaceUrlValue(url, without(fromUrl, addition)));
            return true;
        }
        Properties props = request.realProperties();
        String fromProps = props.getProperty("options", "");
        if (fromUrl != null || !fromProps.contains(addition)) {
            return false;
        }
        String rest = without(fromProps, addition);
        if (rest.isEmpty()) {
            props.remove("options");
        } else {
            props.setProperty("options", rest);
        }
        return true;
    }

    private static String join(String first, String second) {
        return first.isBlank() ? second : second.isBlank() ? first : first + " " + second;
    }

    private static String without(String options, String addition) {
        return options.replace(addition, "").trim().replaceAll("\\s{2,}", " ");
    }

    /** The decoded {@code options} URL parameter, or {@code null}. */
    private static String urlValue(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String p : url.substring(q + 1).split("&")) {
            if (p.startsWith("options=")) {
                return URLDecoder.decode(p.substring("options=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * The URL with its {@code options} parameter set to {@code value}, or dropped when it is {@code
     * null}.
     */
    private static String replaceUrlValue(String url, String value) {
        int q = url.indexOf('?');
        StringBuilder sb = new StringBuilder(url.substring(0, q + 1));
        String sep = "";
        for (String p : url.substring(q + 1).split("&")) {
            boolean options = p.startsWith("options=");
            if (options && value == null) {
                continue;
            }
            sb.append(sep);
            sep = "&";
            if (options) {
                sb.append("options=")
                        .append(
                                URLEncoder.encode(value, StandardCharsets.UTF_8)
                                        .replace("+", "%20"));
            } else {
                sb.append(p);
            }
        }
        return sb.charAt(sb.length() - 1) == '?' ? sb.substring(0, sb.length() - 1) : sb.toString();
    }
}
