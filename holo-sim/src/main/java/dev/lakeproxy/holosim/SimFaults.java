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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Test hooks that make a fault hit an exact moment of a session: the statement a client sends whose
 * text matches a pattern (as the client wrote it, simple or extended protocol) gets the fault, for
 * example {@code sim.faults().on("SET hg_experimental_enable_access_odps_orc_via_holo",
 * Fault.DROP_AFTER_ANSWER)}: the setting takes effect, the client reads its answer, and the
 * connection drops before the next statement. Each armed fault fires a given number of times (once
 * by default), on whichever connection sends a match first. A dropped connection ends its
 * PostgreSQL session, as a real one would. Faults that do not depend on the statement (latency, a
 * whole server that freezes) belong to a TCP fault proxy in front of the simulator.
 */
public final class SimFaults {

    /** What happens to the connection that sent a matching statement. */
    public enum Fault {
        /** The connection is closed instead of passing the statement on: it never ran. */
        DROP_BEFORE,
        /**
         * The statement runs; its answer is swallowed and the connection closed: it ran, the client
         * reads EOF.
         */
        DROP_WITHOUT_ANSWER,
        /**
         * The statement runs and is answered, then the connection is closed: the client's next
         * statement fails.
         */
        DROP_AFTER_ANSWER,
        /**
         * Nothing moves on the connection any more and nothing is closed: a blackhole from that
         * statement on.
         */
        FREEZE,
        /**
         * The statement fails with SQLSTATE XX000 instead of running (PostgreSQL itself raises the
         * error, so a transaction block aborts as it would). For statements without parameters.
         */
        FAIL
    }

    /** The text PostgreSQL runs in place of a statement that is made to {@link Fault#FAIL}. */
    static final String FAILING_SQL =
            "DO $hg_sim_fault$ BEGIN RAISE EXCEPTION USING ERRCODE = 'XX000', MESSAGE = 'holo-sim:"
                + " injected failure of this statement'; END $hg_sim_fault$";

    private static final class Armed {
        final Pattern pattern;
        final Fault fault;
        final AtomicInteger left;

        Armed(Pattern pattern, Fault fault, int times) {
            this.pattern = pattern;
            this.fault = fault;
            this.left = new AtomicInteger(times);
        }
    }

    private final List<Armed> armed = new CopyOnWriteArrayList<>();
    private final AtomicLong fired = new AtomicLong();

    SimFaults() {}

    /**
     * Arms {@code fault} for the next statement whose text contains a match of {@code regex}
     * (case-insensitive).
     */
    public SimFaults on(String regex, Fault fault) {
        return on(regex, fault, 1);
    }

    /** Arms {@code fault} for the next {@code times} matching statements. */
    public SimFaults on(String regex, Fault fault, int times) {
        armed.add(new Armed(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), fault, times));
        return this;
    }

    /** How many faults have fired since the simulator started. */
    public long fired() {
        return fired.get();
    }

    /** Disarms every fault not yet fired. */
    public void clear() {
        armed.clear();
    }

    /**
     * The fault for a statement the client sent, or {@code null} (nearly always: nothing armed).
     */
    Fault take(String sql) {
        if (armed.isEmpty()) {
            return null;
        }
        for (Armed a : armed) {
            if (a.left.get() > 0 && a.pattern.matcher(sql).find() && a.left.getAndDecrement() > 0) {
                if (a.left.get() <= 0) {
                    armed.remove(a);
                }
                fired.incrementAndGet();
                return a.fault;
            }
        }
        return null;
    }
}
