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
package dev.lakeproxy.holosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Foreign-table DDL, catalogs, IMPORT FOREIGN SCHEMA and reads of unencrypted data (V3.2.5). */
class ForeignTablesTest {
    @RegisterExtension
    static final HoloSimExtension SIM = HoloSimExtension.version("3.2.5").shared();

    @BeforeAll
    static void store() {
        MaxComputeStore mc = SIM.sim().maxcompute();
        mc.project("ft_plain")
                .table("items", "id bigint, name text, price numeric(10,2)")
                .insertRows(
                        Arrays.asList(
                                new Object[] {1, "a", "1.00"},
                                new Object[] {2, "b", "2.50"},
                                new Object[] {3, "c", "3.75"}));
        mc.project("ft_plain").table("empty_t", "id bigint");
        mc.project("ft_import").table("t1", "id int, v text").insert(1, "x");
        mc.project("ft_import").table("t2", "id int").insert(7);
        mc.project("ft_import").table("t3", "k text").insert("z");
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void createReadAndDrop(String mode) throws Exception {
        try (Connection c = Db.connect(SIM.sim(), mode)) {
            String t = "items_" + mode;
            Db.exec(c, "CREATE FOREIGN TABLE " + t + " (id bigint, name text, price numeric(10,2))"
                    + " SERVER odps_server OPTIONS (project_name 'ft_plain', table_name 'items')");
            assertEquals(Arrays.asList("1|a|1.00", "2|b|2.50", "3|c|3.75"),
                    Db.rows(c, "SELECT id, name, price FROM " + t + " ORDER BY id"));
            assertEquals(
                    Collections.singletonList(
                            "odps_server|{project_name=ft_plain,table_name=items}"),
                    Db.rows(
                            c,
                            "SELECT s.srvname, ft.ftoptions FROM pg_foreign_table ft JOIN"
                                + " pg_foreign_server s ON s.oid = ft.ftserver WHERE ft.ftrelid = '"
                                    + t
                                    + "'::regclass"));
            assertEquals(
                    Collections.singletonList("public|" + t + "|odps_server"),
                    Db.rows(
                            c,
                            "SELECT foreign_table_schema, foreign_table_name, foreign_server_name"
                                + " FROM information_schema.foreign_tables WHERE foreign_table_name"
                                + " = '"
                                    + t
                                    + "'"));
            assertEquals(Arrays.asList("id|bigint", "name|text", "price|numeric"),
                    Db.rows(c, "SELECT column_name, data_type FROM information_schema.columns"
                            + " WHERE table_name = '" + t + "' ORDER BY ordinal_position"));
            // Aliases, qualified names, joins, subqueries, CTEs, aggregates, prepared parameters.
            assertEquals("6", Db.one(c, "SELECT sum(x.id) FROM public." + t + " x"));
            assertEquals(
                    "3",
                    Db.one(
                            c,
                            "SELECT count(*) FROM " + t + " AS a JOIN " + t + " b ON a.id = b.id"));
            assertEquals(
                    "c",
                    Db.one(
                            c,
                            "WITH w AS (SELECT * FROM " + t + " WHERE id > 2) SELECT name FROM w"));
            assertEquals(
                    "b", Db.one(c, "SELECT name FROM (SELECT * FROM " + t + ") s WHERE s.id = 2"));
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT name FROM " + t + " WHERE id = ?")) {
                for (int i = 1; i <= 3; i++) {
                    ps.setLong(1, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(String.valueOf((char) ('a' + i - 1)), rs.getString(1));
                    }
                }
            }
            Db.exec(c, "DROP FOREIGN TABLE " + t);
            assertEquals(
                    "0",
                    Db.one(
                            c,
                            "SELECT count(*) FROM pg_foreign_table WHERE ftrelid::regclass::text ="
                                + " '"
                                    + t
                                    + "'"));
            Db.fails("42P01", c, "SELECT * FROM " + t);
        }
    }

