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
package dev.lakeproxy.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every JUL record, from every logger, at the given level; close() restores the levels.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level oldLevel = root.getLevel();
    private final SimpleFormatter formatter = new SimpleFormatter();

    public LogCapture(Level level) {
        setLevel(level);
        root.setLevel(level);
        for (String name : new String[] {"dev.lakeproxy", "org.postgresql"}) {
            Logger.getLogger(name).setLevel(level);
        }
        root.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(formatter.format(record) + " [logger " + record.getLoggerName() + "]");
    }

    /** Every record, fully formatted (message, parameters and stack trace). */
    public List<String> lines() {
        return lines;
    }

    public boolean contains(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(oldLevel);
        for (String name : new String[] {"dev.lakeproxy", "org.postgresql"}) {
            Logger.getLogger(name).setLevel(null);
        }
    }
}
