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
import dev.lakeproxy.odpsemu.Catalog.ProjectType;
import dev.lakeproxy.odpsemu.external.PaimonRules;
import dev.lakeproxy.odpsemu.external.TablestoreWriters;
import dev.lakeproxy.odpsemu.rest.RestServer;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local MaxCompute: an HTTP server on 127.0.0.1 that serves the REST and tunnel calls of
 * odps-jdbc 3.4.2 (and other MaxCompute SDK clients), running MaxCompute SQL on an embedded
 * PostgreSQL, with Paimon_DLF external projects and Tablestore external tables simulated.
 *
 * <pre>{@code
 * try (MaxComputeEmulator emu = MaxComputeEmulator.builder().project("demo").start();
 *      Connection c = DriverManager.getConnection(emu.jdbcUrl("demo"))) {
 *   c.createStatement().executeUpdate("CREATE TABLE t (id BIGINT, name STRING)");
 * }
 * }</pre>
 */
public final class MaxComputeEmulator implements AutoCloseable {

    /** Access id and key of the root account (any unknown access id is also served as root). */
    public static final String DEFAULT_ACCESS_ID = "emulator-access-id";

    public static final String DEFAULT_ACCESS_KEY = "emulator-access-key";
    public static final String DEFAULT_UID = "1234567890123456";

