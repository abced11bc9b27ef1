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

import dev.lakeproxy.core.drivers.RealDriverProfile;
import dev.lakeproxy.core.drivers.RealDriverProfiles;
import dev.lakeproxy.core.errors.LakeErrors;
import dev.lakeproxy.core.jdbc.ConnectionServices;
import dev.lakeproxy.core.jdbc.WrapperFactory;
import dev.lakeproxy.core.options.CoreOptions;
import dev.lakeproxy.core.options.OptionRegistry;
import dev.lakeproxy.core.options.OptionValues;
import dev.lakeproxy.core.pipeline.StatementPipeline;
import dev.lakeproxy.core.sql.SqlAnalyzer;
import dev.lakeproxy.spi.ConnectRequest;
import dev.lakeproxy.spi.LakeOption;
import dev.lakeproxy.spi.LakePlugin;
import dev.lakeproxy.spi.PluginContext;
import dev.lakeproxy.spi.RealUrl;
import dev.lakeproxy.spi.Secrets;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.spi.sql.SqlAnalysis;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens a lakeproxy connection: options, plugins' pre-connect work, the real connection, detection,
 * wrapping.
 */
public final class Connector {

    private static final Logger LOG = Logger.getLogger(Connector.class.getName());

    private final PluginRegistry plugins;
    private final LakeMetrics metrics;
    private final SqlAnalyzer analyzer;

    public Connector(PluginRegistry plugins, LakeMetrics metrics, SqlAnalyzer analyzer) {
        this.plugins = plugins;
        this.metrics = metrics;
        this.analyzer = analyzer;
    }

