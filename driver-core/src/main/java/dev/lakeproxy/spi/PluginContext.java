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
