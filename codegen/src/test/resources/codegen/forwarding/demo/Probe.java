package demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls every method through the wrapper; the log says what reached the real object and what came
 * back.
 */
public final class Probe {
    private Probe() {
    }

    @SuppressWarnings("deprecation")
    public static List<String> run() throws Exception {
        List<String> log = new ArrayList<>();
        Circle c = new ForwardingCircle(new RecordingCircle(log));
        log.add("= " + c.radius());
        log.add("= " + c.area());
        log.add("= " + c.scaled(3));
        log.add("= " + c.tags("a", "b", "c"));
        c.reset();
        log.add("= " + c.legacy());
        log.add("= " + c.name());
        log.add("= " + c.greeting());
        return log;
    }
}
