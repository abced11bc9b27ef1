package dev.lakeproxy;

import dev.lakeproxy.core.Version;
import dev.lakeproxy.core.options.OptionRegistry;
import dev.lakeproxy.spi.LakeOption;
import java.util.List;

/**
 * Facts about this lakeproxy build, for tools such as the CLI: its version (one source, the build's
 * project version, also in every jar's manifest and in {@code DatabaseMetaData.getDriverVersion()})
 * and its options.
 */
public final class Lakeproxy {

    private Lakeproxy() {
    }

    /** lakeproxy's version, e.g. {@code 0.1.0}. */
    public static String version() {
        return Version.VERSION;
    }

    /** Every {@code lakeproxy.*} option: the core's and those of the plugins on this class path. */
    public static List<LakeOption<?>> options() {
        return OptionRegistry.discovered().all();
    }

    /** The option table of the README (Markdown), generated from the options themselves. */
    public static String optionsTable() {
        return OptionRegistry.discovered().markdownTable();
    }
}
