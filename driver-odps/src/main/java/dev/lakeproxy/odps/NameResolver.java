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
package dev.lakeproxy.odps;

import com.aliyun.odps.Odps;
import com.aliyun.odps.jdbc.OdpsConnection;
import java.util.List;

/**
 * MaxCompute's name rule, in one place for every rule and for the metadata: with schema syntax on
 * (three-tier projects), {@code a.b} is schema.table; otherwise it is project.table. {@code p.s.t}
 * is always project, schema, table. An unqualified name belongs to the current project and the
 * current schema, which USE SCHEMA changes. Backticks are removed by the scanner before names get
 * here; MaxCompute ignores case.
 */
final class NameResolver {

    static final String DEFAULT_SCHEMA_SETTING = "odps.default.schema";

    /** A table's full name; {@code schema} is {@code null} in two-tier projects. */
    static final class Resolved {
        final String project;
        final String schema;
        final String table;

        Resolved(String project, String schema, String table) {
            this.project = project;
            this.schema = schema;
            this.table = table;
        }

        @Override
        public String toString() {
            return project + "." + (schema == null ? "" : schema + ".") + table;
        }
    }

    private final OdpsConnection real;
    private final Odps odps;

    NameResolver(OdpsConnection real) {
        this.real = real;
        this.odps = real.getOdps();
    }

    /** Whether schema syntax is on for this connection (odps-jdbc's odpsNamespaceSchema). */
    boolean threeTier() {
        return real.isOdpsNamespaceSchema();
    }

    String currentProject() {
        return odps.getDefaultProject();
    }

    /**
     * The schema unqualified names resolve in (three-tier only): a job's odps.default.schema
     * setting (URL {@code schema=}) wins over the SDK's current schema (USE SCHEMA, {@code
     * Connection.setSchema}); "default" when neither says.
     */
    String currentSchema() {
        String s = real.getSqlTaskProperties().getProperty(DEFAULT_SCHEMA_SETTING);
        if (s == null || s.isEmpty()) {
            s = odps.getCurrentSchema();
        }
        return s == null || s.isEmpty() ? "default" : s;
    }

    /** The full name of a table written with one to three parts (outermost first). */
    Resolved resolve(List<String> parts) {
        int n = parts.size();
        String table = parts.get(n - 1);
        boolean threeTier = threeTier();
        if (n >= 3) {
            return new Resolved(parts.get(n - 3), parts.get(n - 2), table);
        }
        if (n == 2) {
            return threeTier ? new Resolved(currentProject(), parts.get(0), table)
                    : new Resolved(parts.get(0), null, table);
        }
        return new Resolved(currentProject(), threeTier ? currentSchema() : null, table);
    }
}
