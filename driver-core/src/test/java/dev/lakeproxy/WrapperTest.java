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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.testing.EmbeddedPg;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyManager;
import org.postgresql.jdbc.PgArray;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.postgresql.util.PGobject;

class WrapperTest {

    private static String db;

    @BeforeAll
    static void database() {
        db = EmbeddedPg.freshDatabase();
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(EmbeddedPg.lakeUrl(db));
    }

    @Test
    void copyInAndOutThroughUnwrapReachTheRealConnection() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE copy_t (id int, name text)");
            PGConnection pg = c.unwrap(PGConnection.class);
            assertTrue(
                    pg.getClass().getName().startsWith("org.postgresql"),
                    "unwrap reaches pgjdbc's own object");
            CopyManager copy = pg.getCopyAPI();
            long in =
                    copy.copyIn(
                            "COPY copy_t FROM STDIN WITH (FORMAT csv)",
                            new ByteArrayInputStream(
                                    "1,a\n2,b\n3,\"c, d\"\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(3, in);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long outRows =
                    copy.copyOut(
                            "COPY (SELECT * FROM copy_t ORDER BY id) TO STDOUT WITH (FORMAT csv)",
                            out);
            assertEquals(3, outRows);
            assertEquals("1,a\n2,b\n3,\"c, d\"\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theCastCopyApiGoesThroughTheSameRulesAsStatements() throws Exception {
        try (Connection c =
                        DriverManager.getConnection(
                                EmbeddedPg.lakeUrl(db) + "&lakeproxy.test.enabled=true");
                Statement s = c.createStatement()) {
            CopyManager copy = ((PGConnection) c).getCopyAPI();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // the test plugin runs "SET application_name = 'lp-tagged'" before any statement naming
            // lp_tagged
            assertEquals(1, copy.copyOut("COPY (SELECT 7 AS lp_tagged) TO STDOUT", out));
            assertEquals("7\n", out.toString(StandardCharsets.UTF_8));
            try (ResultSet rs = s.executeQuery("SHOW application_name")) {
                rs.next();
                assertEquals("lp-tagged", rs.getString(1));
            }
            s.execute("CREATE TABLE copy_routed (id int)");
            assertEquals(
                    2,
                    copy.copyIn(
                            "COPY copy_routed FROM STDIN",
                            new ByteArrayInputStream("1\n2\n".getBytes(StandardCharsets.UTF_8))));
            assertEquals(
                    1L,
                    c.unwrap(LakeproxyConnection.class).metrics().snapshot().get("settingsSent"));
        }
    }

    @Test
    void castingToPgInterfacesKeepsWorking() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            PGConnection pg = (PGConnection) c; // casting code, not unwrap
            assertTrue(pg.getBackendPID() > 0);
            assertEquals("\"a\"\"b\"", pg.escapeIdentifier("a\"b"));
            long copied =
                    pg.getCopyAPI()
                            .copyOut("COPY (SELECT 1) TO STDOUT", new ByteArrayOutputStream());
            assertEquals(1, copied);
            PGStatement ps = (PGStatement) s;
            ps.setPrepareThreshold(3);
            assertEquals(3, ps.getPrepareThreshold());
            try (PreparedStatement p = c.prepareStatement("SELECT ?::int")) {
                ((PGStatement) p).setPrepareThreshold(1);
                assertEquals(1, p.unwrap(PGStatement.class).getPrepareThreshold());
            }
        }
    }

    @Test
    void getConnectionAndGetStatementReturnTheWrappers() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
             PreparedStatement p = c.prepareStatement("SELECT ?::int AS v");
             CallableStatement call = c.prepareCall("{ ? = call upper(?) }")) {
            assertSame(c, s.getConnection());
            assertSame(c, p.getConnection());
            assertSame(c, call.getConnection());
            assertSame(c, c.getMetaData().getConnection());
            assertSame(c.getMetaData(), c.getMetaData(), "one metadata wrapper per connection");
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertSame(s, rs.getStatement());
            }
            s.execute("SELECT 2");
            assertSame(
                    s.getResultSet(),
                    s.getResultSet(),
                    "the same real result set gets the same wrapper");
            assertSame(s, s.getResultSet().getStatement());
            p.setInt(1, 7);
            try (ResultSet rs = p.executeQuery()) {
                assertSame(p, rs.getStatement());
                rs.next();
                assertEquals(7, rs.getInt("v"));
            }
            call.registerOutParameter(1, java.sql.Types.VARCHAR);
            call.setString(2, "abc");
            call.execute();
            assertEquals("ABC", call.getString(1));
            assertNotSame(
                    c,
                    c.unwrap(Connection.class),
                    "unwrap(Connection) reaches the real connection");
        }
    }

    @Test
    void vendorTypesPassThrough() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("SELECT ARRAY[1,2,3], '{\"a\":1}'::jsonb, '(1,2)'::point")) {
                rs.next();
                Array a = rs.getArray(1);
                assertTrue(a instanceof PgArray);
                assertArrayEquals(new Integer[] {1, 2, 3}, (Integer[]) a.getArray());
                PGobject json = (PGobject) rs.getObject(2);
                assertEquals("jsonb", json.getType());
                assertTrue(rs.getObject(3) instanceof org.postgresql.geometric.PGpoint);
            }
            try (PreparedStatement p =
                    c.prepareStatement("SELECT ?::jsonb ->> 'k', ? @> ARRAY[2]")) {
                PGobject o = new PGobject();
                o.setType("jsonb");
                o.setValue("{\"k\":\"v\"}");
                p.setObject(1, o);
                p.setArray(2, c.createArrayOf("int4", new Integer[] {1, 2}));
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    assertEquals("v", rs.getString(1));
                    assertTrue(rs.getBoolean(2));
                }
            }
            c.setAutoCommit(false);
            LargeObjectManager lom = c.unwrap(PGConnection.class).getLargeObjectAPI();
            long oid = lom.createLO();
            try (LargeObject lo = lom.open(oid, LargeObjectManager.WRITE)) {
                lo.write("large".getBytes(StandardCharsets.UTF_8));
            }
            try (LargeObject lo =
                    ((PGConnection) c).getLargeObjectAPI().open(oid, LargeObjectManager.READ)) {
                assertEquals("large", new String(lo.read(5), StandardCharsets.UTF_8));
            }
            c.commit();
        }
    }

    @Test
    void wrappersAreNotMistakenForOtherInterfaces() throws Exception {
        try (Connection c = connect()) {
            assertTrue(c.isWrapperFor(PGConnection.class));
            assertTrue(c.isWrapperFor(LakeproxyConnection.class));
            assertSame(c, c.unwrap(LakeproxyConnection.class));
            assertTrue(c.toString().contains("lakeproxy"));
        }
    }
}
