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
package dev.lakeproxy.core;

import dev.lakeproxy.core.errors.LakeErrors;
import dev.lakeproxy.core.options.CoreOptions;
import dev.lakeproxy.core.options.OptionRegistry;
import dev.lakeproxy.core.options.OptionValues;
import dev.lakeproxy.spi.LakePlugin;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The plugins found with {@link ServiceLoader} on lakeproxy's class loader. */
public final class PluginRegistry {

    private static volatile PluginRegistry shared;

    private final List<LakePlugin> plugins;
    private final OptionRegistry options;

    public PluginRegistry(List<LakePlugin> plugins) {
        this.plugins = Collections.unmodifiableList(new ArrayList<>(plugins));
        this.options = OptionRegistry.of(this.plugins);
    }

    public static PluginRegistry shared() {
        PluginRegistry r = shared;
        if (r == null) {
            synchronized (PluginRegistry.class) {
                r = shared;
                if (r == null) {
                    List<LakePlugin> found = new ArrayList<>();
                    ServiceLoader.load(LakePlugin.class, PluginRegistry.class.getClassLoader())
                            .forEach(found::add);
                    shared = r = new PluginRegistry(found);
                }
            }
        }
        return r;
    }

    public List<LakePlugin> all() {
        return plugins;
    }

    public OptionRegistry options() {
        return options;
    }

    /** The plugins that serve this subprotocol and that {@code lakeproxy.plugins} allows. */
    public List<LakePlugin> candidates(String subprotocol, OptionValues values)
            throws SQLException {
        List<String> wanted = values.get(CoreOptions.PLUGINS);
        if (wanted.size() == 1 && wanted.get(0).equalsIgnoreCase("none")) {
            return List.of();
        }
        for (String name : wanted) {
            if (plugins.stream().noneMatch(p -> p.name().equalsIgnoreCase(name))) {
                throw LakeErrors.create("22023", "plugin.unknown", name,
                        plugins.stream().map(LakePlugin::name).collect(Collectors.joining(", ")));
            }
        }
        List<LakePlugin> result = new ArrayList<>();
        for (LakePlugin p : plugins) {
            boolean allowed =
                    wanted.isEmpty() || wanted.stream().anyMatch(n -> n.equalsIgnoreCase(p.name()));
            if (allowed && p.serves(subprotocol)) {
                result.add(p);
            }
        }
        return result;
    }
}
