package dev.lakeproxy.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Named counters for the stub contexts, so a test reads what a rule counted. */
public final class StubCounters {

    private final Map<String, LongAdder> counters = new HashMap<>();

    /** The counter, made on first use. */
    public LongAdder counter(String name) {
        return counters.computeIfAbsent(name, n -> new LongAdder());
    }

    /** A counter's value (0 when never bumped). */
    public long count(String name) {
        LongAdder c = counters.get(name);
        return c == null ? 0 : c.sum();
    }
}
