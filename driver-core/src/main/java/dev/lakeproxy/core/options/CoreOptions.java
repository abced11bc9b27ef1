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

import dev.lakeproxy.spi.LakeOption;
import java.util.List;

/** The core driver's own options. */
public final class CoreOptions {

    private CoreOptions() {
    }

    public static final LakeOption<List<String>> PLUGINS =
            LakeOption.list(
                    "lakeproxy.plugins",
                    "Which plugins may activate: empty means every plugin that serves the URL's"
                        + " driver; `none` turns all off (pure pass-through); otherwise a"
                        + " comma-separated list of plugin names.");

    public static final LakeOption<Boolean> WARNINGS =
            LakeOption.bool(
                    "lakeproxy.warnings",
                    true,
                    "Attach an SQLWarning to a statement that lakeproxy rewrote, ran a setting"
                        + " before (an engine switch), retried or refused, saying what it did and"
                        + " why; tools such as DBeaver and sqlline show it. false turns the"
                        + " warnings off (the FINE log, the counters and explain() still tell).");

    public static List<LakeOption<?>> all() {
        return List.of(PLUGINS, WARNINGS);
    }
}
