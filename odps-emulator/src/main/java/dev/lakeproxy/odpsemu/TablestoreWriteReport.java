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
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one INSERT into a Tablestore external table did, writer by writer: how many rows and
 * BatchWriteRow requests each simulated writer sent and which Tablestore partitions (ranges of the
 * first primary-key column) it touched. Sorted input written in input order puts each writer on one
 * partition; {@code DISTRIBUTE BY rand()} spreads every writer over many.
 */
public final class TablestoreWriteReport {

    /** One simulated writer's share of the write. */
    public static final class Writer {
        private final int index;
        private final int rows;
        private final int batches;
        private final Set<String> partitions;

        Writer(int index, int rows, int batches, Set<String> partitions) {
            this.index = index;
            this.rows = rows;
            this.batches = batches;
            this.partitions = Collections.unmodifiableSet(new LinkedHashSet<>(partitions));
        }

        public int index() {
            return index;
        }

        public int rows() {
            return rows;
        }

        public int batches() {
            return batches;
        }

        /** Partition labels touched by this writer. */
        public Set<String> partitions() {
            return partitions;
        }

        public int partitionCount() {
            return partitions.size();
        }

        @Override
        public String toString() {
            return "writer "
                    + index
                    + ": rows="
                    + rows
                    + ", batches="
                    + batches
                    + ", partitions="
                    + partitions;
        }
    }

    private final String table;
    private final String tablestoreTable;
    private final String distributeBy;
    private final List<Writer> writers = new ArrayList<>();

    /** A report the emulator's Tablestore writers fill in ({@code external.TablestoreWriters}). */
    public TablestoreWriteReport(String table, String tablestoreTable, String distributeBy) {
        this.table = table;
        this.tablestoreTable = tablestoreTable;
        this.distributeBy = distributeBy;
    }

    /** One writer's share, as the writers finish. */
    public void add(int index, int rows, int batches, Set<String> partitions) {
        writers.add(new Writer(index, rows, batches, partitions));
    }

    /** The external table, {@code project.schema.table}. */
    public String table() {
        return table;
    }

    public String tablestoreTable() {
        return tablestoreTable;
    }

    /** The query's DISTRIBUTE BY expression, or null when rows were dealt in input order. */
    public String distributeBy() {
        return distributeBy;
    }

    public List<Writer> writers() {
        return Collections.unmodifiableList(writers);
    }

    /** The largest number of partitions any single writer touched. */
    public int maxPartitionsPerWriter() {
        int m = 0;
        for (Writer w : writers) {
            m = Math.max(m, w.partitionCount());
        }
        return m;
    }

    /** Partitions touched across all writers. */
    public Set<String> allPartitions() {
        Set<String> all = new LinkedHashSet<>();
        for (Writer w : writers) {
            all.addAll(w.partitions());
        }
        return all;
    }

    @Override
    public String toString() {
        return "TablestoreWriteReport{"
                + table
                + " -> "
                + tablestoreTable
                + ", distributeBy="
                + distributeBy
                + ", "
                + writers
                + "}";
    }
}
