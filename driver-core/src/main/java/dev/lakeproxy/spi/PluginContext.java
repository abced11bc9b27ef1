package dev.lakeproxy.spi;

import dev.lakeproxy.spi.sql.SqlAnalysis;
import java.sql.Connection;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;

/** What an activating plugin may use. */
public interface PluginContext {

    /** The real connection: queries run on it bypass the pipeline. */
    Connection realConnection();

    String subprotocol();

    String realUrl();

    /**
     * The real driver's URL and properties as that driver reads them (database, user, parameters).
     */
    RealUrl parsedUrl();

    /** The properties the real driver received (secrets included: never log them). */
    Properties realProperties();

    String serverKey();

    <T> T option(LakeOption<T> option);

    /** Parsing, cached by text. */
    SqlAnalysis analysis();

    /**
     * A plugin's counter, by name (e.g. {@code holo.detections}); shown by JMX, the CLI and tests.
     */
    LongAdder counter(String name);

    /** Counts a statement lakeproxy sent on its own (a setting), with the other settings sent. */
    void settingSent();

    /**
     * Counts an error the plugin explained outside a statement (e.g. in metadata), with the others
     * explained.
     */
    void errorTranslated();

    /** Records what the plugin did at connect, for the FINE log and {@code explain}. */
    void note(String action);

    /**
     * Tells the user something about the connection they should know (the plugin stays off for it,
     * say): an SQLWarning on the connection ({@code getWarnings()}), and a note. Never pass
     * secrets.
     */
    default void warn(String message) {
        note(message);
    }
}