    /** Builder; every option has a default, so {@code builder().start()} works. */
    public static final class Builder extends EmulatorOptions<Builder> {

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        public MaxComputeEmulator start() {
            MaxComputeEmulator emu = new MaxComputeEmulator(this);
            try {
                emu.startInternal(this);
                for (String p : projects) {
                    emu.createProject(p);
                }
                for (String p : threeTierProjects) {
                    emu.createThreeTierProject(p);
                }
                return emu;
            } catch (IOException | SQLException | RuntimeException e) {
                emu.close();
                throw new IllegalStateException(
                        "MaxCompute emulator failed to start: " + e.getMessage(), e);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private final Catalog catalog = new Catalog();
    private final ZoneId zone;
    private final Tenant tenant;
    private final SimulatedTablestore tablestore;
    private final Accounts accounts;
    private final User root;
    private final ActivityLog log = new ActivityLog();
    private final EmulatorRuntime runtime = new EmulatorRuntime();
    private final ServicePace pace;
    private final ServiceFaults faults = new ServiceFaults();
    private SqlEngine engine;
    private ProjectAdmin projects;

    private MaxComputeEmulator(Builder b) {
        this.zone = ZoneId.of(b.timezone);
        this.tenant = new Tenant(b.accountUid, b.tenantNamespaceSchema);
        this.tablestore = new SimulatedTablestore(b.tablestoreInstance);
        this.accounts = new Accounts(b.accountUid, DEFAULT_ACCESS_ID, DEFAULT_ACCESS_KEY);
        this.root = accounts.root;
        this.pace = new ServicePace(b.requestLatency, b.jobRunTime);
    }

    private void startInternal(Builder b) throws IOException, SQLException {
        TablestoreWriters writers =
                new TablestoreWriters(
                        tablestore,
                        b.tablestoreWriters,
                        b.tablestoreBatchRows,
                        log::recordTablestoreWrite);
        engine = runtime.startEngine(catalog, zone, writers, root.principal());
        projects = engine.projects;
        runtime.serve(
                new RestServer(
                        this, catalog, zone, accounts, tenant, engine, log, pace, faults, b.host,
                        b.port, b.instanceRetention));
    }

    // ------------------------------------------------------------------ pace (tests, benchmarks)

    /**
     * Changes the delay before each request is answered (see the builder's {@code requestLatency}).
     */
    public void setRequestLatency(Duration latency) {
        pace.latency(latency);
    }

    /** Changes how long each SQL job stays Running (see the builder's {@code jobRunTime}). */
    public void setJobRunTime(Duration runTime) {
        pace.jobRunTime(runTime);
    }

    /**
     * Test hooks: a fault at an exact request (the answer to a job submission lost, a 5xx while a
     * job is polled, a slow metadata answer, a cut tunnel stream), and the requests counted by
     * kind.
     */
    public ServiceFaults faults() {
        return faults;
    }

    /** How many HTTP requests the emulator has answered since it started. */
    public long requestCount() {
        return pace.requests();
    }

    // ------------------------------------------------------------------ connection facts

    public int port() {
        return runtime.port();
    }

    /** The MaxCompute endpoint, {@code http://127.0.0.1:PORT/api}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port() + "/api";
    }

    public String accessId() {
        return root.accessId();
    }

    public String accessKey() {
        return root.accessKey();
    }

    /**
     * A working odps-jdbc URL for a project as the root account, e.g. {@code jdbcUrl("p",
     * "odpsNamespaceSchema=true", "schema=s")}; extra parameters are {@code k=v}.
     */
    public String jdbcUrl(String project, String... extraParams) {
        return jdbcUrl(root, project, extraParams);
    }

    /** A working odps-jdbc URL for a project as the given user. */
    public String jdbcUrl(User user, String project, String... extraParams) {
        return JdbcUrls.of(endpoint(), user, project, extraParams);
    }

    // ------------------------------------------------------------------ checked credentials

    /**
     * An AccessKey of a user ({@code "root"} or a RAM user) whose requests are checked as
     * MaxCompute checks them: a wrong signature is ODPS-0410042 (HTTP 401). Registering the same id
     * again replaces its secret, as a reset key does.
     */
    public void accessKey(String userName, String accessId, String secret) {
        accounts.signedKeys.permanent(accounts.require(userName), accessId, secret);
    }

    /**
     * A temporary (STS) credential of a user, accepted until {@code expiresAt}; after that, and
     * with another token, MaxCompute's ODPS-0410051 "Invalid credentials" (HTTP 401).
     */
    public void temporaryCredential(
            String userName, String accessId, String secret, String token, Instant expiresAt) {
        accounts.signedKeys.temporary(
                accounts.require(userName), accessId, secret, token, expiresAt);
    }

    // ------------------------------------------------------------------ projects

    /** Creates a normal (two-tier) project with its {@code default} schema. */
    public void createProject(String name) {
        projects.add(name, ProjectType.MANAGED, false, null);
    }

    /**
     * Creates MaxCompute's public data project {@code MAXCOMPUTE_PUBLIC_DATA} with the given tables
     * (DDL and rows, run first): every user reads it across projects, nobody writes or runs jobs in
     * it.
     */
    public void createPublicDataProject(String... tableSql) {
        createProject(PublicProjects.PUBLIC_DATA);
        Arrays.stream(tableSql).forEach(sql -> execute(PublicProjects.PUBLIC_DATA, sql));
        catalog.project(PublicProjects.PUBLIC_DATA).isPublic = true;
    }

    /** Creates a three-tier project (schemas enabled) with its {@code default} schema. */
    public void createThreeTierProject(String name) {
        projects.add(name, ProjectType.MANAGED, true, null);
    }

    /**
     * Creates a Paimon_DLF external project bound to a simulated DLF catalog, as the root account.
     * It is three-tier; its schemas are the catalog's databases, starting with {@code default}.
     */
    public void createPaimonDlfProject(String name, String dlfCatalog) {
        createPaimonDlfProject(name, dlfCatalog, root);
    }

    /**
     * Creates a Paimon_DLF external project as a user: the RAM control-plane layer applies, and a
     * RAM user without it gets "You are not authorized to perform this action" (seed:
     * Troubleshooting).
     */
    public void createPaimonDlfProject(String name, String dlfCatalog, User asUser) {
        projects.addPaimonDlf(name, dlfCatalog, asUser);
    }

    /** Creates a schema in a three-tier project (as {@code CREATE SCHEMA} does). */
    public void createSchema(String project, String schema) {
        projects.addSchema(project, schema);
    }

    /** Names of the schemas of a project. */
    public List<String> schemas(String project) {
        return projects.schemaNames(project);
    }

    /**
     * Defines a Paimon table in a Paimon_DLF project's catalog (as another engine writing to DLF
     * would). {@code columns} are DDL column definitions such as {@code "id BIGINT"}; {@code
     * bucket} may be null (unset). With a primary key and no bucket the table is a Dynamic Bucket
     * table.
     */
    public void createPaimonTable(
            String project,
            String schema,
            String table,
            List<String> columns,
            List<String> partitionColumns,
            List<String> primaryKey,
            Integer bucket) {
        projects.requirePaimonDlf(project);
        String ddl =
                PaimonRules.tableDdl(schema, table, columns, partitionColumns, primaryKey, bucket);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("odps.namespace.schema", "true");
        execute(project, ddl, settings);
    }

    /** Table properties of a table (Paimon options such as {@code primary-key}, {@code bucket}). */
    public Map<String, String> tableProperties(String project, String schema, String table) {
        return Collections.unmodifiableMap(
                new LinkedHashMap<>(projects.requireTable(project, schema, table).tblProperties));
    }

    /**
     * Runs MaxCompute SQL as the root account, outside any client (for set-up). Returns the task's
     * text result; a failing statement throws {@link OdpsSqlException} with the server's error
     * text.
     */
    public String execute(String project, String sql) {
        return execute(project, sql, new LinkedHashMap<>());
    }

    /**
     * As {@link #execute(String, String)}, with job settings such as {@code
     * odps.namespace.schema}.
     */
    public String execute(String project, String sql, Map<String, String> settings) {
        Project p = projects.require(project);
        boolean ns = Boolean.parseBoolean(settings.getOrDefault("odps.namespace.schema", "false"));
        String schema = settings.getOrDefault("odps.default.schema", "default");
        JobContext ctx =
                new JobContext(p, schema, ns, root, new LinkedHashMap<>(settings));
        return engine.run(ctx, sql).text;
    }

    // ------------------------------------------------------------------ users and permissions

    /** The root account (owner of every project; all permissions). */
    public User root() {
        return root;
    }

    /**
     * Adds a RAM user with access id {@code <name>-access-id} and key {@code <name>-access-key}. It
     * has DLF data permission and no RAM permission to create external projects until changed.
     */
    public User addRamUser(String name) {
        return accounts.addRamUser(name);
    }

    /** Grants or revokes a user's DLF data-plane permission (read, write, list in DLF catalogs). */
    public void setDlfDataPermission(String user, boolean granted) {
        accounts.require(user).dlfDataPermission = granted;
    }

    /** Grants or revokes a user's RAM control-plane permission to create external projects. */
    public void setRamExternalProjectPermission(String user, boolean granted) {
        accounts.require(user).ramExternalProjectPermission = granted;
    }

    /**
     * Changes what {@code GET /tenants} answers for {@code odps.namespace.schema} (new
     * connections).
     */
    public void setTenantNamespaceSchema(boolean on) {
        tenant.setNamespaceSchema(on);
    }

    // ------------------------------------------------------------------ Tablestore

    /** The simulated Tablestore instance: create tables in it, read back rows. */
    public SimulatedTablestore tablestore() {
        return tablestore;
    }

    /** Every INSERT into a Tablestore external table, oldest first, with its per-writer spread. */
    public List<TablestoreWriteReport> tablestoreWrites() {
        return log.tablestoreWrites();
    }

    /** The latest Tablestore write report, or null. */
    public TablestoreWriteReport lastTablestoreWrite() {
        List<TablestoreWriteReport> all = tablestoreWrites();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    // ------------------------------------------------------------------ jobs

    /** Jobs submitted over HTTP, oldest first: SQL text, settings, user, outcome. */
    public List<SubmittedJob> jobs() {
        return log.jobs();
    }

    /** The SQL texts of the submitted jobs, oldest first. */
    public List<String> submittedSql() {
        return log.submittedSql();
    }

    public void clearJobs() {
        log.clearJobs();
    }

    /**
     * The jobs submitted since the last drain (or the start), oldest first, removed from {@link
     * #jobs()}: for long runs that count jobs as they go, without losing one submitted meanwhile.
     */
    public List<SubmittedJob> drainJobs() {
        return log.drainJobs();
    }

    /**
     * Forgets the Tablestore write reports ({@link #tablestoreWrites()}); long runs keep the heap
     * flat with it.
     */
    public void clearTablestoreWrites() {
        log.clearTablestoreWrites();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
