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

import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.spi.Check;
import java.sql.SQLException;
import java.util.List;

/**
 * lakeproxy's own view of a connection: {@code connection.unwrap(LakeproxyConnection.class)}.
 */
public interface LakeproxyConnection {

    /** What lakeproxy would do with {@code sql} on this connection now, without running it. */
    Explanation explain(String sql) throws SQLException;

    /** The names of the plugins active on this connection (empty: pure pass-through). */
    List<String> activePlugins();

    /** What the plugins did while connecting (startup parameters, detection, settings). */
    List<String> connectActions();

    /**
     * Each plugin's checks of this connection (version, settings, credentials, a probe of what it
     * serves), each with the fix when it is not OK: what {@code lakeproxy doctor} prints. Runs a
     * few statements; never throws.
     */
    List<Check> diagnose();

    /** The counters of the driver instance this connection came from. */
    LakeMetrics metrics();
}
