package dev.lakeproxy.spi;

import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.options.LakeOption;
import dev.lakeproxy.core.sql.SqlAnalyzer;
import java.sql.Connection;
import java.util.Properties;

/** What an activating plugin may use. */
public interface PluginContext {

    /** The real connection: queries run on it bypass the pipeline. */
    Connection realConnection();

    String subprotocol();

    String realUrl();

    /** The properties the real driver received (secrets included: never log them). */
    Properties realProperties();

    String serverKey();

    <T> T option(LakeOption<T> option);

    SqlAnalyzer analyzer();

    LakeMetrics metrics();

    /** Records what the plugin did at connect, for the FINE log and {@code explain}. */
    void note(String action);
}
