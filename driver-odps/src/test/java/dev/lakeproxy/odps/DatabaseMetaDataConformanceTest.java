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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.odps.MetaDataWalk.Outcome;
import dev.lakeproxy.odps.MetaDataWalk.Target;
import dev.lakeproxy.odpsemu.MaxComputeEmulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every {@code java.sql.DatabaseMetaData} method (by reflection, {@link MetaDataWalk}) on a
 * two-tier and a three-tier project, raw odps-jdbc 3.4.2 beside lakeproxy: how many methods throw,
 * how many ERROR lines odps-jdbc logs, and whether each result set has the columns the JDBC
 * javadoc lists. The figures are printed for docs/maxcompute.md.
 */
class DatabaseMetaDataConformanceTest {

    @RegisterExtension
    static final MaxComputeEmulatorExtension EMU =
            new MaxComputeEmulatorExtension(b -> b.project("flat").threeTierProject("tiers"));

    private static final String TABLE =
            "orders (id BIGINT, name STRING) PARTITIONED BY (ds STRING)";

    /** One walk: which driver, which project, what every method did, the ERROR lines logged. */
    private static final class Pass {
        final List<Outcome> outcomes;
        final List<String> errorLines;

        Pass(List<Outcome> outcomes, List<String> errorLines) {
            this.outcomes = outcomes;
            this.errorLines = errorLines;
        }

        List<Outcome> throwing() {
            List<Outcome> out = new ArrayList<>();
            outcomes.stream().filter(o -> !o.failures.isEmpty()).forEach(out::add);
            return out;
        }
    }

    private static final Map<String, Pass> PASSES = new LinkedHashMap<>();
    private static final Properties JAVADOC = javadocColumns();

    @BeforeAll
    static void walkEveryMethod() throws Exception {
        OdpsPlugin.clearCaches();
        EMU.get().execute("flat", "CREATE TABLE " + TABLE);
        EMU.get().createSchema("tiers", "sales");
        EMU.get().execute("tiers", "CREATE TABLE sales." + TABLE,
                Map.of("odps.namespace.schema", "true"));
        String flat = EMU.get().jdbcUrl("flat");
        String tiers = EMU.get().jdbcUrl("tiers");
        // two-tier: odps-jdbc reports the project as the schema
        Target flatTable = new Target("flat", "flat", "orders");
        Target tiersTable = new Target("tiers", "sales", "orders");
        walk("raw odps-jdbc, two-tier", flat, flatTable);
        walk("lakeproxy, two-tier", lake(flat), flatTable);
        walk("raw odps-jdbc, three-tier", tiers + "&odpsNamespaceSchema=true", tiersTable);
        walk("lakeproxy, three-tier", lake(tiers), tiersTable);
        printFigures();
    }

    /** The counts, then each method that threw (first failure) and each unlisted column set. */
    private static void printFigures() {
        System.out.println("DatabaseMetaData methods called: " + PASSES.values().iterator().next()
                .outcomes.size());
        PASSES.forEach((name, p) -> System.out.printf(
                "%-26s methods throwing: %3d, ERROR lines: %3d%n",
                name, p.throwing().size(), p.errorLines.size()));
        PASSES.forEach((name, p) -> p.throwing().forEach(o ->
                System.out.println(name + " | " + o.method + " | " + o.failures.get(0))));
        PASSES.forEach((name, p) -> p.outcomes.forEach(o -> o.columns.stream()
                .filter(labels -> !matches(javadoc(o), labels)).distinct().forEach(labels ->
                        System.out.println(name + " | " + o.method + " | columns " + labels))));
    }

    private static void walk(String name, String url, Target at) throws SQLException {
        try (OdpsErrorLines errors = OdpsErrorLines.capture(); Connection c = connect(url)) {
            List<Outcome> outcomes = MetaDataWalk.of(c.getMetaData(), at);
            PASSES.put(name, new Pass(outcomes, errors.lines()));
        }
    }

    @Test
    void rawOdpsJdbcThrowsAndLogsErrorsSoTheCountsAreReal() {
        for (String raw : List.of("raw odps-jdbc, two-tier", "raw odps-jdbc, three-tier")) {
            Pass p = PASSES.get(raw);
            assertTrue(p.throwing().size() > 50, raw + ": " + p.throwing().size());
            assertTrue(p.errorLines.stream().anyMatch(l -> l.contains("is not supported!!!")),
                    raw + ": " + p.errorLines);
        }
    }

    @Test
    void throughLakeproxyNoMethodThrowsOnEitherKindOfProject() {
        for (String lp : List.of("lakeproxy, two-tier", "lakeproxy, three-tier")) {
            List<String> thrown = new ArrayList<>();
            PASSES.get(lp).throwing().forEach(o -> thrown.add(o.method + " " + o.failures));
            assertEquals(List.of(), thrown, lp);
        }
    }

    @Test
    void throughLakeproxyOdpsJdbcLogsNoErrorLine() {
        for (String lp : List.of("lakeproxy, two-tier", "lakeproxy, three-tier")) {
            assertEquals(List.of(), PASSES.get(lp).errorLines, lp);
        }
    }

    @Test
    void throughLakeproxyEveryResultSetHasTheColumnsTheJavadocLists() {
        for (String lp : List.of("lakeproxy, two-tier", "lakeproxy, three-tier")) {
            for (Outcome o : PASSES.get(lp).outcomes) {
                String listed = javadoc(o);
                if (listed != null) {
                    assertFalse(o.columns.isEmpty(), lp + " " + o.method + ": no result set");
                }
                for (List<String> labels : o.columns) {
                    assertTrue(matches(listed, labels), lp + " " + o.method + ": " + labels
                            + ", javadoc: " + listed);
                }
            }
        }
    }

    /** The columns the javadoc lists for the method's result set; null for other methods. */
    private static String javadoc(Outcome o) {
        return JAVADOC.getProperty(o.method.substring(0, o.method.indexOf('(')));
    }

    private static Properties javadocColumns() {
        Properties p = new Properties();
        try (InputStream in = DatabaseMetaDataConformanceTest.class
                .getResourceAsStream("jdbc-metadata-columns.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The labels in order, {@code *} standing for a column JDBC does not name. */
    private static boolean matches(String listed, List<String> labels) {
        if (listed == null || labels == null) {
            return false;
        }
        List<String> names = Arrays.asList(listed.split(","));
        if (names.size() != labels.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals("*") && !names.get(i).equalsIgnoreCase(labels.get(i))) {
                return false;
            }
        }
        return true;
    }
}
