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

import dev.lakeproxy.odpsemu.ActivityLog;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.JobContext;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.ServicePace;
import dev.lakeproxy.odpsemu.SqlEngine;
import dev.lakeproxy.odpsemu.Tenant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the SQL of a job (an SQL task, or an MCQA sub query) on the engine with the job's settings,
 * and keeps its result or its error text in the record. The same rules and the same one-transaction
 * atomicity apply whichever way the SQL arrived. With a job run time ({@link ServicePace}), a job
 * stays Running that long before it runs, and a stop in that time cancels it: it writes nothing, as
 * MaxCompute commits a job's output only when the job succeeds.
 */
final class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    private static final ScheduledExecutorService LATER =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "odps-emulator-jobs");
                        t.setDaemon(true);
                        return t;
                    });

    private final SqlEngine engine;
    private final Tenant tenant;
    private final ActivityLog log;
    private final ServicePace pace;

    /**
     * @param tenant its {@code odps.namespace.schema} applies to jobs without the setting
     * @param log every job is recorded before it runs
     */
    JobRunner(SqlEngine engine, Tenant tenant, ActivityLog log, ServicePace pace) {
        this.engine = engine;
        this.tenant = tenant;
        this.log = log;
        this.pace = pace;
    }

    /** Records the job and runs it: now, or after the job run time unless it is stopped first. */
    void run(Project p, InstanceRecord rec) {
        log.recordJob(rec);
        long wait = pace.jobRunMillis();
        if (wait <= 0) {
            execute(p, rec);
            return;
        }
        rec.running = true;
        LATER.schedule(
                () -> {
                    synchronized (rec) {
                        if (rec.cancelled) {
                            return;
                        }
                        execute(p, rec);
                        rec.running = false;
                    }
                },
                wait,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Stops a job (KILL): one still Running ends as Cancelled and writes nothing; one that has run
     * keeps its outcome, as a KILL that arrives after the last checkpoint does.
     */
    void stop(InstanceRecord rec) {
        synchronized (rec) {
            if (rec.running && !rec.cancelled) {
                rec.cancelled = true;
                rec.running = false;
                rec.error =
                        "ODPS-0130071:Instance " + rec.id + " was stopped by its owner (Cancelled)";
                rec.end = new Date();
            }
        }
    }

    /** Runs the job's SQL and keeps its result or its error in the record. */
    private void execute(Project p, InstanceRecord rec) {
        try {
            rec.result = engine.run(context(p, rec), rec.sql);
        } catch (OdpsSqlException e) {
            rec.error = e.getMessage();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job failed in the emulator", e);
            rec.error = "ODPS-0010000:System internal error - " + e;
        }
        rec.end = new Date();
    }

    /** Schema ({@code odps.default.schema}) and name resolution from the job's settings. */
    private JobContext context(Project p, InstanceRecord rec) {
        String schema = rec.settings.getOrDefault("odps.default.schema", "default");
        if (schema == null || schema.isEmpty() || schema.equals("null")) {
            schema = "default";
        }
        boolean namespace =
                Boolean.parseBoolean(
                        rec.settings.getOrDefault(
                                "odps.namespace.schema",
                                String.valueOf(tenant.namespaceSchema())));
        JobContext ctx =
                new JobContext(
                        p,
                        schema.toLowerCase(Locale.ROOT),
                        namespace,
                        rec.user,
                        new LinkedHashMap<>(rec.settings));
        if (!p.schemas.containsKey(ctx.schema)) {
            throw new OdpsSqlException(
                    "ODPS-0110061",
                    "Failed to run ddltask - Schema not found - '"
                            + p.name
                            + "."
                            + ctx.schema
                            + "'");
        }
        return ctx;
    }
}
