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
package dev.lakeproxy.holo;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.holosim.Engine;
import dev.lakeproxy.holosim.HoloSimExtension;
import dev.lakeproxy.holosim.QueryLogEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the legacy-path (V2.x) session tests share: the simulator, a lakeproxy connection that knows
 * p_byok is encrypted, its count of engine switches, and the engines the simulator logged.
 */
abstract class HoloSessionCase {

    @RegisterExtension
    static final HoloSimExtension SIM =
            HoloSimExtension.version("2.2.15").seed(HoloScenarios::seed);

    @BeforeEach
    void fresh() {
        HoloInstance.forgetAll();
        SIM.sim().clearQueryLog();
    }

    static Connection lake() throws SQLException {
        return HoloScenarios.lake(SIM.sim(), "lakeproxy.holo.encryptedProjects=p_byok");
    }

    static long settings(Connection c) throws SQLException {
        return c.unwrap(LakeproxyConnection.class)
                .metrics()
                .snapshot()
                .getOrDefault("holo.engineSwitches", 0L);
    }

    static List<Engine> engines() {
        return SIM.sim().queryLog().stream().map(QueryLogEntry::engine)
                .collect(Collectors.toList());
    }
}
