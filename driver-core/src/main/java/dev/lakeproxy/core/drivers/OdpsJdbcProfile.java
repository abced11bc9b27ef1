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

import dev.lakeproxy.spi.RealUrl;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** odps-jdbc ({@code jdbc:odps:<endpoint>?project=p}), the MaxCompute driver. */
final class OdpsJdbcProfile implements RealDriverProfile {

    @Override
    public boolean serves(String subprotocol) {
        return subprotocol.equals("odps");
    }

    @Override
    public String driverClassName() {
        return "com.aliyun.odps.jdbc.OdpsDriver";
    }

    /**
     * odps-jdbc takes the AccessKey pair as {@code accessId}/{@code accessKey} (user/password too).
     */
    @Override
    public boolean isSecretParameter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("accessid")
                || n.equals("accesskey")
                || n.equals("sts_token")
                || n.equals("ststoken");
    }

    /** The project is the database; the user is an AccessKey ID, which is not given out. */
    @Override
    public RealUrl parse(String realUrl, Properties properties) {
        Map<String, String> merged = UrlParts.merged(realUrl, properties);
        return new RealUrl(realUrl, merged.getOrDefault("project", ""), "", merged);
    }

    /** The endpoint and the project: metadata caches are per project. */
    @Override
    public String serverKey(String realUrl) {
        String base = UrlParts.withoutUserInfo(UrlParts.base(realUrl));
        String project = UrlParts.parameter(realUrl, "project").map(p -> "#" + p).orElse("");
        return (base + project).toLowerCase(Locale.ROOT);
    }
}