    @Test
    void postgresSyntaxCorpus() throws Exception {
        try (Connection c = Db.connect(SIM.sim(), Db.EXTENDED)) {
            Db.exec(
                    c,
                    "CREATE FOREIGN TABLE IF NOT EXISTS corpus (id bigint, name text, price"
                        + " numeric(10,2)) SERVER odps_server OPTIONS (project_name 'ft_plain',"
                        + " table_name 'items')");
            String[] queries = {
                "SELECT DISTINCT ON (id) id FROM corpus ORDER BY id, name",
                "SELECT id::text || '-' || name FROM corpus LIMIT 1 OFFSET 1",
                "SELECT * FROM corpus WHERE name ILIKE 'A%'",
                "SELECT array_agg(id ORDER BY id) FILTER (WHERE id > 1) FROM corpus",
                "SELECT jsonb_build_object('id', id) FROM corpus WHERE id = ANY (ARRAY[1, 2])",
                "SELECT c.* FROM corpus c WHERE EXISTS (SELECT 1 FROM corpus d WHERE d.id = c.id)",
                "SELECT * FROM corpus NATURAL JOIN (VALUES (1::bigint)) v(id)",
                "SELECT id, row_number() OVER (PARTITION BY name ORDER BY id) FROM corpus",
                "SELECT * FROM generate_series(1, 2) g CROSS JOIN LATERAL (SELECT * FROM corpus"
                    + " WHERE id = g) x",
                "SELECT id FROM corpus UNION ALL SELECT id FROM corpus",
                "SELECT (SELECT max(id) FROM corpus) AS m",
                "SELECT * FROM corpus WHERE price BETWEEN 1 AND 3 AND name IS NOT NULL",
                "SELECT name, count(*) FROM corpus GROUP BY ROLLUP (name)",
                "SELECT * FROM ONLY corpus",
                "SELECT * FROM corpus WHERE name ~ '^[ab]$'",
                "SELECT * FROM corpus TABLESAMPLE SYSTEM (100)",
                "select * from CORPUS",
                "SELECT * FROM \"corpus\"",
                "/* lead */ SELECT * FROM corpus -- trail",
                "(SELECT id FROM corpus) UNION (SELECT id FROM corpus ORDER BY id LIMIT 1)",
                "SELECT extract(year FROM now()), x.id FROM corpus x, LATERAL (SELECT 1) y WHERE"
                    + " x.id = 1",
                // FILTER makes JSqlParser's visitor fail: these go through the lexical fallback
                "SELECT extract(year FROM now()), count(*) FILTER (WHERE id > 0) FROM corpus x,"
                    + " LATERAL (SELECT 1) y",
                "SELECT count(*) FILTER (WHERE id > 0) FROM ONLY corpus WHERE id IN (SELECT id FROM"
                    + " corpus)",
                "SELECT string_agg(c.name, ',') FILTER (WHERE id > 0) FROM public.corpus AS c JOIN"
                    + " corpus d USING (id)",
            };
            for (String q : queries) {
                try {
                    assertTrue(!Db.rows(c, q).isEmpty(), q);
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(q + " -> " + e.getMessage(), e);
                }
            }
            Db.exec(c, "DROP FOREIGN TABLE corpus");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void ddlInsideAnOpenTransactionIsSeenByThatSessionOnly(String mode) throws Exception {
        String ddl = "CREATE FOREIGN TABLE tx_ft (id bigint, name text) SERVER odps_server"
                + " OPTIONS (project_name 'ft_plain', table_name 'items')";
        try (Connection c = Db.connect(SIM.sim(), mode);
                Connection other = Db.connect(SIM.sim(), Db.EXTENDED)) {
            c.setAutoCommit(false);
            Db.exec(c, ddl);
            assertEquals("3", Db.one(c, "SELECT count(*) FROM tx_ft"));
            Db.fails("42P01", other, "SELECT * FROM tx_ft");
            c.rollback();
            Db.fails("42P01", c, "SELECT * FROM tx_ft");
            c.rollback();

            Db.exec(c, ddl);
            c.commit();
            assertEquals("3", Db.one(other, "SELECT count(*) FROM tx_ft"));
            Db.exec(c, "DROP FOREIGN TABLE tx_ft");
            Db.fails("42P01", c, "SELECT * FROM tx_ft");
            c.rollback();
            assertEquals("3", Db.one(c, "SELECT count(*) FROM tx_ft"), "the DROP was rolled back");
            c.commit();

            Db.exec(c, "CREATE SCHEMA tx_imp");
            Db.exec(
                    c,
                    "IMPORT FOREIGN SCHEMA ft_import LIMIT TO (t2) FROM SERVER odps_server INTO"
                        + " tx_imp");
            assertEquals("7", Db.one(c, "SELECT id FROM tx_imp.t2"));
            c.rollback();
            c.setAutoCommit(true);
            Db.exec(c, "DROP FOREIGN TABLE tx_ft");
        }
    }

    @Test
    void emptyTableIsCheckedAndViewsWork() throws Exception {
        HoloSimulator sim = SIM.sim();
        try (Connection c = Db.connect(sim, Db.EXTENDED)) {
            Db.exec(c, "CREATE FOREIGN TABLE empty_ft (id bigint) SERVER odps_server"
                    + " OPTIONS (project_name 'ft_plain', table_name 'empty_t')");
            sim.clearQueryLog();
            assertEquals("0", Db.one(c, "SELECT count(*) FROM empty_ft"));
            assertEquals(1, sim.queryLog().size(), sim.queryLog()::toString);
            Db.exec(c, "CREATE VIEW items_view AS SELECT count(*) AS n FROM empty_ft");
            assertEquals("0", Db.one(c, "SELECT n FROM items_view"));
            Db.exec(c, "DROP VIEW items_view; DROP FOREIGN TABLE empty_ft");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Db.EXTENDED, Db.SIMPLE})
    void otherStatementFormsAndSearchPath(String mode) throws Exception {
        try (Connection c = Db.connect(SIM.sim(), mode)) {
            Db.exec(
                    c,
                    "CREATE SCHEMA IF NOT EXISTS sp_"
                            + mode
                            + ";"
                            + " CREATE FOREIGN TABLE sp_"
                            + mode
                            + ".items (id bigint, name text) SERVER odps_server"
                            + " OPTIONS (project_name 'ft_plain', table_name 'items')");
            Db.fails("42P01", c, "SELECT * FROM items");
            Db.exec(c, "SET search_path TO sp_" + mode + ", public");
            assertEquals("3", Db.one(c, "SELECT count(*) FROM items"));
            assertTrue(
                    Db.rows(c, "EXPLAIN SELECT * FROM items")
                            .toString()
                            .contains("One-Time Filter"));
            Db.exec(c, "PREPARE q(bigint) AS SELECT name FROM items WHERE id = $1");
            assertEquals("b", Db.one(c, "EXECUTE q(2)"));
            Db.exec(c, "DEALLOCATE q");
            c.setAutoCommit(false);
            Db.exec(c, "DECLARE cur CURSOR FOR SELECT name FROM items ORDER BY id");
            assertEquals("a", Db.one(c, "FETCH NEXT FROM cur"));
            c.commit();
            c.setAutoCommit(true);
            java.io.StringWriter out = new java.io.StringWriter();
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                    .copyOut("COPY (SELECT id FROM items ORDER BY id) TO STDOUT", out);
            assertEquals("1\n2\n3\n", out.toString());
            Db.exec(
                    c,
                    "ALTER FOREIGN TABLE items DROP COLUMN name; ALTER FOREIGN TABLE items OPTIONS"
                        + " (SET table_name 'empty_t')");
            assertEquals("0", Db.one(c, "SELECT count(*) FROM items"));
            Db.exec(c, "RESET search_path");
            Db.fails("42P01", c, "SELECT * FROM items");
            Db.exec(c, "DROP SCHEMA sp_" + mode + " CASCADE");
        }
    }

    @Test
    void importForeignSchema() throws Exception {
        try (Connection c = Db.connect(SIM.sim(), Db.EXTENDED)) {
            Db.exec(c, "CREATE SCHEMA imp_all; CREATE SCHEMA imp_limit; CREATE SCHEMA imp_except");
            Db.exec(c, "IMPORT FOREIGN SCHEMA ft_import FROM SERVER odps_server INTO imp_all");
            Db.exec(
                    c,
                    "IMPORT FOREIGN SCHEMA ft_import LIMIT TO (t1, t3) FROM SERVER odps_server INTO"
                        + " imp_limit");
            Db.exec(
                    c,
                    "IMPORT FOREIGN SCHEMA ft_import EXCEPT (t1) FROM SERVER odps_server INTO"
                        + " imp_except OPTIONS (if_table_exist 'error')");
            List<String> expected = Arrays.asList(
                    "imp_all|t1|{project_name=ft_import,table_name=t1}",
                    "imp_all|t2|{project_name=ft_import,table_name=t2}",
                    "imp_all|t3|{project_name=ft_import,table_name=t3}",
                    "imp_except|t2|{project_name=ft_import,table_name=t2}",
                    "imp_except|t3|{project_name=ft_import,table_name=t3}",
                    "imp_limit|t1|{project_name=ft_import,table_name=t1}",
                    "imp_limit|t3|{project_name=ft_import,table_name=t3}");
            assertEquals(
                    expected,
                    Db.rows(
                            c,
                            "SELECT n.nspname, c.relname, ft.ftoptions FROM pg_foreign_table ft"
                                + " JOIN pg_class c ON c.oid = ft.ftrelid JOIN pg_namespace n ON"
                                + " n.oid = c.relnamespace WHERE n.nspname LIKE 'imp\\_%' ORDER BY"
                                + " 1, 2"));
            assertEquals("1|x", Db.rows(c, "SELECT id, v FROM imp_all.t1").get(0));
            assertEquals("7", Db.one(c, "SELECT id FROM imp_except.t2"));
            Db.fails(
                    "42P07",
                    c,
                    "IMPORT FOREIGN SCHEMA ft_import FROM SERVER odps_server INTO imp_all");
            Db.exec(c, "IMPORT FOREIGN SCHEMA ft_import FROM SERVER odps_server INTO imp_all"
                    + " OPTIONS (if_table_exist 'ignore')");
            Db.exec(c, "IMPORT FOREIGN SCHEMA ft_import FROM SERVER odps_server INTO imp_all"
                    + " OPTIONS (if_table_exist 'update')");
            Db.fails(
                    "3F000",
                    c,
                    "IMPORT FOREIGN SCHEMA ft_import FROM SERVER odps_server INTO no_such_schema");
            Db.exec(c, "ALTER SCHEMA imp_limit RENAME TO imp_renamed");
            assertEquals("1|x", Db.rows(c, "SELECT id, v FROM imp_renamed.t1").get(0));
            Db.exec(c, "DROP SCHEMA imp_all, imp_renamed, imp_except CASCADE");
            Db.fails("42P01", c, "SELECT * FROM imp_renamed.t1");
        }
    }

    @Test
    void newDatabasesHaveTheServerTheFunctionsAndTheStore() throws Exception {
        HoloSimulator sim = SIM.sim();
        sim.createDatabase("ft_other");
        try (Connection c = Db.connect(sim, "ft_other", Db.EXTENDED)) {
            assertTrue(Db.one(c, "SELECT hg_version()").startsWith("Hologres 3.2.5 "));
            Db.exec(c, "CREATE FOREIGN TABLE i (id bigint) SERVER odps_server"
                    + " OPTIONS (project_name 'ft_plain', table_name 'items')");
            assertEquals("3", Db.one(c, "SELECT count(*) FROM i"));
        }
        // A database created by a client through the endpoint works too, and later store changes
        // reach it.
        try (Connection c = Db.connect(sim, Db.SIMPLE)) {
            Db.exec(c, "CREATE DATABASE ft_client_db");
        }
        sim.maxcompute().project("ft_plain").table("items").insert(4, "d", "4.00");
        try (Connection c = Db.connect(sim, "ft_client_db", Db.EXTENDED)) {
            Db.exec(c, "CREATE FOREIGN TABLE i (id bigint) SERVER odps_server"
                    + " OPTIONS (project_name 'ft_plain', table_name 'items')");
            assertEquals("4", Db.one(c, "SELECT count(*) FROM i"));
        }
        sim.maxcompute()
                .execute(
                        "DELETE FROM "
                                + sim.maxcompute()
                                        .project("ft_plain")
                                        .table("items")
                                        .qualifiedName()
                                + " WHERE id = 4");
    }

    @Test
    void missingStoreTableAndInsertTargetsAreNotRewritten() throws Exception {
        try (Connection c = Db.connect(SIM.sim(), Db.EXTENDED)) {
            Db.exec(c, "CREATE FOREIGN TABLE ghost (id bigint) SERVER odps_server"
                    + " OPTIONS (project_name 'ft_plain', table_name 'no_such_table')");
            Db.fails("XX000", c, "SELECT * FROM ghost");
            Db.exec(c, "DROP FOREIGN TABLE ghost");
            Db.exec(c, "CREATE TABLE local_copy (id bigint, name text);"
                    + "CREATE FOREIGN TABLE src (id bigint, name text) SERVER odps_server"
                    + " OPTIONS (project_name 'ft_plain', table_name 'items')");
            Db.exec(c, "INSERT INTO local_copy SELECT id, name FROM src WHERE id < 3");
            assertEquals("2", Db.one(c, "SELECT count(*) FROM local_copy"));
            Db.exec(c, "DROP TABLE local_copy; DROP FOREIGN TABLE src");
        }
    }
}
