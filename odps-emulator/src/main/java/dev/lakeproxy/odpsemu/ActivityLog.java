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

import dev.lakeproxy.odpsemu.rest.InstanceRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What reached the emulator, oldest first, for tests to assert on: the jobs submitted over HTTP
 * and every write to a Tablestore external table.
 */
public final class ActivityLog {

    private final Queue<InstanceRecord> jobs = new ConcurrentLinkedQueue<>();
    private final List<TablestoreWriteReport> tablestoreWrites = new CopyOnWriteArrayList<>();

    public void recordJob(InstanceRecord rec) {
        jobs.add(rec);
    }

    void recordTablestoreWrite(TablestoreWriteReport r) {
        tablestoreWrites.add(r);
    }

    List<SubmittedJob> jobs() {
        List<SubmittedJob> out = new ArrayList<>();
        for (InstanceRecord r : jobs) {
            out.add(new SubmittedJob(r));
        }
        return out;
    }

    List<String> submittedSql() {
        List<String> out = new ArrayList<>();
        for (InstanceRecord r : jobs) {
            out.add(r.sql);
        }
        return out;
    }

    void clearJobs() {
        jobs.clear();
    }

    /**
     * The jobs recorded so far, removed from the log; one recorded meanwhile stays for the next
     * drain.
     */
    List<SubmittedJob> drainJobs() {
        List<SubmittedJob> out = new ArrayList<>();
        for (InstanceRecord r = jobs.poll(); r != null; r = jobs.poll()) {
            out.add(new SubmittedJob(r));
        }
        return out;
    }

    void clearTablestoreWrites() {
        tablestoreWrites.clear();
    }

    List<TablestoreWriteReport> tablestoreWrites() {
        return Collections.unmodifiableList(new ArrayList<>(tablestoreWrites));
    }
}
