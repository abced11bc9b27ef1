package dev.lakeproxy.odpsemu;

import java.util.Date;
import java.util.Map;

/** One submitted job (an instance with one SQL task). */
final class InstanceRecord {

    final String id;
    final String project;
    final String taskName;
    final String sql;
    final Map<String, String> settings;
    final User user;
    final Date start = new Date();
    Date end;
    JobResult result;
    String error;

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
