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

import dev.lakeproxy.core.sql.ParsedSql;
import dev.lakeproxy.core.sql.SqlAnalyzer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** What the slow path costs: a JSqlParser parse on a cache miss, and a cache hit. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {

    private final SqlAnalyzer analyzer = new SqlAnalyzer(1_000);

    @Setup
    public void warmCache() {
        analyzer.parse(HotPathBenchmark.SQL);
    }

    @Benchmark
    public ParsedSql parseOnCacheMiss() {
        return analyzer.parseNow(HotPathBenchmark.SQL);
    }

    @Benchmark
    public ParsedSql parseOnCacheHit() {
        return analyzer.parse(HotPathBenchmark.SQL);
    }
}
