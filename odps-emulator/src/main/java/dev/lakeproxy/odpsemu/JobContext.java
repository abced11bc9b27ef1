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