    public Connection connect(String url, Properties info) throws SQLException {
        LakeUrl lakeUrl = LakeUrl.parse(url);
        Properties realProps = new Properties();
        Map<String, String> rawOptions = new LinkedHashMap<>();
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                if (OptionRegistry.isLakeOption(name)) {
                    rawOptions.put(name, info.getProperty(name));
                } else {
                    realProps.setProperty(name, info.getProperty(name));
                }
            }
        }
        rawOptions.putAll(lakeUrl.options()); // as in pgjdbc, the URL wins over Properties
        OptionValues options = OptionValues.parse(plugins.options(), rawOptions);
        List<LakePlugin> candidates = plugins.candidates(lakeUrl.subprotocol(), options);

        RealDriverProfile profile = RealDriverProfiles.of(lakeUrl.subprotocol());
        Request request = new Request(lakeUrl, realProps, options, profile);
        request.realUrl = profile.prepareUrl(request.realUrl, request.realProperties);
        for (LakePlugin p : candidates) {
            beforeConnect(p, request);
        }
        Driver realDriver = RealDrivers.find(profile, request.realUrl);
        Connection real = RealConnect.open(realDriver, candidates, request);
        if (real == null) {
            throw LakeErrors.create(
                    "08001", "driver.refused", SecretNames.maskUrl(request.realUrl));
        }
        try {
            List<SessionPlugin> active = new ArrayList<>();
            List<String> activeNames = new ArrayList<>();
            for (LakePlugin p : candidates) {
                SessionPlugin session = activate(p, request, real);
                if (session != null) {
                    active.add(session);
                    activeNames.add(p.name());
                }
            }
            metrics.connections.increment();
            String shownUrl = SecretNames.maskUrl(request.realUrl);
            LOG.log(Level.FINE, "lakeproxy connected to {0}; active plugins {1}; {2}",
                    new Object[] {shownUrl, activeNames, request.actions});
            WrapperFactory wrappers = profile.wrappers(real);
            StatementPipeline pipeline =
                    new StatementPipeline(
                            real, active, metrics, analyzer, options.get(CoreOptions.WARNINGS));
            Diagnosis diagnosis =
                    new Diagnosis(
                            candidates, activeNames, options, request.parsedUrl(), request.actions);
            Connection layered = real;
            for (SessionPlugin session : active) {
                layered = session.driverLayer(layered);
            }
            ConnectionServices services =
                    new ConnectionServices(pipeline, metrics, wrappers, shownUrl, diagnosis);
            services.connectWarnings(request.warnings);
            return wrappers.connection(layered, services);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(real, e);
            throw e;
        }
    }

    /**
     * A plugin's bug (or a clash of jars) becomes an SQLException that keeps it as cause, never an
     * Error.
     */
    private static void beforeConnect(LakePlugin plugin, Request request) throws SQLException {
        try {
            plugin.beforeConnect(request);
        } catch (RuntimeException | LinkageError e) {
            throw pluginFailed(plugin, e);
        }
    }

    private SessionPlugin activate(LakePlugin plugin, Request request, Connection real)
            throws SQLException {
        try {
            return plugin.activate(request.context(real, analyzer, metrics));
        } catch (RuntimeException | LinkageError e) {
            throw pluginFailed(plugin, e);
        }
    }

    private static SQLException pluginFailed(LakePlugin plugin, Throwable e) {
        String what = e.getClass().getSimpleName() + ": " + e.getMessage();
        return LakeErrors.translate(
                new SQLException(what, "08001", e), "plugin.activationFailed", plugin.name(), what);
    }

    private static void closeQuietly(Connection real, Exception failure) {
        try {
            real.close();
        } catch (SQLException closing) {
            failure.addSuppressed(closing);
        }
    }

    /** The connect request the plugins see, and later their activation context. */
    private static final class Request implements ConnectRequest {
        final LakeUrl url;
        final Properties realProperties;
        final OptionValues options;
        final RealDriverProfile profile;
        final List<String> actions = new ArrayList<>();
        /** What the plugins told the user at connect: the connection's SQLWarnings. */
        final List<String> warnings = new ArrayList<>();
        String realUrl;

        Request(
                LakeUrl url,
                Properties realProperties,
                OptionValues options,
                RealDriverProfile profile) {
            this.url = url;
            this.realProperties = realProperties;
            this.options = options;
            this.profile = profile;
            this.realUrl = url.realUrl();
        }

        @Override
        public RealUrl parsedUrl() {
            return profile.parse(realUrl, realProperties);
        }

        @Override
        public String subprotocol() {
            return url.subprotocol();
        }

        @Override
        public String realUrl() {
            return realUrl;
        }

        @Override
        public void setRealUrl(String newUrl) {
            realUrl = newUrl;
        }

        @Override
        public Properties realProperties() {
            return realProperties;
        }

        @Override
        public String serverKey() {
            return url.serverKey();
        }

        @Override
        public <T> T option(LakeOption<T> option) {
            return options.get(option);
        }

        @Override
        public void note(String action) {
            actions.add(Secrets.maskText(action));
        }

        PluginContext context(Connection real, SqlAnalyzer analyzer, LakeMetrics metrics) {
            Request request = this;
            return new PluginContext() {
                @Override
                public Connection realConnection() {
                    return real;
                }

                @Override
                public String subprotocol() {
                    return request.subprotocol();
                }

                @Override
                public String realUrl() {
                    return request.realUrl;
                }

                @Override
                public Properties realProperties() {
                    return request.realProperties;
                }

                @Override
                public RealUrl parsedUrl() {
                    return request.parsedUrl();
                }

                @Override
                public String serverKey() {
                    return request.serverKey();
                }

                @Override
                public <T> T option(LakeOption<T> option) {
                    return request.option(option);
                }

                @Override
                public SqlAnalysis analysis() {
                    return analyzer;
                }

                @Override
                public LongAdder counter(String name) {
                    return metrics.counter(name);
                }

                @Override
                public void settingSent() {
                    metrics.settingsSent.increment();
                }

                @Override
                public void errorTranslated() {
                    metrics.translatedErrors.increment();
                }

                @Override
                public void note(String action) {
                    request.note(action);
                }

                @Override
                public void warn(String message) {
                    request.note(message);
                    request.warnings.add(Secrets.maskText(message));
                }
            };
        }
    }
}
