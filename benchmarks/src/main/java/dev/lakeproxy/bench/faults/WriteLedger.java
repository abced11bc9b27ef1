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

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writes of a load run, by key: every write gets a key never used before, the keys the driver
 * acknowledged are kept (a bit each, so the ledger stays small however long the run), and at the
 * end the keys the server holds are compared with them: a key acknowledged but absent is a lost
 * write, a key present twice a write that ran twice.
 */
final class WriteLedger {

    private final AtomicLong next = new AtomicLong(1);
    private final BitSet acknowledged = new BitSet();
    private final BitSet present = new BitSet();
    private long duplicated;

    long newKey() {
        return next.getAndIncrement();
    }

    synchronized void acknowledged(long key) {
        acknowledged.set((int) key);
    }

    /** The server holds {@code key}, {@code times} times. */
    synchronized void present(long key, long times) {
        if (present.get((int) key)) {
            duplicated += times;
        } else {
            present.set((int) key);
            duplicated += times - 1;
        }
    }

    /** A key seen again where it should have been seen once (a job submitted twice, say). */
    synchronized void duplicated() {
        duplicated++;
    }

    synchronized void fill(LoadReport report) {
        BitSet lost = (BitSet) acknowledged.clone();
        lost.andNot(present);
        report.acknowledgedWrites = acknowledged.cardinality();
        report.lostWrites = lost.cardinality();
        report.duplicatedWrites = duplicated;
    }
}
