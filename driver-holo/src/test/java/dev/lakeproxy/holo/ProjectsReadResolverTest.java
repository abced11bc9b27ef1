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
package dev.lakeproxy.holo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lakeproxy.spi.sql.TableName;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's resolution rules on a catalog listing: folding, quoting, search_path order and
 * shadowing.
 */
class ProjectsReadResolverTest {

    private static final RelationCatalog CATALOG =
            RelationCatalog.parse(
                    String.join(
                            "\n",
                            "public\tt\t",
                            "hidden\tt\tp_byok",
                            "Mc\tFt_Quoted\tp_byok",
                            "public\tv_over\tp_byok,p_plain"));

    private static Set<String> read(List<String> path, String... parts) {
        return ProjectsReadResolver.projectsRead(CATALOG, TableName.of(parts), path);
    }

    @Test
    void anUnqualifiedNameIsTheFirstOnTheSearchPath() {
        assertEquals(
                Set.of(),
                read(List.of("pg_catalog", "public", "hidden"), "t"),
                "public.t shadows hidden.t");
        assertEquals(Set.of("p_byok"), read(List.of("pg_catalog", "hidden", "public"), "t"));
        assertEquals(
                Set.of("p_byok"),
                read(null, "t"),
                "search path unknown: any t counts (the safe side)");
    }

    @Test
    void quotedPartsAreExactAndUnquotedOnesFolded() {
        assertEquals(Set.of("p_byok"), read(null, "\"Mc\"", "\"Ft_Quoted\""));
        assertEquals(
                Set.of(),
                read(null, "Mc", "Ft_Quoted"),
                "folds to mc.ft_quoted, which does not exist");
        assertEquals(Set.of("p_byok"), read(List.of("public"), "HIDDEN", "T"));
    }

    @Test
    void aViewReadsEveryProjectUnderIt() {
        assertEquals(Set.of("p_byok", "p_plain"), read(List.of("public"), "v_over"));
        assertEquals(
                Set.of("v_over", "t", "Ft_Quoted"), Set.of(CATALOG.namesReading(Set.of("p_byok"))));
    }
}
