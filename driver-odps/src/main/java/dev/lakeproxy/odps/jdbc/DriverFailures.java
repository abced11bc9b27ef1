package dev.lakeproxy.odps.jdbc;

import dev.lakeproxy.spi.Messages;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What odps-jdbc throws unchecked, as the SQLException JDBC promises: SQLState HY000, the original
 * as cause, and a message that names the call. Tools handle an SQLException per call; an unchecked
 * exception ends a whole metadata walk or a pool's validation.
 */
public final class DriverFailures {

    private static final Logger LOG = Logger.getLogger(DriverFailures.class.getName());
    static final Messages M = Messages.of(DriverFailures.class, "dev.lakeproxy.odps.messages");

    private DriverFailures() {
    }

    /** Called by the generated forwarding when {@code call} threw {@code thrown} unchecked. */
    public static SQLException failure(Throwable thrown, String call) {
        LOG.log(
                Level.FINE,
                "odps-jdbc threw unchecked in " + call + "; reported as an SQLException",
                thrown);
        return new SQLException(M.format("odps.jdbc.driverFailed", call, thrown), "HY000", thrown);
    }
}
