package dev.lakeproxy.odpsemu;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** odps-jdbc URLs for the emulator's endpoint. */
final class JdbcUrls {

    private JdbcUrls() {}

    static String of(String endpoint, User user, String project, String... extraParams) {
        StringBuilder sb =
                new StringBuilder("jdbc:odps:")
                        .append(endpoint)
                        .append("?project=")
                        .append(enc(project))
                        .append("&accessId=")
                        .append(enc(user.accessId()))
                        .append("&accessKey=")
                        .append(enc(user.accessKey()))
                        .append("&charset=UTF-8");
        for (String p : extraParams) {
            int eq = p.indexOf('=');
            sb.append('&')
                    .append(
                            eq < 0
                                    ? enc(p)
                                    : enc(p.substring(0, eq)) + "=" + enc(p.substring(eq + 1)));
        }
        return sb.toString();
    }

    private static String enc(String s) {
        try {
            return URLEncoder.encode(s, StandardCharsets.UTF_8.name());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
