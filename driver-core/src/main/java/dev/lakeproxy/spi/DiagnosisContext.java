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

import java.sql.Connection;
import java.util.List;

/**
 * What a plugin's {@link LakePlugin#diagnose diagnosis} may use: an open connection and its
 * options.
 */
public interface DiagnosisContext {

    /**
     * The lakeproxy connection: statements run on it go through every active plugin, as the user's
     * would.
     */
    Connection connection();

    /** The real driver's connection: statements run on it bypass lakeproxy. */
    Connection realConnection();

    /** The real driver's URL and properties as that driver reads them. */
    RealUrl realUrl();

    <T> T option(LakeOption<T> option);

    /** Whether this plugin activated on the connection (it may diagnose why not). */
    boolean active();

    /** What the plugins did while connecting. */
    List<String> connectActions();
}
