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
import static dev.lakeproxy.odpsemu.testing.MaxComputeTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyun.odps.Odps;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.tunnel.TableTunnel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MaxCompute's TIMESTAMP keeps nine fractional digits through every path: literals, TIMESTAMP(),
 * CAST, INSERT ... SELECT, comparisons, ordering, grouping and both tunnels (real odps-jdbc and
 * the SDK).
 */
class NanosecondTimestampTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("nanos"));

    static Connection conn;

    @BeforeAll
    static void setUp() throws SQLException {
        conn = connect(EMU.get().jdbcUrl("nanos"));
        update(conn, "CREATE TABLE ts9 (id BIGINT, ts TIMESTAMP, dt DATETIME)");
        update(
                conn,
                "INSERT INTO ts9 VALUES (1, TIMESTAMP '2022-07-10 10:10:00.123456789', DATETIME"
                    + " '2022-07-10 10:10:00'), (2, TIMESTAMP('2022-07-10 10:10:00.123456788'),"
                    + " DATETIME '2022-07-10 10:10:01'), (3, CAST('2022-07-10 10:10:00.1234567891'"
                    + " AS TIMESTAMP), NULL), (4, CAST('0001-01-01 00:00:00' AS TIMESTAMP), NULL)");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        conn.close();
    }

    @Test
    void literalsFunctionAndCastKeepNineDigitsAndCutTheRest() throws SQLException {
        assertEquals(
                Arrays.asList(
                        "2022-07-10 10:10:00.123456789",
                        "2022-07-10 10:10:00.123456788",
                        "2022-07-10 10:10:00.123456789",
                        "0001-01-01 00:00:00.0"),
                strings("SELECT ts FROM ts9 ORDER BY id LIMIT 10"));
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT ts FROM ts9 WHERE id = 1")) {
            rs.next();
            assertEquals(Timestamp.valueOf("2022-07-10 10:10:00.123456789"), rs.getTimestamp(1));
            assertEquals("2022-07-10 10:10:00.123456789", rs.getString(1));
        }
    }

    @Test
    void comparisonsOrderingAndGroupingSeeTheNanoseconds() throws SQLException {
        assertEquals(
                Arrays.asList("2", "1"),
                strings("SELECT id FROM ts9 WHERE id < 3 ORDER BY ts LIMIT 10"));
        assertEquals(
                Arrays.asList("1", "3"),
                strings("SELECT id FROM ts9 WHERE ts = TIMESTAMP '2022-07-10 10:10:00.123456789'"
                        + " ORDER BY id LIMIT 10"));
        assertEquals(
                Arrays.asList("2", "4"),
                strings("SELECT id FROM ts9 WHERE ts < TIMESTAMP '2022-07-10 10:10:00.123456789'"
                        + " ORDER BY id LIMIT 10"));
        assertEquals(
                Arrays.asList("2022-07-10 10:10:00.123456788,1", "2022-07-10 10:10:00.123456789,2"),
                strings("SELECT CAST(ts AS STRING), count(*) FROM ts9 WHERE id < 4 GROUP BY ts"
                        + " ORDER BY ts LIMIT 10"));
    }

    @Test
    void dateFunctionsAndDatetimeComparisonsWorkAtMicroseconds() throws SQLException {
        assertEquals(
                Arrays.asList("1657447800"),
                strings("SELECT unix_timestamp(ts) FROM ts9 WHERE id = 1"));
        assertEquals(Arrays.asList("1"), strings("SELECT count(*) FROM ts9 WHERE dt > ts"));
    }

    @Test
    void insertSelectKeepsTheNanoseconds() throws SQLException {
        update(conn, "CREATE TABLE ts9_copy (ts TIMESTAMP)");
        update(conn, "INSERT INTO ts9_copy SELECT ts FROM ts9 WHERE id = 1");
        assertEquals(
                Arrays.asList("2022-07-10 10:10:00.123456789"), strings("SELECT ts FROM ts9_copy"));
    }

    @Test
    void tableTunnelUploadAndDownloadKeepTheNanoseconds() throws Exception {
        MaxComputeEmulator emu = EMU.get();
        emu.execute("nanos", "CREATE TABLE tunnelled (ts TIMESTAMP)");
        Odps odps = SdkClients.odps(emu, "nanos");
        TableTunnel tunnel = new TableTunnel(odps);
        TableTunnel.UploadSession up = tunnel.createUploadSession("nanos", "tunnelled");
        Timestamp sent = Timestamp.valueOf("2019-05-23 00:00:00.123456789");
        try (RecordWriter w = up.openRecordWriter(0)) {
            Record r = up.newRecord();
            ((ArrayRecord) r).setTimestamp(0, sent);
            w.write(r);
        }
        up.commit(new Long[] {0L});
        assertEquals(
                Arrays.asList("2019-05-23 00:00:00.123456789"),
                strings("SELECT ts FROM tunnelled"));
        TableTunnel.DownloadSession down = tunnel.createDownloadSession("nanos", "tunnelled");
        try (RecordReader r = down.openRecordReader(0, 1)) {
            assertEquals(sent, ((ArrayRecord) r.read()).getTimestamp(0));
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder s = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    s.append(i == 1 ? "" : ",").append(rs.getString(i));
                }
                out.add(s.toString());
            }
        }
        return out;
    }
}
