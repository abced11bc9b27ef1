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

import dev.lakeproxy.testing.EmbeddedPg;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the pipeline tests share: a fresh database with the tables the test-only plugin works on, a
 * fresh flag table before each test, and connections with the plugin on or off.
 */
abstract class PipelineCase {

    static String db;

    @BeforeAll
    static void schema() throws SQLException {
        db = EmbeddedPg.freshDatabase();
        try (Connection c = DriverManager.getConnection(EmbeddedPg.rawUrl(db));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE lp_target (id int, note text)");
            s.execute("INSERT INTO lp_target VALUES (1, 'one'), (2, 'two')");
            s.execute("CREATE TABLE lp_guarded (id int)");
            s.execute("CREATE TABLE lp_tagged (id int)");
            s.execute("CREATE TABLE lp_ts (t timestamp)");
        }
    }

    @BeforeEach
    void freshFlag() throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedPg.rawUrl(db));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS lp_flag; CREATE TABLE lp_flag (x int)");
        }
    }

    static Connection connect(boolean pluginOn) throws SQLException {
        return DriverManager.getConnection(
                EmbeddedPg.lakeUrl(db) + "&lakeproxy.test.enabled=" + pluginOn);
    }
}
