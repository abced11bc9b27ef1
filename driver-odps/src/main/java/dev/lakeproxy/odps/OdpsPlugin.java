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
import com.aliyun.odps.Project;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.account.StsAccount;
import com.aliyun.odps.jdbc.OdpsConnection;
import com.aliyun.odps.jdbc.utils.ConnectionResource;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lakeproxy.credentials.CredentialChecks;
import dev.lakeproxy.credentials.SecretLogin;
import dev.lakeproxy.spi.Check;
import dev.lakeproxy.spi.ConnectRequest;
import dev.lakeproxy.spi.DiagnosisContext;
import dev.lakeproxy.spi.LakeOption;
import dev.lakeproxy.spi.LakePlugin;
import dev.lakeproxy.spi.PluginContext;
import dev.lakeproxy.spi.SessionPlugin;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MaxCompute plugin (odps-jdbc): Tablestore external tables (write scattering, DDL checks,
 * errors explained) and Paimon_DLF external projects (schema syntax, USE SCHEMA, three-tier
 * metadata, write guards, TIMESTAMP precision, the two permission layers explained).
 */
public final class OdpsPlugin implements LakePlugin {

    private static final Logger LOG = Logger.getLogger(OdpsPlugin.class.getName());

    /**
     * Per server (endpoint and project): whether the project has schemas (three-tier). Bounded,
     * expiring.
     */
    /** secret: logins; odps-jdbc's SQLException carries the first request's MaxCompute error. */
    private static final SecretLogin SECRETS =
            new SecretLogin(AuthErrors::refused, OdpsLogin::forDriver);

    private static final Cache<String, Boolean> THREE_TIER =
            Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofHours(1)).build();

    @Override
    public String name() {
        return "odps";
    }

    @Override
    public boolean serves(String subprotocol) {
        return subprotocol.equals("odps");
    }

    @Override
    public List<LakeOption<?>> options() {
        return OdpsOptions.all();
    }

    /**
     * Schema syntax on when the project needs it: when neither the URL nor the properties say
     * {@code odpsNamespaceSchema} or {@code schema}, the project's {@code
     * odps.schema.model.enabled} property decides (one {@code GET /projects/{p}} for the first
     * connection to a server, none after).
     */
    @Override
    public void beforeConnect(ConnectRequest request) throws SQLException {
        OdpsLogin.apply(request); // first: it gives way to a secret: password, still unread here
        SECRETS.apply(request);
        if (!"auto".equals(request.option(OdpsOptions.SCHEMA_SYNTAX))) {
            return;
        }
        ConnectionResource res;
        try {
            res = new ConnectionResource(request.realUrl(), request.realProperties());
        } catch (RuntimeException badUrl) {
            return; // odps-jdbc will say what is wrong with it
        }
        if (res.isOdpsNamespaceSchema() != null
                || res.getSchema() != null
                || res.getProject() == null) {
            return; // the user said
        }
        Boolean threeTier = THREE_TIER.getIfPresent(request.serverKey());
        if (threeTier == null) {
            threeTier = lookUpThreeTier(res, request.option(OdpsOptions.TIMEOUT));
            if (threeTier == null) {
                return;
            }
            THREE_TIER.put(request.serverKey(), threeTier);
        }
        if (threeTier) {
            request.realProperties().setProperty("odps_namespace_schema", "true");
            request.note(OdpsMessages.M.format("odps.note.schemaSyntax", res.getProject()));
        }
    }

    private static Boolean lookUpThreeTier(ConnectionResource res, int timeoutMillis) {
        try {
            Odps odps = new Odps(res.getStsToken() == null || res.getStsToken().isEmpty()
                    ? new AliyunAccount(res.getAccessId(), res.getAccessKey())
                    : new StsAccount(res.getAccessId(), res.getAccessKey(), res.getStsToken()));
            odps.setEndpoint(res.getEndpoint());
            odps.setDefaultProject(res.getProject());
            Project p = OwnRequests.bounded(odps, timeoutMillis).projects().get(res.getProject());
            p.reload();
            String model = p.getProperty("odps.schema.model.enabled");
            return Boolean.parseBoolean(model);
        } catch (Exception e) {
            LOG.log(Level.FINE, "lakeproxy could not read whether project {0} has schemas: {1}",
                    new Object[] {res.getProject(), e.getMessage()});
            return null;
        }
    }

    /** A login refused with a secret's value kept in memory: read it again, once (rotation). */
    @Override
    public boolean connectFailed(ConnectRequest request, SQLException error) {
        return SECRETS.retry(request, error);
    }

    @Override
    public SessionPlugin activate(PluginContext ctx) throws SQLException {
        if (!ctx.realConnection().isWrapperFor(OdpsConnection.class)) {
            return null;
        }
        OdpsConnection real = ctx.realConnection().unwrap(OdpsConnection.class);
        OdpsLogin.renew(ctx, real);
        return new OdpsSession(ctx, real, TableMetaCache.SHARED);
    }

    /**
     * The project, the schemas a navigator sees, a job (RAM control plane) and SHOW TABLES (DLF
     * data plane).
     */
    @Override
    public List<Check> diagnose(DiagnosisContext context) {
        List<Check> checks = new ArrayList<>();
        checks.add(CredentialChecks.check(context));
        checks.addAll(new OdpsDiagnosis(context).run());
        return checks;
    }

    /**
     * Forgets the cached table metadata of every server (the next INSERT reads it again). For tools
     * and the benchmarks' cache-miss case; DDL through lakeproxy already forgets its server's
     * entries.
     */
    public static void forgetTableMetadata() {
        TableMetaCache.SHARED.invalidateAll();
    }

    /** For tests: forget what was learned about projects and tables. */
    static void clearCaches() {
        THREE_TIER.invalidateAll();
        TableMetaCache.SHARED.invalidateAll();
    }
}
