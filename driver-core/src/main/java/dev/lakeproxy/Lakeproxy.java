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
