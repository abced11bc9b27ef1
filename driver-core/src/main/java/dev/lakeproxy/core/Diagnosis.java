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
import dev.lakeproxy.core.options.OptionValues;
import dev.lakeproxy.spi.Check;
import dev.lakeproxy.spi.DiagnosisContext;
import dev.lakeproxy.spi.LakeOption;
import dev.lakeproxy.spi.LakePlugin;
import dev.lakeproxy.spi.RealUrl;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * What a connection keeps for {@code lakeproxy doctor}: the plugins that serve its driver, which of
 * them are active, its options and its URL. Each plugin diagnoses itself; a plugin that fails to is
 * reported, not thrown.
 */
public final class Diagnosis {

    private final List<LakePlugin> candidates;
    private final List<String> activePlugins;
    private final OptionValues options;
    private final RealUrl realUrl;
    private final List<String> connectActions;

    Diagnosis(
            List<LakePlugin> candidates,
            List<String> activePlugins,
            OptionValues options,
            RealUrl realUrl,
            List<String> connectActions) {
        this.candidates = List.copyOf(candidates);
        this.activePlugins = List.copyOf(activePlugins);
        this.options = options;
        this.realUrl = realUrl;
        this.connectActions = List.copyOf(connectActions);
    }

    /** For a connection made without the Connector: nothing to diagnose. */
    public static Diagnosis none(List<String> activePlugins, List<String> connectActions) {
        return new Diagnosis(List.of(), activePlugins, null, null, connectActions);
    }

    public List<String> activePlugins() {
        return activePlugins;
    }

    public List<String> connectActions() {
        return connectActions;
    }

    /** Every serving plugin's checks, in plugin order. */
    public List<Check> run(Connection lake, Connection real) {
        List<Check> checks = new ArrayList<>();
        for (LakePlugin plugin : candidates) {
            try {
                checks.addAll(plugin.diagnose(context(plugin, lake, real)));
            } catch (RuntimeException
                    | LinkageError bug) { // a plugin's bug is a failed check, never a crash
                String what = bug.getClass().getSimpleName() + ": " + bug.getMessage();
                checks.add(
                        Check.fail(
                                plugin.name(),
                                LakeErrors.message("diagnosis.failed", plugin.name(), what),
                                LakeErrors.message("diagnosis.failed.fix")));
            }
        }
        return checks;
    }

    private DiagnosisContext context(LakePlugin plugin, Connection lake, Connection real) {
        boolean active = activePlugins.contains(plugin.name());
        return new DiagnosisContext() {
            @Override
            public Connection connection() {
                return lake;
            }

            @Override
            public Connection realConnection() {
                return real;
            }

            @Override
            public RealUrl realUrl() {
                return realUrl;
            }

            @Override
            public <T> T option(LakeOption<T> option) {
                return options.get(option);
            }

            @Override
            public boolean active() {
                return active;
            }

            @Override
            public List<String> connectActions() {
                return connectActions;
            }
        };
    }
}
