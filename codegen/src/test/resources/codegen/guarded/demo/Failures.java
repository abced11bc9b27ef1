package demo;

import java.sql.SQLException;

/** The guard: what the real object threw unchecked, as an SQLException that keeps it as cause. */
public final class Failures {
    private Failures() {
    }

    public static SQLException failure(Throwable thrown, String call) {
        return new SQLException("the driver failed in " + call, "XX000", thrown);
    }
}
