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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An MCQA session: the SQLRT task of an instance that stays {@code Running} and runs sub queries
 * until it is stopped. Each sub query is kept as an {@link InstanceRecord} (its text, settings,
 * result or error) under its sub query id.
 */
public final class SqlRtSession {

    /** Sub query status codes of odps-sdk-core's {@code Session} (OBJECT_STATUS_*). */
    static final int RUNNING = 2;

    static final int FAILED = 4;
    static final int TERMINATED = 5;

    final String taskName;

    /** The task's {@code settings}: they apply to every sub query, under its own settings. */
    final Map<String, String> settings;

    /**
     * Why attaching failed ({@code odps.sql.session.share.id} names no running session), or null.
     */
    final String attachError;

    private final List<InstanceRecord> queries = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    SqlRtSession(String taskName, Map<String, String> settings, String attachError) {
        this.taskName = taskName;
        this.settings = settings;
        this.attachError = attachError;
    }

    public boolean running() {
        return attachError == null && !stopped;
    }

    void stop() {
        stopped = true;
    }

    /** The name other clients attach to ({@code odps.sql.session.name}), or null. */
    String name() {
        return settings.get("odps.sql.session.name");
    }

    /** Registers a sub query; its id is its position (0, 1, ...). */
    synchronized int add(InstanceRecord query) {
        queries.add(query);
        return queries.size() - 1;
    }

    /** The sub query with this id, or null. */
    public InstanceRecord query(int id) {
        return id >= 0 && id < queries.size() ? queries.get(id) : null;
    }

    /** The latest sub query (what a tunnel request without {@code queryid} reads), or null. */
    public InstanceRecord current() {
        return queries.isEmpty() ? null : queries.get(queries.size() - 1);
    }

    /** The SDK's status code of a finished sub query. */
    static int statusOf(InstanceRecord query) {
        return query.error == null ? TERMINATED : FAILED;
    }
}
