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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cursor questions tools ask of a query's result (DBeaver asks the concurrency before it
 * offers editing; pools and frameworks ask holdability and fetch size): odps-jdbc 3.4.2 refuses
 * them on its forward-only results, lakeproxy answers them.
 */
class ResultSetCursorTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("cursor"));

    private static final String QUERY = "SELECT id FROM t";

    static Connection raw;
    static Connection lp;

    @BeforeAll
    static void connectBoth() throws SQLException {
        EMU.get().execute("cursor", "CREATE TABLE t (id BIGINT)");
        EMU.get().execute("cursor", "INSERT INTO t VALUES (1), (2)");
        raw = connect(EMU.get().jdbcUrl("cursor"));
        lp = connect(lake(EMU.get().jdbcUrl("cursor")));
    }

    @AfterAll
    static void close() throws SQLException {
        raw.close();
        lp.close();
    }

    @Test
    void aForwardOnlyResultIsReadOnlyClosesAtCommitAndFetchesForward() throws SQLException {
        try (Statement st = lp.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
            assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, rs.getHoldability());
            assertEquals(ResultSet.FETCH_FORWARD, rs.getFetchDirection());
            rs.setFetchDirection(ResultSet.FETCH_FORWARD);
            SQLException reverse = assertThrows(SQLException.class,
                    () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE));
            assertEquals("HY106", reverse.getSQLState());
        }
        try (Statement st = raw.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            assertThrows(SQLFeatureNotSupportedException.class, rs::getConcurrency, "odps-jdbc");
            assertThrows(SQLFeatureNotSupportedException.class, rs::getHoldability);
            assertThrows(SQLFeatureNotSupportedException.class, rs::getFetchDirection);
        }
    }

    @Test
    void theFetchSizeIsTheStatementsUntilSetThenTheHintSet() throws SQLException {
        try (Statement st = lp.createStatement()) {
            st.setFetchSize(500);
            try (ResultSet rs = st.executeQuery(QUERY)) {
                assertEquals(500, rs.getFetchSize());
                rs.setFetchSize(100);
                assertEquals(100, rs.getFetchSize());
                SQLException negative =
                        assertThrows(SQLException.class, () -> rs.setFetchSize(-1));
                assertEquals("22023", negative.getSQLState());
                assertEquals(2, count(rs), "a hint: the rows are the same");
            }
        }
        try (Statement st = raw.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            assertThrows(SQLFeatureNotSupportedException.class, rs::getFetchSize, "odps-jdbc");
        }
    }

    @Test
    void aCursorNameIsRefusedWithTheReason() throws SQLException {
        try (Statement st = lp.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            SQLException e =
                    assertThrows(SQLFeatureNotSupportedException.class, rs::getCursorName);
            assertNotNull(e.getMessage());
            assertEquals("0A000", e.getSQLState());
        }
    }

    private static int count(ResultSet rs) throws SQLException {
        int n = 0;
        while (rs.next()) {
            n++;
        }
        return n;
    }
}
