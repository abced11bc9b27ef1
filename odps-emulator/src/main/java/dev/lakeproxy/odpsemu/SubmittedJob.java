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
import java.util.Map;

/** A job as it reached the server: so tests can assert exactly what a client submitted. */
public final class SubmittedJob {
    private final InstanceRecord rec;

    SubmittedJob(InstanceRecord rec) {
        this.rec = rec;
    }

    public String instanceId() {
        return rec.id;
    }

    public String project() {
        return rec.project;
    }

    public String taskName() {
        return rec.taskName;
    }

    /** The SQL text of the task, exactly as submitted. */
    public String sql() {
        return rec.sql;
    }

    /** The task's {@code settings} property (JSON map), e.g. {@code odps.namespace.schema}. */
    public Map<String, String> settings() {
        return rec.settings;
    }

    /** Principal of the submitting user, e.g. {@code acs:ram::1234567890123456:root}. */
    public String user() {
        return rec.user.principal();
    }

    /**
     * The SDK's per-submission task property {@code uuid}: a job submitted again by a client is a
     * new job with a different one (MaxCompute offers no idempotency key in SDK 0.43.3). Null when
     * the client sent none.
     */
    public String uuid() {
        return rec.uuid;
    }

    /** True when the SQL ran as a sub query of an MCQA session (interactive mode). */
    public boolean interactive() {
        return rec.subQueryId >= 0;
    }

    /** The sub query id in its MCQA session ({@link #instanceId()}), or -1 for an SQL job. */
    public int subQueryId() {
        return rec.subQueryId;
    }

    /** True once the task finished successfully. */
    public boolean succeeded() {
        return rec.end != null && rec.error == null;
    }

    /** The task's error text ({@code ODPS-...}), or null. */
    public String error() {
        return rec.error;
    }

    @Override
    public String toString() {
        return "SubmittedJob{"
                + rec.id
                + (rec.subQueryId >= 0 ? "#" + rec.subQueryId : "")
                + ", project="
                + rec.project
                + ", sql="
                + rec.sql
                + ", settings="
                + rec.settings
                + (rec.error != null ? ", error=" + rec.error : "")
                + "}";
    }
}
