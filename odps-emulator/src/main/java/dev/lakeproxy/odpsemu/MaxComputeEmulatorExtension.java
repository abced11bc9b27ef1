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

import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one emulator (and one embedded PostgreSQL) per test class, closed after it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MaxComputeEmulatorExtension EMU =
 *     new MaxComputeEmulatorExtension(b -> b.project("p").threeTierProject("p3"));
 *
 * @Test void works() throws Exception {
 *   try (Connection c = DriverManager.getConnection(EMU.get().jdbcUrl("p"))) { ... }
 * }
 * }</pre>
 *
 * Or {@code @ExtendWith(MaxComputeEmulatorExtension.class)} and take a {@link MaxComputeEmulator}
 * as a test or lifecycle method parameter.
 */
public final class MaxComputeEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Consumer<MaxComputeEmulator.Builder> configurer;
    private MaxComputeEmulator emulator;

    public MaxComputeEmulatorExtension() {
        this(b -> {});
    }

    public MaxComputeEmulatorExtension(Consumer<MaxComputeEmulator.Builder> configurer) {
        this.configurer = configurer;
    }

    /** The running emulator (available from {@code @BeforeAll} on). */
    public MaxComputeEmulator get() {
        if (emulator == null) {
            throw new IllegalStateException("the MaxCompute emulator is not started yet");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (emulator == null) {
            MaxComputeEmulator.Builder b = MaxComputeEmulator.builder();
            configurer.accept(b);
            emulator = b.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == MaxComputeEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return get();
    }
}
