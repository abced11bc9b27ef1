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
package dev.lakeproxy.odps;

import static dev.lakeproxy.odps.PluginTestSupport.lake;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A project with Tablestore external tables on the emulator (table t_exists in its Tablestore),
 * with a raw odps-jdbc connection and a lakeproxy one: the set-up the Tablestore DDL and error
 * tests share.
 */
abstract class TablestoreProject {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(
                    b -> b.project("otsx").tablestoreWriters(4).tablestoreBatchRows(50));

    static Connection raw;
    static Connection lp;

    @BeforeAll
    static void setUp() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().tablestore().createTable("t_exists");
        String url = EMU.get().jdbcUrl("otsx");
        raw = connect(url);
        lp = connect(lake(url));
    }

    @AfterAll
    static void tearDown() throws SQLException {
        raw.close();
        lp.close();
    }
}
