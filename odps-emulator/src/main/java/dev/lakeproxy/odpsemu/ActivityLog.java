package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.rest.InstanceRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What reached the emulator, oldest first, for tests to assert on: the jobs submitted over HTTP
 * and every write to a Tablestore external table.
 */
public final class ActivityLog {

    private final List<InstanceRecord> jobs = new CopyOnWriteArrayList<>();
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

    List<TablestoreWriteReport> tablestoreWrites() {
        return Collections.unmodifiableList(new ArrayList<>(tablestoreWrites));
    }
}
