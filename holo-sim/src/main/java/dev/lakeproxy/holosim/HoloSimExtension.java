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
package dev.lakeproxy.holosim;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link HoloSimulator} for a test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static HoloSimExtension SIM = HoloSimExtension.version("1.3.30").backendConfiguration(true);
 *
 * @Test void reads(HoloSimulator sim) throws Exception {   // or SIM.sim()
 *     try (Connection c = DriverManager.getConnection(SIM.jdbcUrl(), SIM.sim().user(), "")) { ... }
 * }
 * }</pre>
 *
 * Register it on a static field: the simulator starts before the class's first test and stops after
 * its last. With {@link #shared()}, one simulator per (version, backend configuration) serves every
 * class of the test run that asks for the same, and stops when the run ends. With {@link #seed},
 * the class's own simulator gets its projects, tables and foreign tables once, before the first
 * test.
 */
public final class HoloSimExtension
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(HoloSimExtension.class);

    private final String version;
    private boolean backendConfiguration;
    private boolean shared;
    private Seed seed;
    private volatile HoloSimulator sim;
    private boolean owned;

    private HoloSimExtension(String version) {
        this.version = version;
    }

    /** An extension for the given Hologres version, e.g. {@code "3.2.5"}. */
    public static HoloSimExtension version(String version) {
        SimulatedVersion.parse(version); // fail fast on a typo
        return new HoloSimExtension(version);
    }

    /**
     * Whether the simulated instance has the backend configuration for encrypted data (V1.1 to
     * V1.3.30).
     */
    public HoloSimExtension backendConfiguration(boolean on) {
        this.backendConfiguration = on;
        return this;
    }

    /** Share one simulator per (version, backend configuration) across the test run. */
    public HoloSimExtension shared() {
        this.shared = true;
        return this;
    }

    /** What a test class puts in its simulator before its first test. */
    @FunctionalInterface
    public interface Seed {
        void seed(HoloSimulator sim) throws Exception;
    }

    /**
     * Runs {@code seed} once the simulator has started, before the class's first test (and its
     * own {@code @BeforeAll} methods). A seeded simulator is the class's own: not with
     * {@link #shared()}, where every class that shares it would seed it again.
     */
    public HoloSimExtension seed(Seed seed) {
        this.seed = Objects.requireNonNull(seed, "seed");
        return this;
    }

    /** The running simulator (available from {@code @BeforeAll} on). */
    public HoloSimulator sim() {
        HoloSimulator s = sim;
        if (s == null) {
            throw new IllegalStateException(
                    "HoloSimExtension is not started: register it on a static field");
        }
        return s;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres}. */
    public String jdbcUrl() {
        return sim().jdbcUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (sim != null) {
            return;
        }
        if (shared && seed != null) {
            throw new IllegalStateException(
                    "a seeded simulator is the class's own: seed() and shared() do not mix");
        }
        if (shared) {
            String key = version + "/" + backendConfiguration;
            sim = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(key, k -> new Resource(start()), Resource.class).sim;
            owned = false;
        } else {
            sim = seeded(start());
            owned = true;
        }
    }

    /** The simulator after the seed ran; closed when the seed fails, so none is left running. */
    private HoloSimulator seeded(HoloSimulator started) throws Exception {
        boolean done = false;
        try {
            if (seed != null) {
                seed.seed(started);
            }
            done = true;
            return started;
        } finally {
            if (!done) {
                started.close();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        HoloSimulator s = sim;
        sim = null;
        if (s != null && owned) {
            s.close();
        }
    }

    private HoloSimulator start() {
        return HoloSimulator.builder()
                .version(version)
                .backendConfiguration(backendConfiguration)
                .start();
    }

    @Override
    public boolean supportsParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == HoloSimulator.class;
    }

    @Override
    public Object resolveParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sim();
    }

    /** Closes a shared simulator when the test run ends. */
    private static final class Resource implements ExtensionContext.Store.CloseableResource {
        final HoloSimulator sim;

        Resource(HoloSimulator sim) {
            this.sim = sim;
        }

        @Override
        public void close() {
            sim.close();
        }
    }
}
