package dev.lakeproxy.spi;

import java.sql.Connection;
import java.util.List;

/**
 * What a plugin's {@link LakePlugin#diagnose diagnosis} may use: an open connection and its
 * options.
 */
public interface DiagnosisContext {

    /**
     * The lakeproxy connection: statements run on it go through every active plugin, as the user's
     * would.
     */
    Connection connection();

    /** The real driver's connection: statements run on it bypass lakeproxy. */
    Connection realConnection();

    /** The real driver's URL and properties as that driver reads them. */
    RealUrl realUrl();

    <T> T option(LakeOption<T> option);

    /** Whether this plugin activated on the connection (it may diagnose why not). */
    boolean active();

    /** What the plugins did while connecting. */
    List<String> connectActions();
}
