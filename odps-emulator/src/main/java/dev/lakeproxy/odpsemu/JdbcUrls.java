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
