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
package dev.lakeproxy.odpsemu;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast the emulated service answers, for tests and benchmarks that need a real service's time:
 * a latency before every request is answered (a region's endpoint is tens of milliseconds away),
 * and how long each SQL job stays Running before it runs (so that a query timeout or a cancel can
 * stop it, as MaxCompute's KILL does). It also counts the requests served. Both times are 0 by
 * default: answers and jobs are immediate.
 */
public final class ServicePace {

    private volatile long latencyNanos;
    private volatile long jobRunNanos;
    private final AtomicLong requests = new AtomicLong();

    ServicePace(Duration latency, Duration jobRunTime) {
        latency(latency);
        jobRunTime(jobRunTime);
    }

    void latency(Duration latency) {
        latencyNanos = latency.toNanos();
    }

    void jobRunTime(Duration runTime) {
        jobRunNanos = runTime.toNanos();
    }

    /** How long a job stays Running before it runs; 0 runs it as it is submitted. */
    public long jobRunMillis() {
        return jobRunNanos / 1_000_000;
    }

    /**
     * Counts a request and waits the latency, in the request's own thread (requests wait in
     * parallel).
     */
    public void requestArrived() {
        requests.incrementAndGet();
        long wait = latencyNanos;
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long requests() {
        return requests.get();
    }
}
