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
