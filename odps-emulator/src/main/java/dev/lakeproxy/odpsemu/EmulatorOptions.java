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
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@link MaxComputeEmulator.Builder}: every option has a default, so {@code
 * builder().start()} works.
 */
abstract class EmulatorOptions<B extends EmulatorOptions<B>> {
    String host = "127.0.0.1";
    int port = 0;
    String timezone = "UTC";
    int tablestoreWriters = 4;
    int tablestoreBatchRows = 100;
    boolean tenantNamespaceSchema = false;
    String accountUid = MaxComputeEmulator.DEFAULT_UID;
    String tablestoreInstance = "emulator-ots";
    final List<String> projects = new ArrayList<>();
    final List<String> threeTierProjects = new ArrayList<>();
    Duration requestLatency = Duration.ZERO;
    Duration jobRunTime = Duration.ZERO;
    int instanceRetention = 0;

    abstract B self();

    /** TCP port; 0 (the default) picks a free ephemeral port. */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /** Address to bind; 127.0.0.1 by default. */
    public B host(String host) {
        this.host = host;
        return self();
    }

    /**
     * Project time zone ({@code odps.sql.timezone}) used for DATETIME and TIMESTAMP; UTC by
     * default.
     */
    public B timezone(String zoneId) {
        timezone = zoneId;
        return self();
    }

    /** Number of simulated parallel Tablestore writers (default 4). */
    public B tablestoreWriters(int n) {
        tablestoreWriters = n;
        return self();
    }

    /** Rows per simulated BatchWriteRow request (default 100). */
    public B tablestoreBatchRows(int n) {
        tablestoreBatchRows = n;
        return self();
    }

    /**
     * The tenant's {@code odps.namespace.schema} answered on {@code GET /tenants} (default false).
     */
    public B tenantNamespaceSchema(boolean on) {
        tenantNamespaceSchema = on;
        return self();
    }

    /** The account uid shown in principals such as {@code acs:ram::<uid>:root}. */
    public B accountUid(String uid) {
        accountUid = uid;
        return self();
    }

    /** Name of the simulated Tablestore instance. */
    public B tablestoreInstance(String name) {
        tablestoreInstance = name;
        return self();
    }

    /**
     * A delay before each request is answered, as the network to a region's endpoint adds (0 by
     * default). Requests wait in parallel, as they do on the real service.
     */
    public B requestLatency(Duration latency) {
        requestLatency = latency;
        return self();
    }

    /**
     * How long each SQL job stays Running before it runs (0 by default: jobs run as they are
     * submitted). A stop in that time ({@code Instance.stop}, MaxCompute's KILL) ends the job as
     * Cancelled, and nothing it would have written is written.
     */
    public B jobRunTime(Duration runTime) {
        jobRunTime = runTime;
        return self();
    }

    /**
     * How many finished SQL job instances the emulator keeps answering for (0, the default: all of
     * them); older ones are forgotten, as MaxCompute forgets instances after their retention
     * period. For long runs, whose heap should stay flat.
     */
    public B instanceRetention(int instances) {
        instanceRetention = instances;
        return self();
    }

    /** A normal (two-tier) project to create at start. */
    public B project(String name) {
        projects.add(name);
        return self();
    }

    /** A three-tier (schema-enabled) project to create at start. */
    public B threeTierProject(String name) {
        threeTierProjects.add(name);
        return self();
    }
}
