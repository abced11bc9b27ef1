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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MaxCompute tables generate no keys: getGeneratedKeys is JDBC's empty result, not a failure. */
class GeneratedKeysTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("keys"));

    @BeforeAll
    static void table() {
        EMU.get().execute("keys", "CREATE TABLE log (id BIGINT)");
    }

    @Test
    void afterAnInsertTheGeneratedKeysAreAnEmptyResultWithoutColumns() throws SQLException {
        try (Connection c = connect(lake(EMU.get().jdbcUrl("keys")));
                Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("INSERT INTO log VALUES (1)"));
            try (ResultSet keys = st.getGeneratedKeys()) {
                assertEquals(0, keys.getMetaData().getColumnCount());
                assertFalse(keys.next());
            }
        }
    }

    @Test
    void rawOdpsJdbcRefusesTheCall() throws SQLException {
        try (Connection c = connect(EMU.get().jdbcUrl("keys"));
                Statement st = c.createStatement()) {
            assertThrows(SQLFeatureNotSupportedException.class, st::getGeneratedKeys);
        }
    }
}
