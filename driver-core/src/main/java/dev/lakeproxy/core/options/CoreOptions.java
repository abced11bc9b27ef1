package dev.lakeproxy.core.options;

import dev.lakeproxy.spi.LakeOption;
import java.util.List;

/** The core driver's own options. */
public final class CoreOptions {

    private CoreOptions() {
    }

    public static final LakeOption<List<String>> PLUGINS = LakeOption.list("lakeproxy.plugins",
            "Which plugins may activate: empty means every plugin that serves the URL's driver; `none` turns all off "
                    + "(pure pass-through); otherwise a comma-separated list of plugin names.");

    public static List<LakeOption<?>> all() {
        return List.of(PLUGINS);
    }
}
