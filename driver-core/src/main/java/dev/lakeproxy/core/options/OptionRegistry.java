package dev.lakeproxy.core.options;

import dev.lakeproxy.core.PluginRegistry;
import dev.lakeproxy.spi.LakeOption;
import dev.lakeproxy.spi.LakePlugin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one registry of {@code lakeproxy.*} options: the core's and every discovered plugin's. */
public final class OptionRegistry {

    public static final String PREFIX = LakeOption.PREFIX;

    private final Map<String, LakeOption<?>> byName;

    private OptionRegistry(Map<String, LakeOption<?>> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static OptionRegistry of(List<LakePlugin> plugins) {
        Map<String, LakeOption<?>> m = new LinkedHashMap<>();
        CoreOptions.all().forEach(o -> m.put(o.name(), o));
        for (LakePlugin p : plugins) {
            p.options().forEach(o -> m.put(o.name(), o));
        }
        return new OptionRegistry(m);
    }

    /** The registry of this class loader's plugins. */
    public static OptionRegistry discovered() {
        return PluginRegistry.shared().options();
    }

    public LakeOption<?> find(String name) {
        return byName.get(name);
    }

    public List<LakeOption<?>> all() {
        return new ArrayList<>(byName.values());
    }

    /** The README's option table, generated so that code and docs cannot disagree. */
    public String markdownTable() {
        StringBuilder sb =
                new StringBuilder(
                        "| option | default | accepted values | description |\n"
                            + "|---|---|---|---|\n");
        for (LakeOption<?> o : byName.values()) {
            sb.append("| `")
                    .append(o.name())
                    .append("` | ")
                    .append(o.defaultValue().isEmpty() ? "(empty)" : "`" + o.defaultValue() + "`")
                    .append(" | ")
                    .append(o.accepted().replace("|", "\\|"))
                    .append(" | ")
                    .append(o.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.toString();
    }

    public static boolean isLakeOption(String key) {
        return key != null && key.startsWith(PREFIX);
    }
}
