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
import dev.lakeproxy.spi.Secrets;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** pgjdbc ({@code jdbc:postgresql:}), the driver under Hologres. */
final class PgjdbcProfile implements RealDriverProfile {

    @Override
    public boolean serves(String subprotocol) {
        return subprotocol.equals("postgresql");
    }

    @Override
    public String driverClassName() {
        return "org.postgresql.Driver";
    }

    /**
     * pgjdbc's flavour (the wrappers also implement PGConnection/PGStatement, so code that casts
     * keeps working), loaded by name so that lakeproxy runs without pgjdbc on the class path.
     */
    @Override
    public WrapperFactory wrappers(Connection real) {
        WrapperFactory pg = PgFlavour.FACTORY;
        return pg != null && pg.accepts(real) ? pg : PlainWrappers.INSTANCE;
    }

    /** Holds pgjdbc's flavour, loaded once, on first use. */
    private static final class PgFlavour {
        static final WrapperFactory FACTORY = load();

        private static WrapperFactory load() {
            try {
                Class.forName(
                        "org.postgresql.PGConnection", false, PgjdbcProfile.class.getClassLoader());
                return (WrapperFactory)
                        Class.forName("dev.lakeproxy.core.pg.PgWrappers")
                                .getField("INSTANCE")
                                .get(null);
            } catch (ReflectiveOperationException | LinkageError absent) {
                return null; // pgjdbc is not on the class path
            }
        }
    }

    /**
     * pgjdbc's own reading ({@code org.postgresql.Driver.parseURL}: URL over properties over a
     * service file, the database defaulting to the user's name as PostgreSQL does); the generic
     * reading without pgjdbc.
     */
    @Override
    public RealUrl parse(String realUrl, Properties properties) {
        Properties parsed = PgUrlParser.parse(realUrl, properties);
        if (parsed == null) {
            return RealDriverProfile.super.parse(realUrl, properties);
        }
        Map<String, String> merged = UrlParts.merged("", parsed);
        return new RealUrl(
                realUrl,
                merged.getOrDefault("PGDBNAME", ""),
                merged.getOrDefault("user", ""),
                merged);
    }

    /** Holds pgjdbc's URL parser, found once, on first use. */
    private static final class PgUrlParser {
        static final Method PARSE_URL = find();

        private static Method find() {
            try {
                Class<?> driver =
                        Class.forName(
                                "org.postgresql.Driver",
                                false,
                                PgjdbcProfile.class.getClassLoader());
                return driver.getMethod("parseURL", String.class, Properties.class);
            } catch (ReflectiveOperationException | LinkageError absent) {
                return null; // pgjdbc is not on the class path
            }
        }

        static Properties parse(String url, Properties properties) {
            if (PARSE_URL == null) {
                return null;
            }
            try {
                return (Properties) PARSE_URL.invoke(null, url, properties);
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                return null; // pgjdbc will say what is wrong with the URL when it connects
            }
        }
    }

    @Override
    public boolean isSecretParameter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("sslpassword") || n.equals("sslkey");
    }

    /**
     * Secret query parameters ({@code password=...}) move into the properties: pgjdbc logs its URL
     * at FINE and treats a URL parameter and a property alike, so the secret stays out of its logs.
     */
    @Override
    public String prepareUrl(String url, Properties target) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder(url.length()).append(url, 0, q);
        char sep = '?';
        for (String param : url.substring(q + 1).split("&", -1)) {
            int eq = param.indexOf('=');
            String name = UrlParts.decode(eq < 0 ? param : param.substring(0, eq));
            if (eq > 0 && (Secrets.isSecretName(name) || isSecretParameter(name))) {
                target.setProperty(name, UrlParts.decode(param.substring(eq + 1)));
            } else {
                kept.append(sep).append(param);
                sep = '&';
            }
        }
        return kept.toString();
    }

    /** Scheme, hosts and ports: one Hologres instance serves every database behind them. */
    @Override
    public String serverKey(String realUrl) {
        String base = UrlParts.withoutUserInfo(UrlParts.base(realUrl));
        int hosts = base.indexOf("//");
        int slash = hosts < 0 ? -1 : base.indexOf('/', hosts + 2);
        String key = slash < 0 ? base : base.substring(0, slash);
        // jdbc:postgresql://?service=name: the service names the server
        String service =
                UrlParts.parameter(realUrl, "service").map(s -> "#service=" + s).orElse("");
        return (key + service).toLowerCase(Locale.ROOT);
    }
}
