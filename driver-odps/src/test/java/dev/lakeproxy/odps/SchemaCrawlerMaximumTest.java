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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;

/**
 * SchemaCrawler 16.21.2 at its most detailed info level (every table, column, key, index,
 * privilege, routine and type question it knows) through lakeproxy, on a two-tier project with a
 * partitioned table and a three-tier Paimon_DLF project with primary keys: the crawl completes,
 * finds the tables, their columns and the Paimon primary keys, and odps-jdbc logs no ERROR line.
 * (The emulator has no views.)
 */
class SchemaCrawlerMaximumTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("flat"));

    private static final SchemaCrawlerOptions MAXIMUM = SchemaCrawlerOptionsBuilder
            .newSchemaCrawlerOptions().withLoadOptions(LoadOptionsBuilder.builder()
                    .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());

    /** What one crawl found, and the ERROR lines odps-jdbc logged meanwhile. */
    private static final class Crawl {
        final TreeMap<String, String> tables;
        final List<String> errorLines;

        Crawl(TreeMap<String, String> tables, List<String> errorLines) {
            this.tables = tables;
            this.errorLines = errorLines;
        }
    }

    @BeforeAll
    static void projects() {
        OdpsPlugin.clearCaches();
        EMU.get().execute("flat", "CREATE TABLE events (id BIGINT, kind STRING)"
                + " PARTITIONED BY (ds STRING)");
        EMU.get().execute("flat", "CREATE TABLE users (id BIGINT, name STRING)");
        EMU.get().createPaimonDlfProject("lake", "lake_catalog");
        EMU.get().createPaimonTable("lake", "default", "kpi", List.of("id BIGINT", "name STRING"),
                null, List.of("id"), 4);
        EMU.get().createSchema("lake", "sales");
        EMU.get().createPaimonTable("lake", "sales", "orders",
                List.of("order_id BIGINT", "amount DOUBLE"), List.of("ds STRING"),
                List.of("order_id", "ds"), 2);
    }

    private static Crawl crawl(String url) {
        try (OdpsErrorLines errors = OdpsErrorLines.capture()) {
            TreeMap<String, String> tables = SchemaCrawl.tables(SchemaCrawl.catalog(url, MAXIMUM));
            return new Crawl(tables, errors.lines());
        }
    }

    @Test
    void aTwoTierProjectWithAPartitionedTable() {
        Crawl c = crawl(lake(EMU.get().jdbcUrl("flat")));
        assertEquals(Map.of("flat.events", "id,kind,ds", "flat.users", "id,name"), c.tables);
        assertEquals(List.of(), c.errorLines);
    }

    @Test
    void aThreeTierPaimonProjectWithPrimaryKeys() {
        Crawl c = crawl(lake(EMU.get().jdbcUrl("lake")));
        assertEquals(Map.of("lake.default.kpi", "id*,name",
                "lake.sales.orders", "order_id*,amount,ds*"), c.tables);
        assertEquals(List.of(), c.errorLines);
    }

    @Test
    void rawOdpsJdbcLogsErrorLinesInTheSameTwoTierCrawl() {
        Crawl c = crawl(EMU.get().jdbcUrl("flat"));
        System.out.println("raw odps-jdbc, two-tier, SchemaCrawler maximum: " + c.tables + ", "
                + c.errorLines.size() + " ERROR lines");
        assertFalse(c.errorLines.isEmpty());
    }
}
