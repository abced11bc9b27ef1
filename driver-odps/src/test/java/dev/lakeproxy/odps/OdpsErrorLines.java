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
package dev.lakeproxy.odps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The ERROR lines odps-jdbc logs while this is open (its "getX is not supported!!!" among them).
 * odps-jdbc logs through SLF4J; on the test class path slf4j-jdk14 hands its lines to
 * java.util.logging, where ERROR is SEVERE, under the loggers of package {@code com.aliyun.odps}.
 */
final class OdpsErrorLines implements AutoCloseable {

    /** Held here: java.util.logging drops a logger nobody references, and its handlers with it. */
    private static final Logger ODPS = Logger.getLogger("com.aliyun.odps");

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                lines.add(r.getLoggerName() + ": " + r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private OdpsErrorLines() {
        ODPS.addHandler(handler);
    }

    /** Starts counting; refuses when SLF4J would not reach java.util.logging (nothing to count). */
    static OdpsErrorLines capture() {
        String binding = org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName();
        if (!binding.startsWith("org.slf4j.jul.")) {
            throw new IllegalStateException("SLF4J is bound to " + binding + ", not to JUL");
        }
        return new OdpsErrorLines();
    }

    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    @Override
    public void close() {
        ODPS.removeHandler(handler);
    }
}
