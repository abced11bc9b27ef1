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

import dev.lakeproxy.core.Connector;
import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.LakeUrl;
import dev.lakeproxy.core.PluginRegistry;
import dev.lakeproxy.core.Version;
import dev.lakeproxy.core.sql.SqlAnalyzer;
import dev.lakeproxy.spi.LakeOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The lakeproxy JDBC driver: {@code jdbc:lakeproxy:<the real driver's URL without "jdbc:">}.
 * Registered through {@code META-INF/services/java.sql.Driver}.
 */
public final class Driver implements java.sql.Driver {

    private static final Driver REGISTERED = new Driver();

    static {
        try {
            DriverManager.registerDriver(REGISTERED);
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger IDS =
            new java.util.concurrent.atomic.AtomicInteger();

    private final LakeMetrics metrics = new LakeMetrics();
    private final Connector connector =
            new Connector(PluginRegistry.shared(), metrics, SqlAnalyzer.shared());
    private volatile javax.management.ObjectName mbean;

    /** The instance registered with DriverManager (the one {@link LakeDataSource} uses). */
    public static Driver registered() {
        return REGISTERED;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // JDBC: a driver returns null for URLs that are not its own
        }
        if (mbean == null) {
            registerMBean();
        }
        return connector.connect(url, info);
    }

    @Override
    public boolean acceptsURL(String url) {
        return LakeUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        List<LakeOption<?>> options = PluginRegistry.shared().options().all();
        DriverPropertyInfo[] result = new DriverPropertyInfo[options.size()];
        for (int i = 0; i < result.length; i++) {
            LakeOption<?> o = options.get(i);
            DriverPropertyInfo p =
                    new DriverPropertyInfo(
                            o.name(),
                            info == null || o.isSecret() ? null : info.getProperty(o.name()));
            p.description =
                    o.description()
                            + " Accepted: "
                            + o.accepted()
                            + ". Default: "
                            + o.defaultValue();
            result[i] = p;
        }
        return result;
    }

    @Override
    public int getMajorVersion() {
        return Version.MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return Version.MINOR;
    }

    @Override
    public boolean jdbcCompliant() {
        return false; // it is as compliant as the real driver underneath, which it cannot vouch for
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("dev.lakeproxy");
    }

    /**
     * The instance's counters go to JMX when it first connects (instances that never connect stay
     * out).
     */
    private synchronized void registerMBean() {
        if (mbean == null) {
            mbean =
                    dev.lakeproxy.core.jmx.MetricsMBean.register(
                            metrics, SqlAnalyzer.shared(), IDS.incrementAndGet());
        }
    }

    /** The JMX name of this instance's counters, or {@code null} before its first connection. */
    public javax.management.ObjectName mbeanName() {
        return mbean;
    }

    /** This driver instance's counters. */
    public LakeMetrics metrics() {
        return metrics;
    }

    @Override
    public String toString() {
        return "lakeproxy JDBC driver " + Version.VERSION;
    }
}
