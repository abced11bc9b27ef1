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

import com.aliyun.odps.jdbc.OdpsConnection;
import dev.lakeproxy.odps.jdbc.ConnectionLayer;
import dev.lakeproxy.odps.jdbc.DocumentedMetaData;
import dev.lakeproxy.spi.PluginContext;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.spi.StatementRule;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One MaxCompute connection's side of the plugin: its rules, each one feature in its own file,
 * sharing one {@link SessionState} (the name resolver, table metadata, scanned texts); and the
 * metadata in front of odps-jdbc's. Only statements whose first keyword is INSERT, CREATE, DROP,
 * ALTER or USE SCHEMA (also after comments, leading {@code SET k=v;} or a WITH list), and MULTI
 * INSERTs ({@code FROM src INSERT ...}), reach the rules; everything else (every SELECT) takes the
 * fast path.
 */
final class OdpsSession implements SessionPlugin {

    private final SessionState state;
    private final List<StatementRule> rules;

    OdpsSession(PluginContext ctx, OdpsConnection real, TableMetaCache cache) {
        this.state = new SessionState(ctx, real, cache);
        List<StatementRule> all = new java.util.ArrayList<>();
        all.add(new UseSchemaRule(state));
        if (ctx.option(OdpsOptions.TABLESTORE_DDL_CHECKS)) {
            all.add(new TablestoreDdlRule(state));
        }
        if (ctx.option(OdpsOptions.PAIMON_WRITE_GUARD)) {
            all.add(new PaimonWriteGuardRule(state));
        }
        all.add(new TablestoreScatterRule(state));
        all.add(new TimestampPrecisionRule(state));
        all.add(new TableCacheRule(state));
        all.add(new TablestoreErrorRule(state));
        all.add(new PermissionErrorRule(state));
        this.rules = List.copyOf(all);
    }

    @Override
    public boolean interested(String sql) {
        return FirstKeyword.of(sql) != FirstKeyword.OTHER;
    }

    @Override
    public List<StatementRule> rules() {
        return rules;
    }

    /**
     * The JDBC layer in front of odps-jdbc (dev.lakeproxy.odps.jdbc): no unchecked exception
     * escapes, query timeouts and cancel stop the job, JDBC's date and time getters, MaxCompute's
     * documented metadata, this plugin's metadata fixes on top.
     */
    @Override
    public Connection driverLayer(Connection realConnection) {
        return new ConnectionLayer(
                realConnection,
                meta -> new OdpsMetaData(DocumentedMetaData.over(meta), state),
                OdpsSession::isCredential);
    }

    /** odps-jdbc's own credential properties, beside the generic secret names. */
    private static boolean isCredential(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals("accessid")
                || n.equals("accesskey")
                || n.equals("sts_token")
                || n.equals("ststoken")
                || n.equals("access_id")
                || n.equals("access_key");
    }

    /**
     * The schema unqualified names resolve in, for {@code Connection.getSchema()} (odps-jdbc says
     * null until set).
     */
    @Override
    public String currentSchema() throws SQLException {
        return state.names.threeTier() ? state.names.currentSchema() : null;
    }

    /**
     * odps-jdbc 3.4.2 logs "ERROR ... getNetworkTimeout is not supported!!!" and throws (HikariCP
     * asks on every connection); the limit it lacks is the SDK's REST read timeout (odps-jdbc's
     * {@code readTimeout}, seconds).
     */
    @Override
    public int networkTimeout() {
        return Math.max(0, state.odps.getRestClient().getReadTimeout()) * 1000;
    }

    /** Sets the SDK's REST read timeout (whole seconds, rounded up; 0 waits without limit). */
    @Override
    public boolean setNetworkTimeout(int milliseconds) throws SQLException {
        if (milliseconds < 0) {
            throw OdpsMessages.M.create("22023", "odps.networkTimeout.negative", milliseconds);
        }
        state.odps
                .getRestClient()
                .setReadTimeout(milliseconds == 0 ? 0 : (milliseconds + 999) / 1000);
        return true;
    }
}
