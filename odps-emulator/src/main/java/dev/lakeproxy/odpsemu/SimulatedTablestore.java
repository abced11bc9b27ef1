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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated Tablestore instance: tables of rows keyed by primary key, each row a map of attribute
 * columns. MaxCompute writes upsert and touch only the attributes they map.
 *
 * <p>Partitions: Tablestore splits a table into partitions by ranges of the first primary-key
 * column. Here the ranges are given by {@link #createTable(String, List)} split points, or, when
 * none are given, BIGINT keys fall in ranges of {@link #DEFAULT_RANGE_WIDTH} values and STRING or
 * BINARY keys are ranged by their first character (byte).
 */
public final class SimulatedTablestore {

    /** Default width of a BIGINT first-primary-key partition range. */
    public static final long DEFAULT_RANGE_WIDTH = 100;

    /** One stored row: its primary key values (in key order) and its attribute columns. */
    public static final class Row {
        private final List<Object> primaryKey;
        private final Map<String, Object> attributes;

        Row(List<Object> primaryKey, Map<String, Object> attributes) {
            this.primaryKey = Collections.unmodifiableList(new ArrayList<>(primaryKey));
            this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        public List<Object> primaryKey() {
            return primaryKey;
        }

        public Map<String, Object> attributes() {
            return attributes;
        }

        @Override
        public String toString() {
            return primaryKey + " " + attributes;
        }
    }

    static final class Table {
        final String name;
        final List<Object> splitPoints;
        final TreeMap<List<Object>, Map<String, Object>> rows =
                new TreeMap<>(SimulatedTablestore::compareKeys);
        final AtomicLong version = new AtomicLong();

        Table(String name, List<Object> splitPoints) {
            this.name = name;
            this.splitPoints = new ArrayList<>(splitPoints);
            this.splitPoints.sort(SimulatedTablestore::compareValues);
        }
    }

    private final String instanceName;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    SimulatedTablestore(String instanceName) {
        this.instanceName = instanceName;
    }

    /** The instance name used in {@code LOCATION 'tablestore://<instance>.<region>...'}. */
    public String instanceName() {
        return instanceName;
    }

    /** Creates a Tablestore table (MaxCompute never creates one) with default partition ranges. */
    public void createTable(String name) {
        createTable(name, Collections.emptyList());
    }

    /** Creates a Tablestore table whose partitions start at the given first-primary-key values. */
    public void createTable(String name, List<?> splitPoints) {
        tables.put(key(name), new Table(name, new ArrayList<>(splitPoints)));
    }

    public boolean tableExists(String name) {
        return tables.containsKey(key(name));
    }

    public void dropTable(String name) {
        tables.remove(key(name));
    }

    /** The rows of a table in primary-key order. */
    public List<Row> rows(String table) {
        Table t = table(table);
        synchronized (t) {
            List<Row> out = new ArrayList<>();
            t.rows.forEach((k, v) -> out.add(new Row(k, v)));
            return out;
        }
    }

    /** Puts a row directly (as another Tablestore client would), replacing the row. */
    public void putRow(String table, List<?> primaryKey, Map<String, ?> attributes) {
        Table t = table(table);
        synchronized (t) {
            t.rows.put(new ArrayList<>(primaryKey), new LinkedHashMap<>(attributes));
            t.version.incrementAndGet();
        }
    }

    Table table(String name) {
        Table t = tables.get(key(name));
        if (t == null) {
            throw new IllegalArgumentException("Tablestore table does not exist: " + name);
        }
        return t;
    }

    /**
     * Writes a row as MaxCompute's writers do, an upsert: sets the given attributes (a null value
     * deletes the attribute) and keeps the rest.
     */
    public void upsert(String table, List<?> primaryKey, Map<String, ?> attributes) {
        Table t = table(table);
        synchronized (t) {
            Map<String, Object> row =
                    t.rows.computeIfAbsent(new ArrayList<>(primaryKey), k -> new LinkedHashMap<>());
            for (Map.Entry<String, ?> e : attributes.entrySet()) {
                if (e.getValue() == null) {
                    row.remove(e.getKey());
                } else {
                    row.put(e.getKey(), e.getValue());
                }
            }
            t.version.incrementAndGet();
        }
    }

    /** The partition (range) label of a table that a first primary-key value falls in. */
    public String partitionOf(String table, Object firstKey) {
        return partitionOf(table(table), firstKey);
    }

    private static String partitionOf(Table t, Object first) {
        if (!t.splitPoints.isEmpty()) {
            int idx = 0;
            for (Object sp : t.splitPoints) {
                if (compareValues(first, sp) >= 0) {
                    idx++;
                }
            }
            return "p" + idx;
        }
        if (first instanceof Number) {
            return "r" + Math.floorDiv(((Number) first).longValue(), DEFAULT_RANGE_WIDTH);
        }
        if (first instanceof byte[]) {
            byte[] b = (byte[]) first;
            return b.length == 0 ? "b" : "b" + (b[0] & 0xff);
        }
        String s = String.valueOf(first);
        return s.isEmpty() ? "s" : "s" + s.codePointAt(0);
    }

    /** Tablestore's primary-key order: value by value, numbers by value, binary unsigned. */
    public static int compareKeys(List<?> a, List<?> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static int compareValues(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        if (a instanceof byte[] && b instanceof byte[]) {
            return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
