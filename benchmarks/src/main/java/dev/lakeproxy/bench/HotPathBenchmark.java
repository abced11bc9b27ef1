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
package dev.lakeproxy.bench;

import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.jdbc.ConnectionServices;
import dev.lakeproxy.core.jdbc.PlainWrappers;
import dev.lakeproxy.core.pipeline.StatementPipeline;
import dev.lakeproxy.core.sql.SqlAnalyzer;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.spi.StatementRule;
import dev.lakeproxy.spi.sql.SqlText;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client-side cost lakeproxy adds to a statement that needs no change, without any network: the
 * same in-memory "real" statement called directly and through the wrapper, with no plugin, and with
 * a plugin active whose lexical pre-check says no. The difference of the scores is lakeproxy's hot
 * path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {

    static final String SQL =
            "SELECT o.id, o.amount, c.name FROM orders o JOIN customers c ON c.id = o.customer_id"
                + " WHERE o.created_at > now() - interval '1 day' ORDER BY o.amount DESC LIMIT 100";

    @Param({
        "direct",
        "wrapped-no-plugin",
        "wrapped-plugin-not-interested",
        "wrapped-six-rules-not-interested"
    })
    public String path;

    private Statement statement;

    @Setup
    public void setUp() throws SQLException {
        ResultSet rs =
                (ResultSet)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {ResultSet.class},
                                (p, m, a) -> null);
        Statement realStatement =
                (Statement)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {Statement.class},
                                (p, m, a) -> m.getName().equals("executeQuery") ? rs : null);
        Connection realConnection =
                (Connection)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {Connection.class},
                                (p, m, a) ->
                                        m.getName().equals("createStatement")
                                                ? realStatement
                                                : null);
        if (path.equals("direct")) {
            statement = realStatement;
            return;
        }
        List<SessionPlugin> plugins =
                path.equals("wrapped-no-plugin")
                        ? List.of()
                        : List.of(
                                path.equals("wrapped-plugin-not-interested")
                                        ? gatedPlugin()
                                        : sixRules());
        LakeMetrics metrics = new LakeMetrics();
        StatementPipeline pipeline =
                new StatementPipeline(realConnection, plugins, metrics, SqlAnalyzer.shared(), true);
        Connection wrapped =
                PlainWrappers.INSTANCE.connection(
                        realConnection,
                        new ConnectionServices(
                                pipeline,
                                metrics,
                                PlainWrappers.INSTANCE,
                                "bench",
                                List.of(),
                                List.of()));
        statement = wrapped.createStatement();
    }

    /** A plugin whose own pre-check says no: its rules are never asked. */
    private static SessionPlugin gatedPlugin() {
        return new SessionPlugin() {
            @Override
            public boolean interested(String sql) {
                return SqlText.containsWord(
                        sql, "encrypted_orders"); // a typical plugin pre-check that says no
            }

            @Override
            public List<StatementRule> rules() {
                return List.of(rule("encrypted_orders"));
            }
        };
    }

    /**
     * A plugin with no pre-check of its own and six rules, each testing its first keyword (as
     * MaxCompute's do).
     */
    private static SessionPlugin sixRules() {
        return () ->
                List.of(
                        rule("INSERT"),
                        rule("CREATE"),
                        rule("USE"),
                        rule("ALTER"),
                        rule("DROP"),
                        rule("SET"));
    }

    private static StatementRule rule(String keyword) {
        return new StatementRule() {
            @Override
            public String name() {
                return "bench." + keyword;
            }

            @Override
            public boolean interested(String sql) {
                return SqlText.startsWithKeyword(sql, keyword);
            }
        };
    }

    @Benchmark
    public ResultSet executeQuery() throws SQLException {
        return statement.executeQuery(SQL);
    }
}
