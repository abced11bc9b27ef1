package dev.lakeproxy.core;

import dev.lakeproxy.core.errors.LakeErrors;
import dev.lakeproxy.core.log.Secrets;
import dev.lakeproxy.core.options.OptionRegistry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code jdbc:lakeproxy:<real URL without jdbc:>} URL, split into the real driver's URL and the
 * {@code lakeproxy.*} options found in its query. Every other part of the URL is kept byte for byte.
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
            throw LakeErrors.create("08001", "url.notLakeproxy", Secrets.maskUrl(String.valueOf(url)));
        }
        String rest = url.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            throw LakeErrors.create("08001", "url.noSubprotocol", Secrets.maskUrl(url));
        }
        String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
        Map<String, String> options = new LinkedHashMap<>();
        String kept = stripOptions(rest, options);
        return new LakeUrl(subprotocol, "jdbc:" + kept, options);
    }

    /** Removes {@code lakeproxy.*} parameters from the query; everything else stays exactly as written. */
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

    /**
     * Moves secret query parameters ({@code password=...}) of {@code url} into {@code target}: pgjdbc logs its
     * URL at FINE, and treats a URL parameter and a property alike, so the secret stays out of its logs.
     */
    public static String moveSecretParams(String url, java.util.Properties target) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder(url.length()).append(url, 0, q);
        char sep = '?';
        for (String param : url.substring(q + 1).split("&", -1)) {
            int eq = param.indexOf('=');
            String name = decode(eq < 0 ? param : param.substring(0, eq));
            if (eq > 0 && Secrets.isSecretName(name)) {
                target.setProperty(name, decode(param.substring(eq + 1)));
            } else {
                kept.append(sep).append(param);
                sep = '&';
            }
        }
        return kept.toString();
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
     * The server this URL points at, for per-server caches: scheme, hosts and ports (and for URLs whose
     * query names a project, the project), never the credentials.
     */
    public String serverKey() {
        return serverKey(realUrl);
    }

    static String serverKey(String realUrl) {
        String s = realUrl;
        int q = s.indexOf('?');
        String query = q < 0 ? "" : s.substring(q + 1);
        String base = q < 0 ? s : s.substring(0, q);
        int schemeEnd = base.indexOf("//");
        if (schemeEnd >= 0) {
            int at = base.indexOf('@', schemeEnd);
            int slash = base.indexOf('/', schemeEnd + 2);
            if (at >= 0 && (slash < 0 || at < slash)) {
                base = base.substring(0, schemeEnd + 2) + base.substring(at + 1); // drop user:password@
            }
        }
        if (base.startsWith("jdbc:postgresql:")) {
            int slash = base.indexOf('/', base.indexOf("//") + 2);
            base = slash < 0 ? base : base.substring(0, slash);
        }
        for (String param : query.split("&")) {
            if (param.startsWith("project=")) {
                base = base + "#" + decode(param.substring("project=".length()));
            }
        }
        return base.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return Secrets.maskUrl(realUrl);
    }
}
