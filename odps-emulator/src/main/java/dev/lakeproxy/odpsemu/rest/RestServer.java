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
package dev.lakeproxy.odpsemu.rest;

import static dev.lakeproxy.odpsemu.rest.RestText.esc;
import static dev.lakeproxy.odpsemu.rest.RestText.rfc822;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lakeproxy.odpsemu.Accounts;
import dev.lakeproxy.odpsemu.ActivityLog;
import dev.lakeproxy.odpsemu.Catalog;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.RequestKind;
import dev.lakeproxy.odpsemu.ServiceFaults;
import dev.lakeproxy.odpsemu.ServicePace;
import dev.lakeproxy.odpsemu.SqlEngine;
import dev.lakeproxy.odpsemu.Tenant;
import dev.lakeproxy.odpsemu.User;
import dev.lakeproxy.odpsemu.tunnel.TableTunnel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP endpoint: MaxCompute REST API and the instance and table tunnels, as odps-jdbc 3.4.2
 * calls them.
 */
public final class RestServer {

    private static final Logger LOG = Logger.getLogger(RestServer.class.getName());
    private static final boolean TRACE = Boolean.getBoolean("odpsemu.trace");

    private final Accounts accounts;
    private final HttpServer http;
    private final ExecutorService pool;
    private final AtomicLong seq = new AtomicLong();
    private final ProjectResources projects;
    private final InstanceResources instances;
    private final TableResources tables;
    private final TableTunnel tableTunnel;
    private final FunctionResources functions;
    private final ServicePace pace;
    private final ServiceFaults faults;

    /**
     * @param emu what the resources reach through the public API (endpoint, project creation)
     * @param zone the projects' time zone
     * @param accounts who a request's access id is
     * @param log where submitted jobs are recorded
     */
    public RestServer(
            MaxComputeEmulator emu,
            Catalog catalog,
            ZoneId zone,
            Accounts accounts,
            Tenant tenant,
            SqlEngine engine,
            ActivityLog log,
            ServicePace pace,
            ServiceFaults faults,
            String host,
            int port,
            int instanceRetention)
            throws IOException {
        this.accounts = accounts;
        this.pace = pace;
        this.faults = faults;
        this.projects = new ProjectResources(emu, catalog, tenant, zone);
        this.instances =
                new InstanceResources(
                        emu, new JobRunner(engine, tenant, log, pace), instanceRetention);
        this.tables = new TableResources(engine.storage);
        this.tableTunnel = new TableTunnel(catalog, engine, zone);
        this.functions = new FunctionResources();
        // The JDK server writes headers and body separately; without TCP_NODELAY every answer waits
        // for a delayed ACK on loopback (measured: 573 ms per SELECT job, 78 ms with it). It reads
        // the flag once, when it first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.http = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.pool =
                Executors.newFixedThreadPool(
                        // a client may read metadata 16 requests at once, each waiting the latency
                        64,
                        r -> {
                            Thread t = new Thread(r, "odps-emulator-http");
                            t.setDaemon(true);
                            return t;
                        });
        http.setExecutor(pool);
        http.createContext("/", this::handle);
    }

    public void start() {
        http.start();
    }

