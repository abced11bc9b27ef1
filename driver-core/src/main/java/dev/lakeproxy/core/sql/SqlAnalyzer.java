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
package dev.lakeproxy.core.sql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.lakeproxy.spi.sql.ParsedStatement;
import dev.lakeproxy.spi.sql.SqlAnalysis;
import dev.lakeproxy.spi.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses SQL with JSqlParser, only after a plugin's lexical pre-check said the statement may
 * concern it. Results, failures included, go in a bounded Caffeine cache keyed by the SQL text;
 * parsed ASTs depend on the text alone, so one cache serves every server.
 */
public final class SqlAnalyzer implements SqlAnalysis {

    private static final Logger LOG = Logger.getLogger(SqlAnalyzer.class.getName());

    /**
     * Longer texts (bulk loads, generated SQL) are not worth parsing: they pass through untouched.
     */
    public static final int MAX_PARSED_LENGTH = 64 * 1024;

    private static final long PARSE_TIMEOUT_MS = 2_000;
    private static final SqlAnalyzer SHARED = new SqlAnalyzer(10_000);

    private final Cache<String, ParsedSql> cache;
    private final ExecutorService parserThreads;

    public SqlAnalyzer(long maximumEntries) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumEntries).recordStats().build();
        AtomicInteger n = new AtomicInteger();
        // JSqlParser enforces its time-out only when it parses on an executor; daemon threads never
        // hold up exit.
        this.parserThreads =
                Executors.newFixedThreadPool(
                        Math.max(2, Runtime.getRuntime().availableProcessors()),
                        r -> {
                            Thread t = new Thread(r, "lakeproxy-sql-parser-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
    }

    public static SqlAnalyzer shared() {
        return SHARED;
    }

    /** The parse of {@code sql}, from the cache when it was seen before. Never throws. */
    @Override
    public ParsedSql parse(String sql) {
        return cache.get(sql, this::parseNow);
    }

    @Override
    public List<ParsedStatement> parseEach(String sql) {
        List<String> pieces = StatementSplitter.split(sql);
        if (pieces.size() <= 1) {
            return List.of(parse(sql));
        }
        List<ParsedStatement> each = new ArrayList<>(pieces.size());
        for (String piece : pieces) {
            each.add(parse(piece));
        }
        return each;
    }

    /** Parses without the cache (for benchmarks of the miss cost). */
    public ParsedSql parseNow(String sql) {
        if (sql.length() > MAX_PARSED_LENGTH) {
            return new ParsedSql(sql, null, "longer than " + MAX_PARSED_LENGTH + " characters");
        }
        try {
            return new ParsedSql(sql, parseWith(sql, false), null);
        } catch (Exception simpleFailed) {
            try {
                return new ParsedSql(sql, parseWith(sql, true), null);
            } catch (Exception | StackOverflowError e) {
                String why = firstLine(e.getMessage());
                LOG.log(
                        Level.FINER,
                        "JSqlParser could not parse a statement; it passes through: {0}",
                        why);
                return new ParsedSql(sql, null, why);
            }
        } catch (StackOverflowError deep) {
            return new ParsedSql(sql, null, "nested too deeply");
        }
    }

    private Statement parseWith(String sql, boolean complex) throws Exception {
        CCJSqlParser parser =
                CCJSqlParserUtil.newParser(sql)
                        .withTimeOut(PARSE_TIMEOUT_MS)
                        .withAllowComplexParsing(complex);
        return CCJSqlParserUtil.parseStatement(parser, parserThreads);
    }

    public CacheStats stats() {
        return cache.stats();
    }

    public long size() {
        return cache.estimatedSize();
    }

    public void clear() {
        cache.invalidateAll();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unparseable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
