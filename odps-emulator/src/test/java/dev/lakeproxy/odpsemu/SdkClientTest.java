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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Partition;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Project;
import com.aliyun.odps.Table;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.rest.RestClient;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.InstanceTunnel;
import com.aliyun.odps.tunnel.TableTunnel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * odps-sdk-core 0.43.3 (the SDK inside odps-jdbc 3.4.2) used directly, as applications use it:
 * every call odps-jdbc and ordinary SDK users make, answered as MaxCompute answers it.
 */
class SdkClientTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("sdk").threeTierProject("sdk3"));

    @BeforeAll
    static void data() {
        MaxComputeEmulator emu = EMU.get();
        emu.execute("sdk", "CREATE TABLE orders (id BIGINT, name STRING, price DECIMAL(10,2))");
        emu.execute(
                "sdk",
                "INSERT INTO orders VALUES (1L, 'a', 1.50BD), (2L, 'b', 2.25BD), (3L, 'c',"
                        + " 3.00BD)");
        emu.execute("sdk", "CREATE TABLE events (id BIGINT) PARTITIONED BY (ds STRING)");
        emu.execute("sdk", "INSERT INTO events PARTITION (ds='20240101') VALUES (1L), (2L)");
        emu.execute("sdk", "INSERT INTO events PARTITION (ds='20240102') VALUES (3L)");
        emu.createSchema("sdk3", "sales");
    }

    private static Odps odps(String project) {
        return SdkClients.odps(EMU.get(), project);
    }

    @Test
    void projectsAndTables() throws OdpsException {
        Odps odps = odps("sdk");
        assertTrue(odps.projects().exists("sdk"));
        assertFalse(odps.projects().exists("nope"));
        Project p = odps.projects().get("sdk");
        p.reload();
        assertEquals("UTC", p.getProperties().get("odps.sql.timezone"));
        assertTrue(odps.tables().exists("orders"));
        List<String> names = new ArrayList<>();
        for (Table t : odps.tables()) {
            names.add(t.getName());
        }
        assertTrue(names.contains("orders") && names.contains("events"), names.toString());
        Table orders = odps.tables().get("orders");
        assertEquals(3, orders.getSchema().getColumns().size());
        assertEquals(
                "decimal(10,2)",
                orders.getSchema().getColumn("price").getTypeInfo().getTypeName().toLowerCase());
        assertEquals(3L, orders.getRecordNum());
    }

    @Test
    void partitions() throws OdpsException {
        Table events = odps("sdk").tables().get("events");
        List<Partition> parts = events.getPartitions();
        assertEquals(2, parts.size());
        assertEquals("20240101", parts.get(0).getPartitionSpec().get("ds"));
        assertTrue(events.hasPartition(new PartitionSpec("ds='20240102'")));
        assertFalse(events.hasPartition(new PartitionSpec("ds='20991231'")));
        assertEquals(2L, events.getPartition(new PartitionSpec("ds='20240101'")).getRecordNum());
    }

    @Test
    void schemas() {
        Odps odps = odps("sdk3");
        assertTrue(odps.schemas().exists("sdk3", "default"));
        assertTrue(odps.schemas().exists("sdk3", "sales"));
        assertFalse(odps.schemas().exists("sdk3", "nope"));
        List<String> names = new ArrayList<>();
        odps.schemas().iterable("sdk3").forEach(s -> names.add(s.getName()));
        assertEquals(List.of("default", "sales", "system"), names);
    }

    @Test
    void sqlTaskStatusAndResults() throws Exception {
        Odps odps = odps("sdk");
        Instance i =
                SQLTask.run(odps, "SELECT id, name FROM orders WHERE id > 1 ORDER BY id LIMIT 10;");
        i.waitForSuccess();
        assertTrue(i.isSuccessful());
        assertEquals(Instance.Status.TERMINATED, i.getStatus());
        List<Record> rows = SQLTask.getResult(i);
        assertEquals(2, rows.size());
        assertEquals("b", rows.get(0).getString("name"));
        assertNotEquals(null, odps.logview().generateLogView(i, 1));

        InstanceTunnel.DownloadSession d =
                new InstanceTunnel(odps).createDownloadSession("sdk", i.getId());
        assertEquals(2, d.getRecordCount());
        try (RecordReader r = d.openRecordReader(0, 2)) {
            assertEquals(2L, r.read().getBigint("id"));
        }
    }

    @Test
    void tableTunnelUploadAndDownload() throws Exception {
        Odps odps = odps("sdk");
        EMU.get().execute("sdk", "CREATE TABLE IF NOT EXISTS uploaded (id BIGINT, name STRING)");
        TableTunnel tunnel = new TableTunnel(odps);
        TableTunnel.UploadSession up = tunnel.createUploadSession("sdk", "uploaded");
        try (RecordWriter w = up.openRecordWriter(0)) {
            for (long k = 1; k <= 3; k++) {
                Record r = up.newRecord();
                r.setBigint("id", k);
                r.setString("name", "n" + k);
                w.write(r);
            }
        }
        up.commit(new Long[] {0L});

        TableTunnel.DownloadSession down = tunnel.createDownloadSession("sdk", "uploaded");
        assertEquals(3, down.getRecordCount());
        try (RecordReader r = down.openRecordReader(1, 2)) {
            assertEquals("n2", r.read().getString("name"));
            assertEquals("n3", r.read().getString("name"));
        }
        TableTunnel.DownloadSession part =
                tunnel.createDownloadSession("sdk", "events", new PartitionSpec("ds='20240102'"));
        assertEquals(1, part.getRecordCount());
    }

    @Test
    void functionsListing() {
        assertFalse(odps("sdk").functions().iterator().hasNext());
    }

    @Test
    void unknownResourcesGetMaxComputeErrors() {
        RestClient client = odps("sdk").getRestClient();
        Map<String, String> params = new HashMap<>();
        params.put("nosuchaction", null);
        OdpsException bad =
                assertThrows(
                        OdpsException.class,
                        () ->
                                client.request(
                                        "/projects/sdk/tables/orders", "GET", params, null, null));
        assertTrue(bad.getMessage().contains("ODPS-0420061"), bad.getMessage());
        OdpsException missing =
                assertThrows(
                        OdpsException.class,
                        () -> client.request("/projects/sdk/nosuchthing", "GET", null, null, null));
        assertTrue(
                missing.getMessage().contains("NoSuchObject")
                        || missing.getMessage().contains("Unknown resource"),
                missing.getMessage());
    }
}
