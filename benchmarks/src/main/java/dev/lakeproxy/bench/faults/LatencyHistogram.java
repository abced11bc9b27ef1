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
package dev.lakeproxy.bench.faults;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Statement latencies in constant memory, for runs of any length: logarithmic buckets 5% wide, from
 * a microsecond to over an hour, counted without locks. Percentiles are read to within 5%.
 */
final class LatencyHistogram {

    private static final double GROWTH = 1.05;
    private static final int BUCKETS = 460; // 1.05^460 µs is about 5.6 hours

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        double micros = Math.max(1, nanos / 1_000.0);
        int bucket = (int) Math.min(BUCKETS - 1, Math.floor(Math.log(micros) / Math.log(GROWTH)));
        counts.incrementAndGet(bucket);
    }

    long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /**
     * The latency at {@code fraction} (0.5 for the median), in milliseconds; 0 when nothing was
     * recorded.
     */
    double percentileMillis(double fraction) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long wanted = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= wanted) {
                return Math.pow(GROWTH, i + 0.5) / 1_000.0; // the bucket's middle
            }
        }
        return Math.pow(GROWTH, BUCKETS) / 1_000.0;
    }
}
