package dev.lakeproxy;

import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.spi.Check;
import java.sql.SQLException;
import java.util.List;

/**
 * lakeproxy's own view of a connection: {@code connection.unwrap(LakeproxyConnection.class)}.
 */
public interface LakeproxyConnection {

    /** What lakeproxy would do with {@code sql} on this connection now, without running it. */
    Explanation explain(String sql) throws SQLException;

    /** The names of the plugins active on this connection (empty: pure pass-through). */
    List<String> activePlugins();

    /** What the plugins did while connecting (startup parameters, detection, settings). */
    List<String> connectActions();

    /**
     * Each plugin's checks of this connection (version, settings, credentials, a probe of what it
     * serves), each with the fix when it is not OK: what {@code lakeproxy doctor} prints. Runs a
     * few statements; never throws.
     */
    List<Check> diagnose();

    /** The counters of the driver instance this connection came from. */
    LakeMetrics metrics();
}