    public void stop() {
        http.stop(0);
        pool.shutdownNow();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    // ------------------------------------------------------------------ dispatch

    private void handle(HttpExchange ex) throws IOException {
        pace.requestArrived();
        String requestId =
                String.format(
                        "%s%06d",
                        new SimpleDateFormat("yyyyMMddHHmmss").format(new Date()),
                        seq.incrementAndGet());
        String path = ex.getRequestURI().getRawPath();
        Map<String, String> q = HttpRequests.query(ex.getRequestURI().getRawQuery());
        boolean tunnel = false;
        Reply reply;
        ServiceFaults.Armed fault = null;
        try {
            if (path.startsWith("/api/")) {
                path = path.substring(4);
            } else if (path.equals("/api")) {
                path = "/";
            }
            List<String> seg = new ArrayList<>();
            for (String s : path.split("/")) {
                if (!s.isEmpty()) {
                    seg.add(URLDecoder.decode(s, "UTF-8"));
                }
            }
            tunnel =
                    q.containsKey("downloads")
                            || q.containsKey("downloadid")
                            || q.containsKey("uploads")
                            || q.containsKey("uploadid")
                            || q.containsKey("cached");
            byte[] body =
                    HttpRequests.body(
                            ex.getRequestBody(),
                            ex.getRequestHeaders().getFirst("Content-Encoding"));
            User user = accounts.authenticate(ex.getRequestMethod(), path, headers(ex), q);
            fault = faults.arrived(RequestKind.of(ex.getRequestMethod(), seg, q));
            InjectedFaults.before(fault);
            String host = ex.getRequestHeaders().getFirst("Host");
            reply = route(ex.getRequestMethod(), seg, q, body, user, host);
            InjectedFaults.after(fault);
        } catch (InjectedFaults.Dropped e) {
            throw e;
        } catch (HttpError e) {
            reply = error(e.status, e.code, e.getMessage(), requestId, tunnel);
        } catch (OdpsSqlException e) {
            reply = error(400, e.code(), e.getMessage(), requestId, tunnel);
        } catch (RuntimeException | IOException e) {
            LOG.log(
                    Level.WARNING,
                    "emulator failure on " + ex.getRequestMethod() + " " + ex.getRequestURI(),
                    e);
            // Never a 5xx for something the client could have caused: the SDK retries GETs on 5xx.
            reply =
                    error(
                            400,
                            "InvalidArgument",
                            "ODPS-0010000:System internal error - " + e,
                            requestId,
                            tunnel);
        }
        if (TRACE) {
            System.err.println(
                    "[odps-emulator] "
                            + ex.getRequestMethod()
                            + " "
                            + ex.getRequestURI()
                            + " -> "
                            + reply.status
                            + " "
                            + reply.headers
                            + " "
                            + (reply.contentType.contains("octet")
                                    ? reply.body.length + " bytes"
                                    : new String(reply.body, StandardCharsets.UTF_8)));
        }
        reply.headers.put("x-odps-request-id", requestId);
        reply.headers.put("Content-Type", reply.contentType);
        reply.headers.put("Date", rfc822(new Date()));
        for (Map.Entry<String, String> h : reply.headers.entrySet()) {
            ex.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(reply.status, -1);
        } else if (InjectedFaults.cuts(fault)) {
            InjectedFaults.sendCut(ex, reply.status, reply.body, fault);
        } else {
            ex.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
            if (reply.body.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(reply.body);
                }
            }
        }
        ex.close();
    }

    /** The request's headers, the first value of each (what the client signed). */
    private static Map<String, String> headers(HttpExchange ex) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        ex.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        return headers;
    }

    private Reply error(int status, String code, String message, String requestId, boolean tunnel) {
        Reply r;
        if (tunnel) {
            JsonObject o = new JsonObject();
            o.addProperty("Code", code);
            o.addProperty("Message", message);
            o.addProperty("RequestId", requestId);
            r = Reply.json(o.toString());
        } else {
            r =
                    Reply.xml(
                            "<Error><Code>"
                                    + esc(code)
                                    + "</Code><Message>"
                                    + esc(message)
                                    + "</Message><RequestId>"
                                    + requestId
                                    + "</RequestId><HostId>127.0.0.1</HostId></Error>");
        }
        r.status = status;
        return r;
    }

    /** @param host the address the client used ({@code Host}), which it is told the tunnel is at */
    private Reply route(
            String method,
            List<String> seg,
            Map<String, String> q,
            byte[] body,
            User user,
            String host)
            throws IOException {
        if (seg.size() == 1 && seg.get(0).equals("tenants")) {
            return projects.tenant();
        }
        if (seg.size() == 2 && seg.get(0).equals("logview") && seg.get(1).equals("host")) {
            return Reply.text("http://logview.odps-emulator.local");
        }
        if (seg.isEmpty() || !seg.get(0).equals("projects")) {
            throw HttpError.unknownResource(seg);
        }
        if (seg.size() == 1) {
            return method.equals("POST")
                    ? projects.createProject(body, user)
                    : projects.listProjects();
        }
        Project p = projects.require(seg.get(1));
        if (seg.size() == 2) {
            return projects.project(p);
        }
        switch (seg.get(2)) {
            case "tunnel":
                if (seg.size() == 3) {
                    return Reply.text(host != null ? host : "127.0.0.1:" + port());
                }
                break;
            case "authorization":
                if (seg.size() == 3 && method.equals("POST")) {
                    return AuthorizationResources.handle(q, body, user);
                }
                break;
            case "instances":
                return instances.route(method, p, seg, q, body, user);
            case "tables":
                return tables(method, p, seg, q, body, user);
            case "schemas":
                return projects.schemas(p, seg);
            case "registration":
                return functions.route(p, seg, q);
            default:
                break;
        }
        throw HttpError.unknownResource(seg);
    }

    private Reply tables(
            String method,
            Project p,
            List<String> seg,
            Map<String, String> q,
            byte[] body,
            User user)
            throws IOException {
        if (seg.size() == 3) {
            return tables.listTables(p, q, user);
        }
        if (seg.size() != 4) {
            throw HttpError.unknownResource(seg);
        }
        Table t = tables.table(p, q.get("curr_schema"), seg.get(3));
        if (TableTunnel.handles(q)) {
            return tableTunnel.handle(method, t, q, body, user);
        }
        return tables.tableResource(method, t, q);
    }
}
