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
package dev.lakeproxy.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GenerateRouting} on a small statement hierarchy ({@code codegen/routing/demo}: Stmt under
 * Prep): which methods get the fast-path / recover / pipeline triad, and which way a call goes
 * through a wrapper that implements only the hooks.
 */
class RoutingProcessorTest {

    /** The calls that are never routed, in RoutingProbe's order, after the routed ones. */
    private static final List<String> UNROUTED = List.of("real executeBatch", "real executeTimes 2",
            "real addBatch INSERT b", "real setInt 1 9", "real close");

    private static Compilation compiled;

    @BeforeAll
    static void compile(@TempDir Path work) throws Exception {
        compiled = Compilation.of("/codegen/routing", work);
    }

    @SuppressWarnings("unchecked")
    private static List<String> probe(long interest, boolean failFirst) throws Exception {
        return (List<String>) compiled.call("demo.RoutingProbe", "run",
                new Class<?>[] {long.class, boolean.class}, interest, failFirst);
    }

    private static List<String> then(List<String> routed) {
        List<String> all = new ArrayList<>(routed);
        all.addAll(UNROUTED);
        return all;
    }

    @Test
    void theFirstRoutedInterfaceDeclaresTheHooksWithTheCallType() {
        compiled.assertGenerated("demo.StmtRouting",
                "public interface StmtRouting extends StmtForwarding {",
                "long routeInterest(String sql);",
                "<T> T routeRecover(String sql, boolean prepared, java.sql.SQLException error,"
                        + " demo.Call<T> call)",
                "<T> T routePipeline(String sql, boolean prepared, long interest,"
                        + " demo.Call<T> call)",
                "java.sql.ResultSet routedResult(java.sql.ResultSet resultSet);");
    }

    @Test
    void methodsTakingTheSqlFirstAreRoutedBatchesAndOthersAreNot() {
        compiled.assertGenerated("demo.StmtRouting",
                "default boolean execute(java.lang.String p0) throws java.sql.SQLException {"
                        + " long interest = routeInterest(p0);"
                        + " if (interest == 0) {"
                        + " try { return stmtDelegate().execute(p0); }"
                        + " catch (java.sql.SQLException e) {"
                        + " return routeRecover(p0, false, e, s -> stmtDelegate().execute(s)); } }"
                        + " return routePipeline(p0, false, interest,"
                        + " s -> stmtDelegate().execute(s)); }",
                "default long executeLarge(java.lang.String p0, int p1)",
                "return routedResult(stmtDelegate().executeQuery(p0));");
        String stmt = compiled.generated("demo.StmtRouting");
        for (String name
                : List.of("executeBatch", "executeTimes", "addBatch", "close", "routedSql")) {
            assertFalse(stmt.contains(name), name + " is not routed");
        }
    }

    @Test
    void aSubInterfaceRoutesItsOwnNoArgumentMethodsWithItsPreparedSql() {
        compiled.assertGenerated("demo.PrepRouting",
                "public interface PrepRouting extends PrepForwarding, StmtRouting {",
                "default int executeUpdate() throws java.sql.SQLException {"
                        + " String sql = routedSql(); long interest = routeInterest(sql);",
                "routePipeline(sql, true, interest, s -> prepDelegate().executeUpdate())",
                "String routedSql();");
        String prep = compiled.generated("demo.PrepRouting");
        assertFalse(prep.contains("long routeInterest("), "the hooks come from StmtRouting");
        assertFalse(prep.contains("setInt"));
    }

    @Test
    void withNoInterestTheRealStatementIsCalledDirectly() throws Exception {
        assertEquals(then(List.of("interest SELECT 1", "real execute SELECT 1", "= true",
                "interest UPDATE t", "real executeLarge UPDATE t 7", "= 5",
                "interest SELECT q", "real executeQuery SELECT q", "wrapped", "= null",
                "interest prepared sql", "real executeUpdate", "= 3")), probe(0, false));
    }

    @Test
    void aFailedFastCallIsOfferedToRecoveryWhichMayRunItAgain() throws Exception {
        List<String> log = probe(0, true);
        assertEquals(List.of("interest SELECT 1", "real execute SELECT 1",
                "recover SELECT 1 prepared=false boom", "real execute SELECT 1", "= true"),
                log.subList(0, 5));
    }

    @Test
    void withInterestThePipelineRunsTheCallWithItsSqlButAPreparedOneKeepsItsOwn()
            throws Exception {
        assertEquals(then(List.of("interest SELECT 1",
                "pipeline SELECT 1 prepared=false interest=6",
                "real execute rewritten", "= true",
                "interest UPDATE t", "pipeline UPDATE t prepared=false interest=6",
                "real executeLarge rewritten 7", "= 5",
                "interest SELECT q", "pipeline SELECT q prepared=false interest=6",
                "real executeQuery rewritten", "wrapped", "= null",
                "interest prepared sql", "pipeline prepared sql prepared=true interest=6",
                "real executeUpdate", "= 3")), probe(6, false));
    }
}
