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
package dev.lakeproxy.odpsemu;

import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.connect;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.rows;
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.odps.data.SimpleStruct;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ARRAY, MAP, STRUCT, NAMED_STRUCT, MAP_FROM_ENTRIES and SIZE in SQL, read through the real
 * odps-jdbc 3.4.2: typed result columns, SDK values, and the type kept through expressions.
 */
class ComplexTypesSqlTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("cx"));

    static Connection conn;

    @BeforeAll
    static void setUp() throws SQLException {
        conn = connect(EMU.get().jdbcUrl("cx"));
        EMU.get().execute("cx", "CREATE TABLE people (id BIGINT, name STRING, score DOUBLE)");
        EMU.get().execute("cx", "INSERT INTO people VALUES (1L, 'ann', 1.5), (2L, 'bob', 2.5)");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        conn.close();
    }

    /** The one row's first column: its declared type, getObject and getString. */
    private static Object[] single(String sql) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return new Object[] {
                rs.getMetaData().getColumnTypeName(1), rs.getObject(1), rs.getString(1)
            };
        }
    }

    @Test
    void mapFromEntriesOfStructs() throws SQLException {
        // odps-jdbc's OdpsResultSetTest.testGetStringForComplexType query
        Object[] r = single("select map_from_entries(array(struct(1, \"a\"),struct(2, \"b\")))");
        assertEquals("MAP<INT,STRING>", r[0]);
        Map<Integer, String> expected = new HashMap<>();
        expected.put(1, "a");
        expected.put(2, "b");
        assertEquals(expected, r[1]);
        // odps-jdbc formats a MAP with Gson; the text its own test expects
        assertEquals("{\"2\":\"b\",\"1\":\"a\"}", r[2]);
    }

    @Test
    void arrayElementsShareOneType() throws SQLException {
        Object[] ints = single("select array(1, 2, 3)");
        assertEquals("ARRAY<INT>", ints[0]);
        assertEquals(Arrays.asList(1, 2, 3), ints[1]);
        assertEquals("[1,2,3]", ints[2]);
        assertEquals("ARRAY<BIGINT>", single("select array(1, 10000000000, null)")[0]);
        assertEquals("ARRAY<DOUBLE>", single("select array(1, 2.5)")[0]);
        Object[] mixed = single("select array('k11', 86)");
        assertEquals("ARRAY<STRING>", mixed[0]);
        assertEquals(Arrays.asList("k11", "86"), mixed[1]);
        assertThrows(SQLException.class, () -> single("select array(1, true)"));
    }

    @Test
    void mapKeepsTheLastValueOfARepeatedKeyUnlessTheSessionSaysException() throws SQLException {
        Object[] r = single("select map('a', 1, 'b', 2, 'a', 3)");
        assertEquals("MAP<STRING,INT>", r[0]);
        Map<String, Integer> expected = new HashMap<>();
        expected.put("a", 3);
        expected.put("b", 2);
        assertEquals(expected, r[1]);
        try (Statement st = conn.createStatement()) {
            st.execute("set odps.sql.map.key.dedup.policy=exception");
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () -> st.executeQuery("select map('a', 1, 'a', 3)"));
            assertTrue(e.getMessage().contains("duplicate map key"), e.getMessage());
            st.execute("set odps.sql.map.key.dedup.policy=last_win");
        }
        assertThrows(SQLException.class, () -> single("select map('a', 1.5BD)"));
    }

    @Test
    void structFieldsAreColNAndNamedStructFieldsAreNamed() throws SQLException {
        Object[] s = single("select struct('a', 123, 'true', 56.90)");
        assertEquals("STRUCT<col1:STRING,col2:INT,col3:STRING,col4:DOUBLE>", s[0]);
        SimpleStruct struct = assertInstanceOf(SimpleStruct.class, s[1]);
        assertEquals(Arrays.asList("a", 123, "true", 56.9), struct.getFieldValues());
        Object[] n = single("select named_struct('user_id', 10001, 'user_name', 'LiLei')");
        assertEquals("STRUCT<user_id:INT,user_name:STRING>", n[0]);
        assertEquals("{\"user_id\":10001,\"user_name\":\"LiLei\"}", n[2]);
    }

    @Test
    void sizeOfArraysAndMaps() throws SQLException {
        Object[] a = single("select size(array('a','b'))");
        assertEquals("INT", a[0]);
        assertEquals(2, a[1]);
        assertEquals(2, single("select size(map('a',123,'b',456))")[1]);
    }

    @Test
    void columnsAndExpressionsAsArgumentsAreTypedByPostgres() throws SQLException {
        Object[] r =
                single(
                        "select named_struct('id', id, 'tag', concat(name, '!'), 's', score * 2)"
                                + " from people where id = 1");
        assertEquals("STRUCT<id:BIGINT,tag:STRING,s:DOUBLE>", r[0]);
        assertEquals(Arrays.asList(1L, "ann!", 3.0), ((SimpleStruct) r[1]).getFieldValues());
        Object[] a = single("select array(id, id + 1) from people where id = 1");
        assertEquals("ARRAY<BIGINT>", a[0]);
        assertEquals(Arrays.asList(1L, 2L), a[1]);
    }

    @Test
    void theTypeSurvivesSubqueriesUnionsAndNvl() throws SQLException {
        assertEquals(
                "ARRAY<ARRAY<INT>>", single("select array(array(1, 2), array(3))")[0]);
        Object[] sub = single("select m from (select map(1, 'a') m) s");
        assertEquals("MAP<INT,STRING>", sub[0]);
        assertEquals(
                "ARRAY<INT>",
                single("select nvl(array(1), array(2)) x union all select array(3) x")[0]);
        Object[] empty = single("select if(false, map('k', 1), null) x");
        assertEquals("MAP<STRING,INT>", empty[0]);
        assertNull(empty[1]);
    }

    @Test
    void valuesBuiltInSqlAreStoredInComplexColumns() throws SQLException {
        update(conn, "create table bags (id bigint, tags array<string>, attrs map<string,bigint>)");
        update(
                conn,
                "insert into bags select id, array(name, 'x'), map(name, id) from people");
        List<List<Object>> rows =
                rows(conn, "select tags, attrs, size(tags), size(attrs) from bags where id = 2");
        assertEquals(Arrays.asList("bob", "x"), rows.get(0).get(0));
        Map<String, Long> attrs = new HashMap<>();
        attrs.put("bob", 2L);
        assertEquals(attrs, rows.get(0).get(1));
        assertEquals(Arrays.asList(2, 1), rows.get(0).subList(2, 4));
    }
}
