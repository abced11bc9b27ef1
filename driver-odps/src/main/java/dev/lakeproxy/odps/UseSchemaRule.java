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
import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.RewriteContext;
import dev.lakeproxy.spi.StatementRule;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code USE SCHEMA s}: odps-jdbc 3.4.2 would take "schema s" for a project and every later
 * statement would fail; here it becomes the session's schema setting, after checking that the
 * schema exists, so a wrong name fails at once and leaves the connection as it was.
 */
final class UseSchemaRule implements StatementRule {

    private static final Logger LOG = Logger.getLogger(UseSchemaRule.class.getName());

    private final SessionState state;

    /**
     * Whether the connection carried odps.default.schema before the USE SCHEMA now running (URL
     * {@code schema=}).
     */
    private boolean hadDefaultSchemaSetting;

    UseSchemaRule(SessionState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return "odps.useSchema";
    }

    @Override
    public boolean interested(String sql) {
        return FirstKeyword.of(sql) == FirstKeyword.USE_SCHEMA;
    }

    @Override
    public void rewrite(RewriteContext ctx) throws SQLException {
        String schema = state.scan(ctx.sql()).useSchemaName();
        if (schema == null) {
            return;
        }
        if (schema.isEmpty()) {
            throw OdpsMessages.M.create("42000", "odps.schema.useNeedsName");
        }
        String project = state.names.currentProject();
        if (!exists(project, schema)) {
            state.context.counter("odps.useSchemaRefused").increment();
            throw OdpsMessages.M.create(
                    "3F000", "odps.schema.notFound", schema, project, state.names.currentSchema());
        }
        String set = (state.names.threeTier() ? "" : "SET odps.namespace.schema=true;\n")
                + "SET " + NameResolver.DEFAULT_SCHEMA_SETTING + "=" + schema;
        state.context.counter("odps.useSchema").increment();
        ctx.rewrite(set, OdpsMessages.M.format("odps.note.useSchema", schema));
    }

    /**
     * One {@code GET /projects/p/schemas/s}; a schema that cannot be checked (no permission to read
     * it) passes.
     */
    private boolean exists(String project, String schema) {
        Odps odps = state.odps;
        try {
            return odps.schemas().exists(project, schema);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "lakeproxy could not check that schema {0} exists: {1}",
                    new Object[] {schema, e.getMessage()});
            return true;
        }
    }

    @Override
    public void beforeExecute(ExecutionContext ctx) {
        if (!ctx.isDryRun()) {
            hadDefaultSchemaSetting =
                    state.real
                            .getSqlTaskProperties()
                            .containsKey(NameResolver.DEFAULT_SCHEMA_SETTING);
        }
    }

    @Override
    public void afterExecute(ExecutionContext ctx) {
        String schema = state.scan(ctx.originalSql()).useSchemaName();
        if (schema == null || schema.isEmpty()) {
            return;
        }
        // the SDK's current schema: every statement's jobs, odps-jdbc's metadata and the name
        // resolver follow it
        state.odps.setCurrentSchema(schema);
        if (!hadDefaultSchemaSetting) {
            // the SET went into the connection's job settings, which win over the current schema:
            // keep
            // Connection.setSchema working later, as it does without USE SCHEMA
            state.real.getSqlTaskProperties().remove(NameResolver.DEFAULT_SCHEMA_SETTING);
        }
        LOG.log(Level.FINE, "lakeproxy: current schema is now {0}", schema);
    }
}
