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
package dev.lakeproxy.odps;

import com.aliyun.odps.Odps;
import com.aliyun.odps.jdbc.OdpsConnection;
import dev.lakeproxy.credentials.Credential;
import dev.lakeproxy.credentials.CredentialSource;
import dev.lakeproxy.credentials.CredentialSources;
import dev.lakeproxy.credentials.CredentialsSettings;
import dev.lakeproxy.credentials.SecretLogin;
import dev.lakeproxy.spi.ConnectRequest;
import dev.lakeproxy.spi.PluginContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * The MaxCompute login from {@code lakeproxy.credentials}: the AccessKey pair and any STS token
 * reach odps-jdbc as properties (its {@code user}, {@code password}, {@code sts_token}), never in
 * the URL it logs; once connected, a {@link RenewingAccount} signs every request with the
 * credential of the moment.
 */
final class OdpsLogin {

    /**
     * odps-jdbc's URL parameters for credentials: with a provider they would only be stale copies.
     */
    private static final java.util.Set<String> URL_CREDENTIALS =
            java.util.Set.of("accessid", "accesskey", "ststoken");

    private OdpsLogin() {}

    /**
     * odps-jdbc URL-decodes the AccessKey secret it is given, even as a property: encode what it
     * must get back.
     */
    static String forDriver(String secret) {
        return URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    static void apply(ConnectRequest request) throws SQLException {
        CredentialsSettings settings = CredentialsSettings.of(request);
        Credential c = SecretLogin.requested(request) ? null : CredentialSources.forLogin(settings);
        if (c == null) {
            return;
        }
        Properties props = request.realProperties();
        for (String name : props.stringPropertyNames()) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals("access_id") || n.equals("access_key") || n.equals("sts_token")) {
                props.remove(name);
            }
        }
        props.setProperty("user", c.accessKeyId());
        props.setProperty("password", forDriver(c.accessKeySecret()));
        if (c.temporary()) {
            props.setProperty("sts_token", c.securityToken());
        }
        request.setRealUrl(withoutCredentials(request.realUrl()));
        request.note(OdpsMessages.M.format("odps.note.credentials", settings.mode(), c.provider()));
    }

    /**
     * Once connected: the connection's requests are signed by the provider's credential of the
     * moment.
     */
    static void renew(PluginContext ctx, OdpsConnection real) {
        CredentialsSettings settings = CredentialsSettings.of(ctx);
        CredentialSource source = CredentialSources.of(settings);
        Credential first = source == null ? null : source.last();
        String user = ctx.realProperties().getProperty("user");
        if (first != null
                && user != null
                && source.gave(user)) { // not a login from a secret: password
            Odps odps = real.getOdps();
            odps.setAccount(new RenewingAccount(first, source, settings.timeout()));
        }
    }

    private static String withoutCredentials(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder(url.substring(0, q));
        char sep = '?';
        for (String param : url.substring(q + 1).split("&")) {
            String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!param.isEmpty() && !URL_CREDENTIALS.contains(name)) {
                kept.append(sep).append(param);
                sep = '&';
            }
        }
        return kept.toString();
    }
}
