package dev.lakeproxy.odpsemu.rest;

import dev.lakeproxy.odpsemu.ActivityLog;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.JobContext;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.SqlEngine;
import dev.lakeproxy.odpsemu.Tenant;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the SQL of a job (an SQL task, or an MCQA sub query) on the engine with the job's settings,
 * and keeps its result or its error text in the record. The same rules and the same one-transaction
 * atomicity apply whichever way the SQL arrived.
 */
final class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final SqlEngine engine;
    private final Tenant tenant;
    private final ActivityLog log;

    /**
     * @param tenant its {@code odps.namespace.schema} applies to jobs without the setting
     * @param log every job is recorded before it runs
     */
    JobRunner(SqlEngine engine, Tenant tenant, ActivityLog log) {
        this.engine = engine;
        this.tenant = tenant;
        this.log = log;
    }

    /** Records the job, runs it, and keeps its result or its error in the record. */
    void run(Project p, InstanceRecord rec) {
        log.recordJob(rec);
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
