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

import dev.lakeproxy.testing.FaultProxy;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One load run: worker threads run a workload's operations for a while (each borrows a pooled
 * connection), while the fault proxy drops a random connection every few seconds. Every operation
 * is timed, every failure counted by SQLState, and a watchdog counts operations that run past the
 * hang bound; the heap is measured after a full GC once the run is warm and again at its end.
 */
final class LoadRun {

    /**
     * What the workers run, against a stand-in behind a fault proxy; the workload also keeps the
     * accounts that only it can check. Closing it stops the pool, the proxy and the stand-in.
     */
    interface Workload extends AutoCloseable {
        /**
         * One operation (one or more statements) on a borrowed connection; returns how many
         * statements ran.
         */
        int step(int thread, Random random) throws SQLException;

        /**
         * Counts and drops what the stand-in logged (reads, jobs), so that long runs keep a flat
         * heap.
         */
        void harvest();

        /** The fault proxy between the pool and the stand-in. */
        FaultProxy proxy();

        /** Compares what the stand-in holds with what was acknowledged, into the report. */
        void verify(LoadReport report) throws SQLException;
    }

    private final int threads;
    private final Duration duration;
    private final Duration dropEvery;
    private final Duration hangAfter;

    LoadRun(int threads, Duration duration, Duration dropEvery, Duration hangAfter) {
        this.threads = threads;
        this.duration = duration;
        this.dropEvery = dropEvery;
        this.hangAfter = hangAfter;
    }

    /** Runs {@code workload}, verifies what the stand-in holds, and fills {@code report}. */
    void run(Workload workload, LoadReport report) throws InterruptedException, SQLException {
        FaultProxy proxy = workload.proxy();
        LatencyHistogram latencies = new LatencyHistogram();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        Map<String, String> samples = new ConcurrentHashMap<>();
        LongAdder statements = new LongAdder();
        AtomicLongArray started = new AtomicLongArray(threads);
        AtomicLongArray flagged = new AtomicLongArray(threads);
        AtomicLong hung = new AtomicLong();
        AtomicLong drops = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ScheduledExecutorService chores =
                Executors.newScheduledThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "fault-load-chores");
                            t.setDaemon(true);
                            return t;
                        });
        scheduleDrops(chores, proxy, drops, end);
        chores.scheduleWithFixedDelay(workload::harvest, 1, 1, TimeUnit.SECONDS);
        chores.scheduleWithFixedDelay(
                () -> watch(started, flagged, hung), 250, 250, TimeUnit.MILLISECONDS);
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int thread = i;
            workers[i] =
                    new Thread(
                            () ->
                                    work(
                                            workload,
                                            thread,
                                            end,
                                            started,
                                            latencies,
                                            errors,
                                            samples,
                                            statements),
                            "fault-load-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }
        long warm = Math.min(duration.toMillis() / 5, 30_000);
        Thread.sleep(warm);
        report.heapStartMb = heapAfterFullGc();
        for (Thread w : workers) {
            w.join(
                    Math.max(
                            1,
                            TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())
                                    + hangAfter.toMillis()));
            if (w.isAlive()) {
                hung.incrementAndGet(); // still inside an operation long after the run ended
            }
        }
        chores.shutdownNow();
        workload.harvest();
        report.heapEndMb = heapAfterFullGc();
        report.seconds = duration.toSeconds();
        report.operations = latencies.count();
        report.statements = statements.sum();
        errors.forEach((state, n) -> report.errors.put(state, n.sum()));
        report.samples.putAll(samples);
        report.hung = hung.get();
        report.drops = drops.get();
        report.p50Millis = latencies.percentileMillis(0.50);
        report.p99Millis = latencies.percentileMillis(0.99);
        workload.verify(report);
    }

    private void scheduleDrops(
            ScheduledExecutorService chores, FaultProxy proxy, AtomicLong drops, long end) {
        long every = dropEvery.toMillis();
        if (every <= 0) {
            return;
        }
        Runnable drop =
                new Runnable() {
                    @Override
                    public void run() {
                        if (System.nanoTime() >= end) {
                            return;
                        }
                        if (proxy.dropOne()) {
                            drops.incrementAndGet();
                        }
                        long next =
                                every / 2
                                        + ThreadLocalRandom.current()
                                                .nextLong(every); // every few seconds
                        chores.schedule(this, next, TimeUnit.MILLISECONDS);
                    }
                };
        chores.schedule(drop, every, TimeUnit.MILLISECONDS);
    }

    private static void work(
            Workload workload,
            int thread,
            long end,
            AtomicLongArray started,
            LatencyHistogram latencies,
            Map<String, LongAdder> errors,
            Map<String, String> samples,
            LongAdder statements) {
        Random random = new Random(thread * 7919L);
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            started.set(thread, t0);
            try {
                statements.add(workload.step(thread, random));
                latencies.record(System.nanoTime() - t0);
            } catch (SQLException e) {
                failed(String.valueOf(e.getSQLState()), e, errors, samples);
            } catch (RuntimeException e) {
                failed("unchecked " + e.getClass().getName(), e, errors, samples);
            } finally {
                started.set(thread, 0);
            }
        }
    }

    /**
     * Counts a failure by its SQLState (or class), keeping the first message of each for the
     * report.
     */
    private static void failed(
            String key, Exception e, Map<String, LongAdder> errors, Map<String, String> samples) {
        errors.computeIfAbsent(key, k -> new LongAdder()).increment();
        samples.putIfAbsent(key, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** An operation running past the hang bound is counted once. */
    private void watch(AtomicLongArray started, AtomicLongArray flagged, AtomicLong hung) {
        long now = System.nanoTime();
        for (int i = 0; i < started.length(); i++) {
            long s = started.get(i);
            if (s != 0 && now - s > hangAfter.toNanos() && flagged.get(i) != s) {
                flagged.set(i, s);
                hung.incrementAndGet();
            }
        }
    }

    static long heapAfterFullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
