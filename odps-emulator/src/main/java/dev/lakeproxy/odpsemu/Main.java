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

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone server: {@code java -jar lakeproxy-odps-emulator-<version>-standalone.jar --port
 * 18080}. Prints the endpoint and a ready odps-jdbc URL, seeds the documented sample (see README),
 * and serves until interrupted.
 */
public final class Main {

    static final String HELP =
            String.join(
                    "\n",
                    "lakeproxy MaxCompute emulator: a local MaxCompute REST + tunnel endpoint for"
                            + " odps-jdbc and other clients.",
                    "",
                    "Usage: java -jar lakeproxy-odps-emulator-<version>-standalone.jar [options]",
                    "",
                    "Options:",
                    "  --port N          TCP port on 127.0.0.1 (default 0 = a free ephemeral port)",
                    "  --host ADDR       address to bind (default 127.0.0.1)",
                    "  --timezone ZONE   project time zone, odps.sql.timezone (default UTC)",
                    "  --writers N       simulated parallel Tablestore writers (default 4)",
                    "  --batch-rows N    rows per simulated Tablestore BatchWriteRow request"
                            + " (default 100)",
                    "  --no-sample       do not create the sample projects",
                    "  --help            print this help",
                    "",
                    "Sample (unless --no-sample): project 'demo' (table internal_orders, Tablestore"
                            + " external table",
                    "ots_table_external over Tablestore table ots_tpch_orders), three-tier project"
                            + " 'demo3' (schema sales),",
                    "Paimon_DLF external project 'demo_lake' on DLF catalog 'demo_catalog' (tables"
                            + " default.test_table,",
                    "default.emp with a fixed bucket, default.dynamic_emp with a dynamic bucket),"
                            + " and RAM user 'analyst'",
                    "(access id analyst-access-id, key analyst-access-key) without DLF data"
                            + " permission, and the public project MAXCOMPUTE_PUBLIC_DATA (readable"
                            + " by all, no tables).");

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        MaxComputeEmulator emu;
        try {
            emu = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.println(HELP);
            System.exit(2);
            return;
        }
        if (emu == null) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    emu.close();
                                    done.countDown();
                                },
                                "odps-emulator-shutdown"));
        done.await();
    }

    /**
     * Parses the options, starts the emulator and prints how to connect; null after {@code --help}.
     */
    static MaxComputeEmulator start(String[] args, PrintStream out) {
        MaxComputeEmulator.Builder b = MaxComputeEmulator.builder();
        boolean sample = true;
        Iterator<String> it = Arrays.asList(args).iterator();
        while (it.hasNext()) {
            String a = it.next();
            switch (a) {
                case "--help":
                case "-h":
                    out.println(HELP);
                    return null;
                case "--port":
                    b.port(intArg(a, it));
                    break;
                case "--host":
                    b.host(stringArg(a, it));
                    break;
                case "--timezone":
                    b.timezone(stringArg(a, it));
                    break;
                case "--writers":
                    b.tablestoreWriters(intArg(a, it));
                    break;
                case "--batch-rows":
                    b.tablestoreBatchRows(intArg(a, it));
                    break;
                case "--no-sample":
                    sample = false;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        long t0 = System.nanoTime();
        MaxComputeEmulator emu = b.start();
        if (sample) {
            seedSample(emu);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        out.println("MaxCompute emulator started in " + ms + " ms");
        out.println("  endpoint:   " + emu.endpoint());
        out.println("  access id:  " + emu.accessId());
        out.println("  access key: " + emu.accessKey());
        if (sample) {
            out.println("  odps-jdbc:  " + emu.jdbcUrl("demo"));
            out.println("  three-tier: " + emu.jdbcUrl("demo3", "odpsNamespaceSchema=true"));
            out.println("  paimon_dlf: " + emu.jdbcUrl("demo_lake", "odpsNamespaceSchema=true"));
            out.println(
                    "  PyODPS:     ODPS('"
                            + emu.accessId()
                            + "', '"
                            + emu.accessKey()
                            + "', project='demo', endpoint='"
                            + emu.endpoint()
                            + "')");
        } else {
            out.println(
                    "  odps-jdbc:  "
                            + emu.jdbcUrl("<project>")
                            + "   (create projects with the Java API)");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return emu;
    }

    /** The documented sample: see the README section "Standalone server". */
    static void seedSample(MaxComputeEmulator emu) {
        emu.createProject("demo");
        emu.execute(
                "demo",
                "CREATE TABLE internal_orders (odps_orderkey BIGINT, odps_orderdate STRING, "
                        + "odps_custkey BIGINT, odps_totalprice DOUBLE) LIFECYCLE 30");
        emu.execute(
                "demo",
                "INSERT INTO internal_orders VALUES (5001, '1996-05-03', 1, 410000.5), "
                        + "(5002, '1996-06-01', 2, 120.0), (6001, '1997-01-15', 1, 999.99)");
        emu.tablestore().createTable("ots_tpch_orders");
        emu.execute(
                "demo",
                "CREATE EXTERNAL TABLE ots_table_external (odps_orderkey bigint, odps_orderdate"
                        + " string, odps_custkey bigint, odps_orderstatus string, odps_totalprice"
                        + " double) STORED BY 'com.aliyun.odps.TableStoreStorageHandler' WITH"
                        + " SERDEPROPERTIES"
                        + " ('tablestore.columns.mapping'=':o_orderkey,:o_orderdate,o_custkey,"
                        + " o_orderstatus,o_totalprice', 'tablestore.table.name'='ots_tpch_orders',"
                        + " 'odps.properties.rolearn'='acs:ram::xxxxx:role/aliyunodpsdefaultrole')"
                        + " LOCATION 'tablestore://"
                        + emu.tablestore().instanceName()
                        + ".cn-hangzhou.ots-internal.aliyuncs.com'");
        emu.createThreeTierProject("demo3");
        emu.createSchema("demo3", "sales");
        emu.createPaimonDlfProject("demo_lake", "demo_catalog");
        List<String> cols = Arrays.asList("id INT", "name STRING");
        emu.createPaimonTable("demo_lake", "default", "test_table", cols, null, null, null);
        emu.createPaimonTable("demo_lake", "default", "emp", cols, null, Arrays.asList("id"), 4);
        emu.createPaimonTable(
                "demo_lake", "default", "dynamic_emp", cols, null, Arrays.asList("id"), null);
        java.util.Map<String, String> ns = new java.util.HashMap<>();
        ns.put("odps.namespace.schema", "true");
        emu.execute(
                "demo_lake",
                "INSERT INTO default.test_table VALUES (101, 'Zhang San'), (102, 'Li Si')",
                ns);
        emu.addRamUser("analyst");
        emu.setDlfDataPermission("analyst", false);
        emu.createPublicDataProject();
    }

    private static int intArg(String name, Iterator<String> it) {
        String v = stringArg(name, it);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got '" + v + "'");
        }
    }

    private static String stringArg(String name, Iterator<String> it) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return it.next();
    }
}
