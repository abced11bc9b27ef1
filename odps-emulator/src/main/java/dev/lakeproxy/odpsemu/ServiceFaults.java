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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test hooks that make a fault hit an exact request of the service: the answer to a job submission
 * lost after the job was created, a 5xx while a client polls a job, a slow table-metadata answer, a
 * tunnel stream cut after some bytes. Each armed fault fires on the next requests of its {@link
 * RequestKind} (once by default), whatever the connection. Every request is counted by kind. A
 * fault that has nothing to do with the request (a dropped or frozen connection) belongs to a TCP
 * fault proxy in front of the emulator; the tunnel endpoint the emulator reports is the address the
 * client used, so a proxy carries the tunnel traffic too.
 */
public final class ServiceFaults {

    /** What happens to a request that a fault hits. */
    public enum Fault {
        /**
         * The connection closes before the request is handled: nothing happened, the client reads
         * EOF.
         */
        DROP_BEFORE,
        /**
         * The request is handled (a submitted job is created and runs), then the connection closes
         * unanswered.
         */
        DROP_AFTER,
        /**
         * The request is answered with an error status (and MaxCompute's error document),
         * unhandled.
         */
        STATUS,
        /**
         * The request is handled, and answered after a delay (a submitted job exists and has run
         * meanwhile).
         */
        DELAY,
        /**
         * The answer's headers promise the whole body, a part of it is sent, and the connection
         * closes.
         */
        CUT_BODY
    }

    /**
     * An armed fault: its kind, what it does, its parameter (a status, milliseconds, bytes) and how
     * often.
     */
    public static final class Armed {
        public final RequestKind kind;
        public final Fault fault;
        public final long parameter;
        private final AtomicInteger left;

        Armed(RequestKind kind, Fault fault, long parameter, int times) {
            this.kind = kind;
            this.fault = fault;
            this.parameter = parameter;
            this.left = new AtomicInteger(times);
        }
    }

    private final List<Armed> armed = new CopyOnWriteArrayList<>();
    private final Map<RequestKind, AtomicLong> counts = new EnumMap<>(RequestKind.class);
    private final AtomicLong fired = new AtomicLong();

    ServiceFaults() {
        for (RequestKind k : RequestKind.values()) {
            counts.put(k, new AtomicLong());
        }
    }

    /**
     * The next {@code times} requests of {@code kind} get the connection closed before they are
     * handled.
     */
    public ServiceFaults dropBeforeHandling(RequestKind kind, int times) {
        return arm(kind, Fault.DROP_BEFORE, 0, times);
    }

    /**
     * The next {@code times} requests of {@code kind} are handled, and then left unanswered
     * (connection closed).
     */
    public ServiceFaults dropAfterHandling(RequestKind kind, int times) {
        return arm(kind, Fault.DROP_AFTER, 0, times);
    }

    /**
     * The next {@code times} requests of {@code kind} are answered with {@code status} (for example
     * 503).
     */
    public ServiceFaults answerStatus(RequestKind kind, int status, int times) {
        return arm(kind, Fault.STATUS, status, times);
    }

    /**
     * The next {@code times} requests of {@code kind} are handled and answered {@code delay} later.
     */
    public ServiceFaults delay(RequestKind kind, Duration delay, int times) {
        return arm(kind, Fault.DELAY, delay.toMillis(), times);
    }

    /**
     * The next {@code times} answers to {@code kind} stop after {@code bytes} bytes of their body.
     */
    public ServiceFaults cutBody(RequestKind kind, int bytes, int times) {
        return arm(kind, Fault.CUT_BODY, bytes, times);
    }

    private ServiceFaults arm(RequestKind kind, Fault fault, long parameter, int times) {
        armed.add(new Armed(kind, fault, parameter, times));
        return this;
    }

    /** Requests of {@code kind} received since the emulator started. */
    public long requests(RequestKind kind) {
        return counts.get(kind).get();
    }

    /** How many faults have fired since the emulator started. */
    public long fired() {
        return fired.get();
    }

    /** Disarms every fault not yet fired. */
    public void clear() {
        armed.clear();
    }

    /**
     * Counts a request and returns the fault it gets, or {@code null} (nearly always: nothing
     * armed).
     */
    public Armed arrived(RequestKind kind) {
        counts.get(kind).incrementAndGet();
        if (armed.isEmpty()) {
            return null;
        }
        for (Armed a : armed) {
            if (a.kind == kind && a.left.get() > 0 && a.left.getAndDecrement() > 0) {
                if (a.left.get() <= 0) {
                    armed.remove(a);
                }
                fired.incrementAndGet();
                return a;
            }
        }
        return null;
    }
}
