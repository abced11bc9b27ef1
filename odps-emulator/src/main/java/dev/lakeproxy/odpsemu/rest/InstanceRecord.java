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
