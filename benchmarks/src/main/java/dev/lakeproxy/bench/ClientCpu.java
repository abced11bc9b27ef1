package dev.lakeproxy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark thread's own CPU time per operation, next to the wall time: on a small machine the
 * server and the client share the cores, so wall time swings with scheduling while the client's CPU
 * time does not. Reported per iteration as {@code cpuNanos} and {@code calls}; their quotient is
 * the client CPU per operation.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ClientCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long cpuNanos;
    public long calls;
    private long start;

    @Setup(Level.Iteration)
    public void reset() {
        cpuNanos = 0;
        calls = 0;
    }

    void begin() {
        start = THREADS.getCurrentThreadCpuTime();
    }

    void end() {
        cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
        calls++;
    }
}
