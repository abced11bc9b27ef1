package demo;

import java.util.ArrayList;
import java.util.List;

/** Scenarios through the generated routing; the log says which way each call went. */
public final class RoutingProbe {
    private RoutingProbe() {
    }

    /**
     * Every routed and unrouted method once, with the given interest and a real that may fail once.
     */
    public static List<String> run(long interest, boolean failFirst) throws Exception {
        List<String> log = new ArrayList<>();
        Prep p = new RoutedPrep(new RealPrep(log, failFirst), log, interest);
        log.add("= " + p.execute("SELECT 1"));
        log.add("= " + p.executeLarge("UPDATE t", 7));
        log.add("= " + p.executeQuery("SELECT q"));
        log.add("= " + p.executeUpdate());
        p.executeBatch();
        p.executeTimes(2);
        p.addBatch("INSERT b");
        p.setInt(1, 9);
        p.close();
        return log;
    }
}
