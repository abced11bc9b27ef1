package dev.lakeproxy.odpsemu;

import java.util.Date;
import java.util.Map;

/** One submitted job (an instance with one SQL task), an MCQA session, or one of its sub queries. */
public final class InstanceRecord {

    public final String id;
    final String project;
    final String taskName;
    final String sql;
    final Map<String, String> settings;
    final User user;
    final Date start = new Date();
    public Date end;
    public JobResult result;
    public String error;

    /** The MCQA session this instance runs (its SQLRT task), or null for an SQL job. */
    public SqlRtSession session;

    /** For a sub query of an MCQA session: its id in the session (the instance is the session). */
    int subQueryId = -1;

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
