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
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.type.StructTypeInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ARRAY, MAP and STRUCT table columns: written by the table tunnel and by INSERT, read back by
 * queries (plain, through expressions, by subscript) and by the table tunnel, always typed.
 */
class ComplexColumnsTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("cc"));

    static Connection conn;

    @BeforeAll
    static void setUp() throws Exception {
        conn = connect(EMU.get().jdbcUrl("cc"));
        EMU.get()
                .execute(
                        "cc",
                        "CREATE TABLE nest (id BIGINT, a ARRAY<INT>, m MAP<STRING,BIGINT>,"
                                + " s STRUCT<x:INT,y:STRING>)");
        TableTunnel.UploadSession up = new TableTunnel(odps()).createUploadSession("cc", "nest");
        try (RecordWriter w = up.openRecordWriter(0)) {
            ArrayRecord r = (ArrayRecord) up.newRecord();
            r.setBigint(0, 1L);
            r.setArray(1, Arrays.asList(1, 2, 3));
            r.setMap(2, Collections.singletonMap("k", 10L));
            StructTypeInfo st = (StructTypeInfo) up.getSchema().getColumn("s").getTypeInfo();
            r.setStruct(3, new SimpleStruct(st, Arrays.asList(7, "z")));
            w.write(r);
        }
        up.commit(new Long[] {0L});
        EMU.get()
                .execute(
                        "cc",
                        "INSERT INTO nest SELECT 2L, array(4, 5), map('j', 20L),"
                                + " named_struct('x', 8, 'y', 'w')");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        conn.close();
    }

    private static List<String> typesOf(String sql) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> types = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                types.add(rs.getMetaData().getColumnTypeName(i));
            }
            return types;
        }
    }

    @Test
    void columnsKeepTheirTypeThroughExpressionsAndUnions() throws SQLException {
        assertEquals(
                Arrays.asList("ARRAY<INT>", "MAP<STRING,BIGINT>", "STRUCT<x:INT,y:STRING>"),
                typesOf("select coalesce(a, array(9)), if(id > 0, m, null), nvl(s, s) from nest"));
        assertEquals(
                Collections.singletonList("ARRAY<INT>"),
                typesOf("select a from nest where id = 1 union all select array(6) from nest"));
        List<List<Object>> rows =
                rows(conn, "select coalesce(a, array(9)), m from nest order by id limit 2");
        assertEquals(Arrays.asList(1, 2, 3), rows.get(0).get(0));
        assertEquals(Collections.singletonMap("j", 20L), rows.get(1).get(1));
    }

    @Test
    void mapKeysMapValuesArrayContainsAndCollect() throws SQLException {
        List<List<Object>> rows =
                rows(
                        conn,
                        "select map_keys(m), map_values(m), array_contains(a, 2), array_contains(a,"
                            + " 9) from nest where id = 1");
        assertEquals(
                Arrays.asList(
                        Collections.singletonList("k"),
                        Collections.singletonList(10L),
                        true,
                        false),
                rows.get(0));
        assertEquals(
                Arrays.asList("ARRAY<STRING>", "ARRAY<BIGINT>", "BOOLEAN"),
                typesOf("select map_keys(m), map_values(m), array_contains(a, 1) from nest"));
        List<List<Object>> collected =
                rows(
                        conn,
                        "select collect_list(id), collect_set(a[0] * 0), collect_list(s)"
                                + " from (select * from nest order by id limit 2) t");
        assertEquals(Arrays.asList(1L, 2L), collected.get(0).get(0));
        assertEquals(Collections.singletonList(0), collected.get(0).get(1));
        assertEquals(2, ((List<?>) collected.get(0).get(2)).size());
        assertEquals(
                Collections.singletonList(Collections.emptyList()),
                rows(conn, "select collect_list(id) from nest where id < 0").get(0));
    }

    @Test
    void subscriptsAreZeroBasedAndNullOutside() throws SQLException {
        List<List<Object>> rows =
                rows(
                        conn,
                        "select a[0], a[2], a[3], m['k'], m['nope'], array('a', 'b', 'c')[2],"
                            + " size(a) from nest where id = 1");
        assertEquals(Arrays.asList(1, 3, null, 10L, null, "c", 3), rows.get(0));
        assertEquals(
                Arrays.asList("INT", "BIGINT"), typesOf("select a[1], m['k'] from nest"));
    }

    private static Odps odps() {
        return SdkClients.odps(EMU.get(), "cc");
    }

    @Test
    void theTextResultShowsValuesAsTheFunctionPagesPrintThem() throws Exception {
        Instance i =
                SQLTask.run(
                        odps(),
                        "select a, m, s, array('k11', 86), struct('a', 123, 'true', 56.90)"
                                + " from nest where id = 2;");
        i.waitForSuccess();
        Record r = SQLTask.getResult(i).get(0);
        assertEquals("[4, 5]", r.getString(0));
        assertEquals("{j:20}", r.getString(1));
        assertEquals("{x:8, y:w}", r.getString(2));
        assertEquals("[k11, 86]", r.getString(3));
        assertEquals("{col1:a, col2:123, col3:true, col4:56.9}", r.getString(4));
    }

    @Test
    void theTableTunnelReadsWhatSqlWrote() throws Exception {
        Odps odps = odps();
        TableTunnel.DownloadSession down =
                new TableTunnel(odps).createDownloadSession("cc", "nest");
        try (RecordReader r = down.openRecordReader(0, down.getRecordCount())) {
            Record rec;
            while ((rec = r.read()) != null) {
                ArrayRecord a = (ArrayRecord) rec;
                if (a.getBigint(0) == 2L) {
                    assertEquals(Arrays.asList(4, 5), a.getArray(1));
                    assertEquals(Collections.singletonMap("j", 20L), a.getMap(2));
                    assertEquals(Arrays.asList(8, "w"), a.getStruct(3).getFieldValues());
                }
            }
        }
    }
}
