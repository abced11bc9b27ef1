package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Project;
import java.util.Map;

/** Who runs a job, where (project, schema, name resolution), and with which settings. */
public final class JobContext {
    public final Project project;
    public String schema;
    public boolean namespace;
    public final User user;
    final Map<String, String> settings;

    public JobContext(
            Project project,
            String schema,
            boolean namespace,
            User user,
            Map<String, String> settings) {
        this.project = project;
        this.schema = schema;
        this.namespace = namespace;
        this.user = user;
        this.settings = settings;
    }
}
