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
package dev.lakeproxy.odpsemu.rest;

import dev.lakeproxy.odpsemu.JobResult;
import dev.lakeproxy.odpsemu.User;
import java.util.Date;
import java.util.Map;

/**
 * One submitted job (an instance with one SQL task), an MCQA session, or one of its sub queries.
 */
public final class InstanceRecord {

    public final String id;
    public final String project;
    public final String taskName;
    public final String sql;
    public final Map<String, String> settings;
    public final User user;
    final Date start = new Date();
    public Date end;
    public JobResult result;
    public String error;

    /**
     * Waiting out the emulator's job run time: its status is Running until it has run or was
     * stopped.
     */
    public volatile boolean running;

    /** Stopped (Instance.stop, KILL) while Running: it ended as Cancelled and wrote nothing. */
    public volatile boolean cancelled;

    /**
     * The task property {@code uuid} the SDK sets, a new one for every submission; null when
     * absent.
     */
    public String uuid;

    /** The MCQA session this instance runs (its SQLRT task), or null for an SQL job. */
    public SqlRtSession session;

    /** For a sub query of an MCQA session: its id in the session (the instance is the session). */
    public int subQueryId = -1;

    InstanceRecord(
            String id,
            String project,
            String taskName,
            String sql,
            Map<String, String> settings,
            User user) {
        this.id = id;
        this.project = project;
        this.taskName = taskName;
        this.sql = sql;
        this.settings = settings;
        this.user = user;
    }
}
