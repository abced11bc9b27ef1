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
package dev.lakeproxy;

import dev.lakeproxy.core.SecretNames;
import dev.lakeproxy.core.errors.LakeErrors;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for pools and frameworks (HikariCP's {@code dataSourceClassName}, Spring).
 * Bean properties: {@code url} (lakeproxy options go in its query), {@code user}, {@code password},
 * and {@code connectionProperties} ({@code k=v;k=v}) for anything else the real driver takes.
 */
public class LakeDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private final Properties extra = new Properties();
    private int loginTimeoutSeconds;
    private PrintWriter logWriter;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** Alias of {@link #setUrl}, for tools that say jdbcUrl. */
    public void setJdbcUrl(String url) {
        setUrl(url);
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    /** Alias of {@link #setUser}. */
    public void setUsername(String user) {
        setUser(user);
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Extra properties for the real driver or lakeproxy, as {@code k=v;k=v}. */
    public void setConnectionProperties(String properties) {
        for (String pair : properties.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                extra.setProperty(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }

    /** One extra property for the real driver or lakeproxy. */
    public void setProperty(String name, String value) {
        extra.setProperty(name, value);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        Properties props = new Properties();
        props.putAll(extra);
        if (username != null) {
            props.setProperty("user", username);
        }
        if (pass != null) {
            props.setProperty("password", pass);
        }
        if (loginTimeoutSeconds > 0 && !props.containsKey("loginTimeout")) {
            props.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
        }
        if (url == null) {
            throw LakeErrors.create("08001", "datasource.noUrl");
        }
        Connection c = Driver.registered().connect(url, props);
        if (c == null) {
            throw LakeErrors.create("08001", "url.notLakeproxy", SecretNames.maskUrl(url));
        }
        return c;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("dev.lakeproxy");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw LakeErrors.create(
                "0A000", "unwrap.notAWrapper", getClass().getName(), iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "LakeDataSource{url=" + SecretNames.maskUrl(url) + ", user=" + user + ", properties="
                + SecretNames.maskProperties(extra) + "}";
    }
}
