/*
 * Copyright The lakeproxy developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
