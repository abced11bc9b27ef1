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
package dev.lakeproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.core.sql.ParsedSql;
import dev.lakeproxy.core.sql.SqlAnalyzer;
import dev.lakeproxy.core.sql.SqlPositions;
import dev.lakeproxy.spi.sql.SqlText;
import dev.lakeproxy.testing.EmbeddedPg;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.sf.jsqlparser.schema.Table;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated SQL through the analysis layer and the pipeline never makes lakeproxy itself
 * throw: only the server may reject a statement, with an SQLException.
 */
class FuzzTest {

    private static final String[] TOKENS = {
        "SELECT",
        "FROM",
        "WHERE",
        "lp_alias",
        "lp_tagged",
        "(",
        ")",
        ",",
        "'",
        "\"",
        "`",
        "--",
        "/*",
        "*/",
        ";",
        "JOIN",
        "ON",
        "=",
        "1",
        "a.b",
        "WITH",
        "AS",
        "INSERT INTO",
        "VALUES",
        "$$",
        "\n",
        "\t",
        "ü",
        "DISTRIBUTE BY rand()",
        "PARTITION (ds='1')",
        "::int",
        "[1]",
        "?",
        "\\",
        "E'\\''",
        "lp_"
    };

    private static List<String> seeds() throws IOException {
        try (InputStream in = FuzzTest.class.getResourceAsStream("/fidelity/corpus.sql")) {
            List<String> out = new ArrayList<>();
            for (String s :
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .split("(?m)^(---|=== .*)$")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }
    }

    static String mutate(Random r, String seed) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            switch (r.nextInt(4)) {
                case 0:
                    sb.insert(at, ' ' + TOKENS[r.nextInt(TOKENS.length)] + ' ');
                    break;
                case 1:
                    sb.delete(at, Math.min(sb.length(), at + r.nextInt(8)));
                    break;
                case 2:
                    sb.insert(at, (char) r.nextInt(0x3000));
                    break;
                default:
                    sb.replace(at, Math.min(sb.length(), at + 1), "lp_alias");
            }
        }
        return sb.toString();
    }

    static String random(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(20);
        for (int i = 0; i < n; i++) {
            sb.append(TOKENS[r.nextInt(TOKENS.length)]).append(r.nextBoolean() ? " " : "");
        }
        return sb.toString();
    }

    @Test
    void tenThousandRandomAndMutatedStatementsNeverMakeLakeproxyThrow() throws Exception {
        Random r = new Random(20261121);
        List<String> seeds = seeds();
        SqlAnalyzer analyzer = new SqlAnalyzer(1_000);
        String db = EmbeddedPg.freshDatabase();
        int executed = 0;
        int serverErrors = 0;
        try (Connection c =
                DriverManager.getConnection(
                        EmbeddedPg.lakeUrl(db) + "&lakeproxy.test.enabled=true")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE lp_target (id int); CREATE TABLE lp_tagged (id int)");
            }
            LakeproxyConnection lake = c.unwrap(LakeproxyConnection.class);
            for (int i = 0; i < 10_000; i++) {
                String sql = i % 3 == 0 ? random(r) : mutate(r, seeds.get(r.nextInt(seeds.size())));
                analyse(analyzer, sql);
                assertEquals(sql, lake.explain(sql).originalSql());
                if (i % 25 == 0) {
                    executed++;
                    try (Statement s = c.createStatement()) {
                        s.setQueryTimeout(5);
                        s.execute(sql);
                    } catch (SQLException serverSaidNo) {
                        serverErrors++;
                        if (!c.getAutoCommit()) {
                            c.rollback();
                        }
                    }
                    c.setAutoCommit(true);
                }
            }
        }
        assertTrue(
                executed >= 400 && serverErrors > 0,
                executed + " executed, " + serverErrors + " rejected by the server");
    }

    private static void analyse(SqlAnalyzer analyzer, String sql) {
        SqlText.containsWord(sql.isEmpty() ? " " : sql, "lp_alias");
        SqlText.startsWithKeyword(sql, "SELECT");
        ParsedSql parsed = analyzer.parse(sql);
        List<Table> tables = parsed.jsqlTables();
        if (tables != null) {
            SqlPositions pos = parsed.positions();
            for (Table t : tables) {
                int[] span = pos.nameSpan(t);
                if (span != null) {
                    pos.text(span);
                }
            }
        }
    }
}
