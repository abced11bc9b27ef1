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

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import dev.lakeproxy.odpsemu.SubmittedJob;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Paimon_DLF external project on the emulator (its tables and a schema of its own), with a raw
 * odps-jdbc connection and a lakeproxy one to it: the set-up the Paimon_DLF tests share.
 */
abstract class PaimonDlfProject {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("home"));

    static String rawUrl;
    static Connection raw;
    static Connection lp;

    @BeforeAll
    static void setUp() throws SQLException {
        OdpsPlugin.clearCaches();
        EMU.get().createPaimonDlfProject("lake", "dlf_catalog");
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "emp",
                        List.of("id BIGINT", "name STRING"),
                        null,
                        List.of("id"),
                        4);
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "dyn",
                        List.of("id BIGINT", "name STRING"),
                        null,
                        List.of("id"),
                        null);
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "minus1",
                        List.of("id BIGINT", "name STRING"),
                        null,
                        null,
                        -1);
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "cross_part",
                        List.of("id BIGINT", "v STRING"),
                        List.of("ds STRING"),
                        List.of("id"),
                        2);
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "default",
                        "pk_with_part",
                        List.of("id BIGINT", "v STRING"),
                        List.of("ds STRING"),
                        List.of("id", "ds"),
                        2);
        EMU.get().createSchema("lake", "sales");
        EMU.get()
                .createPaimonTable(
                        "lake",
                        "sales",
                        "orders",
                        List.of("id BIGINT", "region STRING"),
                        null,
                        null,
                        2);
        // no odpsNamespaceSchema: what a user copies from the console
        rawUrl = EMU.get().jdbcUrl("lake");
        raw = connect(rawUrl);
        lp = connect(lake(rawUrl));
    }

    @AfterAll
    static void tearDown() throws SQLException {
        raw.close();
        lp.close();
    }

    static SubmittedJob lastJob() {
        List<SubmittedJob> jobs = EMU.get().jobs();
        return jobs.get(jobs.size() - 1);
    }
}
