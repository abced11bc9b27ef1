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
package dev.lakeproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.cloudsim.LoopbackKms;
import dev.lakeproxy.holosim.HoloSimulator;
import dev.lakeproxy.holosim.SampleData;
import org.junit.jupiter.api.Test;

/**
 * The Hologres driver jar alone in a fresh JVM, through DriverManager, on the Hologres simulator.
 */
class HologresJarIT {

    private static final String BLOB = "S01TLWNpcGhlcnRleHQtYmxvYi1mb3ItdGhlLXBhc3N3b3Jk";

    private static String lakeUrl(HoloSimulator sim, String options) {
        return "jdbc:lakeproxy:"
                + sim.jdbcUrl().substring("jdbc:".length())
                + (options.isEmpty() ? "" : "?" + options);
    }

    @Test
    void theSeedScenarioReadsTheEncryptedForeignTableThroughCommonTable() throws Exception {
        try (HoloSimulator sim = HoloSimulator.builder().version("3.2.5").start()) {
            SampleData.seed(sim);
            Jars.Result r =
                    Jars.probe(
                            Jars.hologres(),
                            lakeUrl(sim, ""),
                            sim.user(),
                            sim.password(),
                            "SELECT id, paid FROM payments ORDER BY id",
                            "SHOW hg_experimental_external_catalog_routing");
            assertEquals(0, r.exit, r.out);
            assertTrue(r.out.contains("driver=dev.lakeproxy.Driver"), r.out);
            assertTrue(r.out.contains("rows=10,1.50|11,2.25"), "the BYOK project's rows: " + r.out);
            assertTrue(r.out.contains("rows=odps:common_table,dlf:hqe"), r.out);
        }
    }

    /**
     * Issue 11 §5: both KMS paths crashed in the single jar, where odps-jdbc's gson 2.2.4 had won
     * over 2.11.
     */
    @Test
    void bothKmsPathsWorkFromTheJarAgainstALoopbackKms() throws Exception {
        try (HoloSimulator sim = HoloSimulator.builder().version("3.1.9").start();
             LoopbackKms kms = new LoopbackKms().key("key-default", "Disabled")
                     .ciphertext(BLOB, sim.password())) {
            SampleData.seed(sim);
            String options =
                    "lakeproxy.kms.endpoint="
                            + kms.endpoint()
                            + "&lakeproxy.kms.protocol=http"
                            + "&lakeproxy.kms.accessKeyId=LTAI-loopback"
                            + "&lakeproxy.kms.accessKeySecret=loopback-secret"
                            + "&lakeproxy.kms.keys=sample_default_key=key-default";
            Jars.Result r =
                    Jars.probe(
                            Jars.hologres(),
                            lakeUrl(sim, options),
                            sim.user(),
                            "kms:" + BLOB,
                            "SELECT count(*) FROM orders",
                            "SELECT count(*) FROM customers");
            assertEquals(0, r.exit, "a kms: password is decrypted at connect: " + r.out);
            assertTrue(r.out.contains("password decrypted with KMS Decrypt"), r.out);
            assertTrue(r.out.contains("rows=3"), r.out);
            assertTrue(kms.requests().contains("Decrypt " + BLOB), kms.requests().toString());
            assertTrue(r.out.contains("KMS says the project's key key-default is Disabled"),
                    "the explanation reports the key's state from DescribeKey: " + r.out);
            assertTrue(kms.requests().contains("DescribeKey key-default"),
                    kms.requests().toString());
            assertFalse(
                    r.out.contains("NoSuchMethodError") || r.out.contains("NoClassDefFoundError"),
                    r.out);
        }
    }
}
