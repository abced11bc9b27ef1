package dev.lakeproxy.odpsemu;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamReader;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamWriter;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.tunnel.io.CompressOption;
import com.aliyun.odps.type.TypeInfoParser;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.InflaterInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

/**
 * The HTTP endpoint: MaxCompute REST API and the instance and table tunnels, as odps-jdbc 3.4.2
 * calls them.
 */
final class RestServer {

    private static final Logger LOG = Logger.getLogger(RestServer.class.getName());
    private static final boolean TRACE = Boolean.getBoolean("odpsemu.trace");
    private static final CompressOption RAW =
            new CompressOption(CompressOption.CompressAlgorithm.ODPS_RAW, 0, 0);
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** One submitted job (an instance with one SQL task). */
    static final class InstanceRecord {
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

    /** One table-tunnel upload session. */
    static final class UploadSession {
        final String id;
        final Table table;
        final String partition;
        final boolean overwrite;
        final Map<Long, List<Record>> blocks = new TreeMap<>();
        String status = "normal";

        UploadSession(String id, Table table, String partition, boolean overwrite) {
            this.id = id;
            this.table = table;
            this.partition = partition;
            this.overwrite = overwrite;
        }
    }

    private final MaxComputeEmulator emu;
    private final HttpServer http;
    private final ExecutorService pool;
    final Map<String, InstanceRecord> instances = new ConcurrentHashMap<>();
    private final Map<String, UploadSession> uploads = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();

    RestServer(MaxComputeEmulator emu, String host, int port) throws IOException {
        this.emu = emu;
        // The JDK server writes headers and body separately; without TCP_NODELAY every answer waits
        // for a delayed
        // ACK on loopback (measured: 573 ms per SELECT job, 78 ms with it). It reads the flag once,
        // when it first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.http = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.pool =
                Executors.newFixedThreadPool(
                        4,
                        r -> {
                            Thread t = new Thread(r, "odps-emulator-http");
                            t.setDaemon(true);
                            return t;
                        });
        http.setExecutor(pool);
        http.createContext("/", this::handle);
    }

    void start() {
        http.start();
    }

    void stop() {
        http.stop(0);
        pool.shutdownNow();
    }

    int port() {
        return http.getAddress().getPort();
    }

    // ------------------------------------------------------------------ dispatch

    private static final class Reply {
        int status = 200;
        String contentType = "application/xml";
        byte[] body = new byte[0];
        final Map<String, String> headers = new LinkedHashMap<>();

        static Reply xml(String xml) {
            Reply r = new Reply();
            r.body =
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml)
                            .getBytes(StandardCharsets.UTF_8);
            return r;
        }

        static Reply json(String json) {
            Reply r = new Reply();
            r.contentType = "application/json";
            r.body = json.getBytes(StandardCharsets.UTF_8);
            return r;
        }

        static Reply text(String text) {
            Reply r = new Reply();
            r.contentType = "text/plain";
            r.body = text.getBytes(StandardCharsets.UTF_8);
            return r;
        }
    }

    /** An HTTP-level error: MaxCompute's XML (or the tunnel's JSON) error document. */
    static final class HttpError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        HttpError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String requestId =
                String.format(
                        "%s%06d",
                        new SimpleDateFormat("yyyyMMddHHmmss").format(new Date()),
                        seq.incrementAndGet());
        String path = ex.getRequestURI().getRawPath();
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        boolean tunnel = false;
        Reply reply;
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
                            || q.containsKey("uploadid");
            byte[] body =
                    readAll(
                            ex.getRequestBody(),
                            ex.getRequestHeaders().getFirst("Content-Encoding"));
            User user = emu.userForAuthorization(ex.getRequestHeaders().getFirst("Authorization"));
            reply = route(ex.getRequestMethod(), seg, q, body, user);
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

    private Reply route(
            String method, List<String> seg, Map<String, String> q, byte[] body, User user)
            throws IOException {
        if (seg.size() == 1 && seg.get(0).equals("tenants")) {
            return tenant();
        }
        if (seg.size() == 2 && seg.get(0).equals("logview") && seg.get(1).equals("host")) {
            return Reply.text("http://logview.odps-emulator.local");
        }
        if (seg.isEmpty() || !seg.get(0).equals("projects")) {
            throw new HttpError(404, "NoSuchObject", "Unknown resource: /" + String.join("/", seg));
        }
        if (seg.size() == 1) {
            if (method.equals("POST")) {
                return createProject(body, user);
            }
            return listProjects();
        }
        Project p = emu.catalog.project(seg.get(1));
        if (p == null) {
            throw new HttpError(
                    404, "NoSuchObject", "ODPS-0420111: Project not found - '" + seg.get(1) + "'.");
        }
        if (seg.size() == 2) {
            return project(p);
        }
        String kind = seg.get(2);
        switch (kind) {
            case "tunnel":
                return Reply.text("127.0.0.1:" + port());
            case "authorization":
                return Reply.xml(
                        "<Authorization><Result>emulator-bearer-token</Result></Authorization>");
            case "instances":
                if (seg.size() == 3) {
                    if (method.equals("POST")) {
                        return submit(p, body, user);
                    }
                    return Reply.xml(
                            "<Instances><Marker></Marker><MaxItems>100</MaxItems></Instances>");
                }
                return instance(method, p, seg.get(3), q);
            case "tables":
                if (seg.size() == 3) {
                    return listTables(p, q, user);
                }
                if (seg.size() == 4) {
                    Table t = table(p, q.get("curr_schema"), seg.get(3));
                    if (q.containsKey("uploads") || q.containsKey("uploadid")) {
                        return upload(method, t, q, body, user);
                    }
                    if (q.get("partition") != null) {
                        return partition(t, q.get("partition"));
                    }
                    return tableMeta(t);
                }
                throw new HttpError(404, "NoSuchObject", "Partition operations are not emulated");
            case "schemas":
                if (seg.size() == 3) {
                    StringBuilder sb = new StringBuilder("<Schemas>");
                    for (Schema s : p.schemas.values()) {
                        sb.append("<Schema><Name>")
                                .append(esc(s.name))
                                .append("</Name><Project>")
                                .append(esc(p.name))
                                .append("</Project></Schema>");
                    }
                    return Reply.xml(sb.append("<Marker></Marker></Schemas>").toString());
                }
                Schema s = p.schemas.get(seg.get(3).toLowerCase(Locale.ROOT));
                if (s == null) {
                    throw new HttpError(
                            404,
                            "NoSuchObject",
                            "ODPS-0110061: Schema not found - '" + seg.get(3) + "'");
                }
                return Reply.xml(
                        "<Schema><Name>"
                                + esc(s.name)
                                + "</Name><Project>"
                                + esc(p.name)
                                + "</Project></Schema>");
            default:
                throw new HttpError(
                        404, "NoSuchObject", "Unknown resource: /" + String.join("/", seg));
        }
    }

    // ------------------------------------------------------------------ tenants / projects

    private Reply tenant() {
        JsonObject params = new JsonObject();
        params.addProperty("odps.namespace.schema", String.valueOf(emu.tenantNamespaceSchema()));
        JsonObject t = new JsonObject();
        t.addProperty("Name", "emulator");
        t.addProperty("OwnerId", emu.accountUid());
        t.addProperty("TenantId", emu.accountUid());
        t.addProperty("State", "NORMAL");
        t.add("Parameters", params);
        JsonObject root = new JsonObject();
        root.add("Tenant", t);
        return Reply.json(root.toString());
    }

    /**
     * {@code POST /projects} (odps-sdk {@code Projects.createExternalProject}): the RAM control
     * plane. An external project whose {@code external_project_properties} say {@code
     * "source":"paimon_dlf"} is bound to the DLF catalog named by its {@code dlf.catalog} property
     * (default: the project name).
     */
    private Reply createProject(byte[] body, User user) {
        String name;
        String type;
        Map<String, String> props = new LinkedHashMap<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setExpandEntityReferences(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root =
                    f.newDocumentBuilder()
                            .parse(new ByteArrayInputStream(body))
                            .getDocumentElement();
            name = childText(root, "Name");
            type = childText(root, "Type");
            NodeList ps = root.getElementsByTagName("Property");
            for (int i = 0; i < ps.getLength(); i++) {
                Element pe = (Element) ps.item(i);
                props.put(childText(pe, "Name"), childText(pe, "Value"));
            }
        } catch (Exception e) {
            throw new HttpError(
                    400,
                    "InvalidArgument",
                    "ODPS-0410051:Invalid argument - malformed project: " + e.getMessage());
        }
        if (name == null || name.trim().isEmpty()) {
            throw new HttpError(
                    400,
                    "InvalidArgument",
                    "ODPS-0410051:Invalid argument - project name is required");
        }
        if (emu.catalog.project(name) != null) {
            throw new HttpError(
                    409,
                    "ObjectAlreadyExists",
                    "ODPS-0420111: Project already exists - '" + name + "'.");
        }
        if ("external".equalsIgnoreCase(type)) {
            if (!user.hasRamExternalProjectPermission()) {
                throw new HttpError(
                        403, "NoPermission", "You are not authorized to perform this action");
            }
            String catalogName = name;
            String ext = props.get("external_project_properties");
            if (ext != null) {
                JsonObject o = new com.google.gson.JsonParser().parse(ext).getAsJsonObject();
                String source = o.has("source") ? o.get("source").getAsString() : "";
                if (!source.equalsIgnoreCase("paimon_dlf")) {
                    throw new HttpError(
                            400,
                            "InvalidArgument",
                            "ODPS-0410051:Invalid argument - only Paimon_DLF external "
                                    + "projects are emulated, got source '"
                                    + source
                                    + "'");
                }
                if (o.has("dlf.catalog")) {
                    catalogName = o.get("dlf.catalog").getAsString();
                }
            }
            emu.createPaimonDlfProject(name, catalogName, user);
        } else if ("true".equalsIgnoreCase(props.get("odps.schema.model.enabled"))) {
            emu.createThreeTierProject(name);
        } else {
            emu.createProject(name);
        }
        Reply r = new Reply();
        r.status = 201;
        r.headers.put("Location", emu.endpoint() + "/projects/" + name.toLowerCase(Locale.ROOT));
        return r;
    }

    private Reply listProjects() {
        StringBuilder sb = new StringBuilder("<Projects>");
        for (Project p : emu.catalog.projects.values()) {
            sb.append(projectXml(p));
        }
        return Reply.xml(
                sb.append("<Marker></Marker><MaxItems>100</MaxItems></Projects>").toString());
    }

    private Reply project(Project p) {
        Reply r = Reply.xml(projectXml(p));
        r.headers.put("x-odps-owner", p.owner);
        r.headers.put("x-odps-creation-time", rfc822(new Date(p.createdAt)));
        r.headers.put("Last-Modified", rfc822(new Date(p.createdAt)));
        return r;
    }

    private String projectXml(Project p) {
        StringBuilder sb =
                new StringBuilder("<Project><Name>").append(esc(p.name)).append("</Name>");
        sb.append("<Type>").append(p.isPaimonDlf() ? "external" : "managed").append("</Type>");
        sb.append("<Comment></Comment><Owner>").append(esc(p.owner)).append("</Owner>");
        sb.append("<CreationTime>").append(rfc822(new Date(p.createdAt))).append("</CreationTime>");
        sb.append("<LastModifiedTime>")
                .append(rfc822(new Date(p.createdAt)))
                .append("</LastModifiedTime>");
        sb.append("<State>AVAILABLE</State><Properties>");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("odps.sql.timezone", emu.zone().getId());
        props.put("odps.schema.model.enabled", String.valueOf(p.threeTier));
        if (p.isPaimonDlf()) {
            props.put("external_project_properties", "Paimon_DLF");
            props.put("dlf.catalog", p.dlfCatalog);
        }
        for (Map.Entry<String, String> e : props.entrySet()) {
            sb.append("<Property><Name>")
                    .append(esc(e.getKey()))
                    .append("</Name><Value>")
                    .append(esc(e.getValue()))
                    .append("</Value></Property>");
        }
        sb.append("</Properties></Project>");
        return sb.toString();
    }

    // ------------------------------------------------------------------ instances

    private Reply submit(Project p, byte[] body, User user) {
        String taskName;
        String sql;
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setExpandEntityReferences(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            NodeList tasks = doc.getElementsByTagName("Tasks");
            if (tasks.getLength() == 0) {
                throw new HttpError(
                        400, "InvalidArgument", "ODPS-0410051:Invalid argument - job has no task");
            }
            Element task = null;
            for (Node n = tasks.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element) {
                    task = (Element) n;
                    break;
                }
            }
            if (task == null || !task.getTagName().equals("SQL")) {
                throw new HttpError(
                        400,
                        "InvalidArgument",
                        "ODPS-0410051:Invalid argument - only SQL tasks are emulated");
            }
            taskName = childText(task, "Name");
            sql = childText(task, "Query");
            NodeList props = task.getElementsByTagName("Property");
            for (int i = 0; i < props.getLength(); i++) {
                Element pe = (Element) props.item(i);
                String name = childText(pe, "Name");
                String value = childText(pe, "Value");
                if ("settings".equals(name) && value != null && !value.isEmpty()) {
                    Map<String, String> m =
                            GSON.fromJson(value, new TypeToken<Map<String, String>>() {}.getType());
                    if (m != null) {
                        settings.putAll(m);
                    }
                }
            }
        } catch (HttpError e) {
            throw e;
        } catch (Exception e) {
            throw new HttpError(
                    400,
                    "InvalidArgument",
                    "ODPS-0410051:Invalid argument - malformed job: " + e.getMessage());
        }
        if (sql == null || sql.trim().isEmpty()) {
            throw new HttpError(
                    400, "InvalidArgument", "ODPS-0410051:Invalid argument - empty SQL");
        }
        String id =
                new SimpleDateFormat("yyyyMMddHHmmssSSS").format(new Date())
                        + String.format("g%06d", seq.incrementAndGet());
        InstanceRecord rec =
                new InstanceRecord(
                        id,
                        p.name,
                        taskName == null ? "AnonymousSQLTask" : taskName,
                        sql,
                        Collections.unmodifiableMap(new LinkedHashMap<>(settings)),
                        user);
        instances.put(id, rec);
        emu.recordJob(rec);
        try {
            String schema = settings.getOrDefault("odps.default.schema", "default");
            if (schema == null || schema.isEmpty() || schema.equals("null")) {
                schema = "default";
            }
            boolean namespace =
                    Boolean.parseBoolean(
                            settings.getOrDefault(
                                    "odps.namespace.schema",
                                    String.valueOf(emu.tenantNamespaceSchema())));
            SqlEngine.Context ctx =
                    new SqlEngine.Context(
                            p,
                            schema.toLowerCase(Locale.ROOT),
                            namespace,
                            user,
                            new LinkedHashMap<>(settings));
            if (!p.schemas.containsKey(ctx.schema)) {
                throw new OdpsSqlException(
                        "ODPS-0110061",
                        "Failed to run ddltask - Schema not found - '"
                                + p.name
                                + "."
                                + ctx.schema
                                + "'");
            }
            rec.result = emu.engine().run(ctx, sql);
        } catch (OdpsSqlException e) {
            rec.error = e.getMessage();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job failed in the emulator", e);
            rec.error = "ODPS-0010000:System internal error - " + e;
        }
        rec.end = new Date();
        Reply r = new Reply();
        r.status = 201;
        r.headers.put("Location", emu.endpoint() + "/projects/" + p.name + "/instances/" + id);
        return r;
    }

    private InstanceRecord requireInstance(Project p, String id) {
        InstanceRecord rec = instances.get(id);
        if (rec == null || !rec.project.equalsIgnoreCase(p.name)) {
            throw new HttpError(
                    404, "NoSuchObject", "ODPS-0420061: Instance not found - '" + id + "'");
        }
        return rec;
    }

    private Reply instance(String method, Project p, String id, Map<String, String> q)
            throws IOException {
        InstanceRecord rec = requireInstance(p, id);
        if (q.containsKey("downloads") || q.containsKey("downloadid")) {
            return download(rec, q);
        }
        if (method.equals("PUT")) {
            return Reply.xml(
                    "<Instance><Status>Terminated</Status></Instance>"); // stop: already terminated
        }
        if (q.containsKey("taskstatus")) {
            return Reply.xml(
                    "<Instance><Status>Terminated</Status><Tasks><Task Type=\"SQL\"><Name>"
                            + esc(rec.taskName)
                            + "</Name><StartTime>"
                            + rfc822(rec.start)
                            + "</StartTime><EndTime>"
                            + rfc822(rec.end)
                            + "</EndTime><Status>"
                            + (rec.error == null ? "Success" : "Failed")
                            + "</Status><Histories/></Task></Tasks>"
                            + "</Instance>");
        }
        if (q.containsKey("result")) {
            String text = rec.error != null ? rec.error : rec.result.text;
            return Reply.xml(
                    "<Instance><Tasks><Task Type=\"SQL\"><Name>"
                            + esc(rec.taskName)
                            + "</Name>"
                            + "<Result Format=\"text\" Transform=\"false\">"
                            + cdata(text)
                            + "</Result><Status>"
                            + (rec.error == null ? "Success" : "Failed")
                            + "</Status></Task></Tasks></Instance>");
        }
        if (q.containsKey("instancesummary")) {
            JsonObject outputs = new JsonObject();
            if (rec.result != null) {
                for (Map.Entry<String, Long> e : rec.result.outputs.entrySet()) {
                    JsonArray a = new JsonArray();
                    a.add(new com.google.gson.JsonPrimitive(e.getValue()));
                    a.add(new com.google.gson.JsonPrimitive(e.getValue() * 16));
                    outputs.add(e.getKey(), a);
                }
            }
            JsonObject summary = new JsonObject();
            summary.add("Outputs", outputs);
            summary.add("Inputs", new JsonObject());
            JsonObject inst = new JsonObject();
            inst.addProperty("JsonSummary", summary.toString());
            inst.addProperty("Summary", "emulated instance " + rec.id);
            JsonObject root = new JsonObject();
            root.add("Instance", inst);
            return Reply.json(root.toString());
        }
        if (q.containsKey("instanceprogress")) {
            return Reply.xml("<Progress></Progress>");
        }
        if (q.containsKey("source")) {
            return Reply.xml(
                    "<Instance><Job><Tasks><SQL><Name>"
                            + esc(rec.taskName)
                            + "</Name><Query>"
                            + cdata(rec.sql)
                            + "</Query></SQL></Tasks></Job></Instance>");
        }
        // plain status (also ?instancestatus)
        Reply r = Reply.xml("<Instance><Status>Terminated</Status></Instance>");
        r.headers.put("x-odps-owner", rec.user.principal());
        r.headers.put("x-odps-start-time", rfc822(rec.start));
        r.headers.put("x-odps-end-time", rfc822(rec.end));
        return r;
    }

    // ------------------------------------------------------------------ instance tunnel

    private Reply download(InstanceRecord rec, Map<String, String> q) throws IOException {
        if (rec.error != null) {
            throw new HttpError(400, "InstanceFailed", "The instance failed: " + rec.error);
        }
        if (!rec.result.isQuery()) {
            throw new HttpError(
                    400,
                    "InvalidArgument",
                    "Instance "
                            + rec.id
                            + " is not a SELECT query: the instance tunnel only downloads query"
                            + " results");
        }
        if (q.containsKey("data")) {
            long start = 0;
            long count = rec.result.rows.size();
            String range = q.get("rowrange");
            if (range != null) {
                String[] ab = range.replace("(", "").replace(")", "").split(",");
                start = Long.parseLong(ab[0].trim());
                count = Long.parseLong(ab[1].trim());
            }
            TableSchema schema = schemaOf(rec.result);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            ProtobufRecordStreamWriter w = new ProtobufRecordStreamWriter(schema, bos, RAW);
            long end = Math.min(rec.result.rows.size(), start + count);
            Column[] cols = schema.getColumns().toArray(new Column[0]);
            for (long i = start; i < end; i++) {
                ArrayRecord r = new ArrayRecord(cols);
                Object[] row = rec.result.rows.get((int) i);
                for (int k = 0; k < row.length; k++) {
                    r.set(k, row[k]);
                }
                w.write(r);
            }
            w.close();
            Reply r = new Reply();
            r.contentType = "application/octet-stream";
            r.body = bos.toByteArray();
            r.headers.put("odps-tunnel-record-count", String.valueOf(Math.max(0, end - start)));
            // direct (long-polling) download sessions read the schema from this header
            r.headers.put(
                    "odps-tunnel-schema",
                    schemaJson(rec.result.columns, Collections.emptyList()).toString());
            return r;
        }
        JsonObject o = new JsonObject();
        o.addProperty(
                "DownloadID", q.containsKey("downloadid") ? q.get("downloadid") : "dl-" + rec.id);
        o.addProperty("Status", "normal");
        o.addProperty("RecordCount", rec.result.rows.size());
        o.add("Schema", schemaJson(rec.result.columns, Collections.emptyList()));
        return Reply.json(o.toString());
    }

    private static TableSchema schemaOf(JobResult r) {
        TableSchema s = new TableSchema();
        for (String[] c : r.columns) {
            s.addColumn(new Column(c[0], TypeInfoParser.getTypeInfoFromTypeString(c[1])));
        }
        return s;
    }

    private static JsonObject schemaJson(List<String[]> columns, List<String[]> partitions) {
        JsonObject schema = new JsonObject();
        schema.add("columns", columnsJson(columns));
        schema.add("partitionKeys", columnsJson(partitions));
        return schema;
    }

    private static JsonArray columnsJson(List<String[]> columns) {
        JsonArray a = new JsonArray();
        for (String[] c : columns) {
            JsonObject o = new JsonObject();
            o.addProperty("name", c[0]);
            o.addProperty("type", c[1].toLowerCase(Locale.ROOT));
            o.addProperty("comment", c.length > 2 && c[2] != null ? c[2] : "");
            o.addProperty("nullable", "true");
            a.add(o);
        }
        return a;
    }

    // ------------------------------------------------------------------ tables

    /**
     * The schema a request means: {@code curr_schema} in three-tier projects, else {@code default}.
     */
    private static String schemaParam(Project p, String schemaName) {
        if (!p.threeTier || schemaName == null || schemaName.isEmpty()) {
            return "default"; // two-tier projects ignore curr_schema (odps-jdbc sends the project
                              // name there)
        }
        return schemaName.toLowerCase(Locale.ROOT);
    }

    private Table table(Project p, String schemaName, String name) {
        String s = schemaParam(p, schemaName);
        Schema schema = p.schemas.get(s);
        Table t = schema == null ? null : schema.tables.get(name.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new HttpError(
                    404,
                    "NoSuchObject",
                    "ODPS-0130131:Table not found - '" + p.name + "." + s + "." + name + "'");
        }
        return t;
    }

    private Reply listTables(Project p, Map<String, String> q, User user) {
        String s = schemaParam(p, q.get("curr_schema"));
        Schema schema = p.schemas.get(s.toLowerCase(Locale.ROOT));
        if (schema == null) {
            throw new HttpError(
                    404,
                    "NoSuchObject",
                    "ODPS-0110061: Schema not found - '" + p.name + "." + s + "'");
        }
        if (p.isPaimonDlf() && !user.hasDlfDataPermission()) {
            throw new HttpError(
                    403,
                    "NoPermission",
                    "ODPS-0130013:Authorization exception - Forbidden: User "
                            + user.principal()
                            + " doesn't have privilege LIST on DATABASE "
                            + schema.name);
        }
        List<String> names = new ArrayList<>(schema.tables.keySet());
        Collections.sort(names);
        String prefix = q.get("name");
        int maxItems = q.containsKey("maxitems") ? Integer.parseInt(q.get("maxitems")) : 100;
        String marker = q.get("marker");
        int from = 0;
        if (marker != null && !marker.isEmpty()) {
            from = Integer.parseInt(marker);
        }
        List<String> filtered = new ArrayList<>();
        for (String n : names) {
            if (prefix == null || n.startsWith(prefix.toLowerCase(Locale.ROOT))) {
                filtered.add(n);
            }
        }
        int to = Math.min(filtered.size(), from + maxItems);
        boolean extended = q.containsKey("extended");
        StringBuilder sb = new StringBuilder("<Tables>");
        for (int i = from; i < to; i++) {
            sb.append(tableXml(schema.tables.get(filtered.get(i)), extended));
        }
        sb.append("<Marker>")
                .append(to < filtered.size() ? String.valueOf(to) : "")
                .append("</Marker>");
        sb.append("<MaxItems>").append(maxItems).append("</MaxItems></Tables>");
        return Reply.xml(sb.toString());
    }

    private Reply tableMeta(Table t) {
        return Reply.xml(tableXml(t, true));
    }

    private String tableXml(Table t, boolean extended) {
        JsonObject j = new JsonObject();
        j.addProperty("tableName", t.name);
        j.addProperty("comment", t.comment == null ? "" : t.comment);
        j.addProperty("owner", t.owner);
        j.addProperty("createTime", t.createdAt / 1000);
        j.addProperty("lastModifiedTime", t.lastModified / 1000);
        j.addProperty("lastDDLTime", t.createdAt / 1000);
        j.addProperty("lastAccessTime", t.lastModified / 1000);
        j.addProperty("isVirtualView", false);
        j.addProperty("isExternal", t.external);
        j.addProperty("lifecycle", t.lifecycle == null ? -1 : t.lifecycle);
        j.addProperty("size", 0);
        List<String[]> cols = new ArrayList<>();
        for (Catalog.Column c : t.columns) {
            cols.add(new String[] {c.name, SqlEngine.typeText(c), c.comment});
        }
        List<String[]> parts = new ArrayList<>();
        for (Catalog.Column c : t.partitionColumns) {
            parts.add(new String[] {c.name, SqlEngine.typeText(c), c.comment});
        }
        j.add("columns", columnsJson(cols));
        j.add("partitionKeys", columnsJson(parts));
        if (extended) {
            if (t.storageHandler != null) {
                j.addProperty("storageHandler", t.storageHandler);
            }
            if (t.location != null) {
                j.addProperty("location", t.location);
            }
            if (!t.serdeProperties.isEmpty()) {
                j.addProperty("serDeProperties", GSON.toJson(t.serdeProperties));
            }
            JsonObject reserved = new JsonObject();
            reserved.addProperty("Transactional", "false");
            for (Map.Entry<String, String> e : t.tblProperties.entrySet()) {
                reserved.addProperty(e.getKey(), e.getValue());
            }
            j.addProperty("Reserved", reserved.toString());
        }
        return "<Table><Name>"
                + esc(t.name)
                + "</Name><TableId>"
                + esc(t.fullName())
                + "</TableId>"
                + "<Schema format=\"json\">"
                + cdata(j.toString())
                + "</Schema>"
                + "<Comment>"
                + esc(t.comment == null ? "" : t.comment)
                + "</Comment>"
                + "<Owner>"
                + esc(t.owner)
                + "</Owner><Project>"
                + esc(t.project)
                + "</Project>"
                + "<SchemaName>"
                + esc(t.schema)
                + "</SchemaName>"
                + "<CreationTime>"
                + rfc822(new Date(t.createdAt))
                + "</CreationTime>"
                + "<LastModifiedTime>"
                + rfc822(new Date(t.lastModified))
                + "</LastModifiedTime>"
                + "<Type>"
                + (t.external ? "EXTERNAL_TABLE" : "MANAGED_TABLE")
                + "</Type></Table>";
    }

    /**
     * {@code GET /projects/p/tables/t?partition=ds='x'}: a partition's metadata, or 404 when it
     * does not exist.
     */
    private Reply partition(Table t, String specText) {
        Map<String, String> spec = parseSpec(specText);
        String normalized;
        try {
            normalized = SqlEngine.normalizeSpec(t, spec);
        } catch (OdpsSqlException e) {
            throw new HttpError(400, "InvalidArgument", e.getMessage());
        }
        if (!emu.engine().partitions(t).contains(normalized)) {
            throw new HttpError(
                    404,
                    "NoSuchObject",
                    "ODPS-0130131:Partition not found - '"
                            + normalized
                            + "' of table "
                            + t.fullName());
        }
        JsonObject j = new JsonObject();
        j.addProperty("createTime", t.createdAt / 1000);
        j.addProperty("lastDDLTime", t.createdAt / 1000);
        j.addProperty("lastModifiedTime", t.lastModified / 1000);
        j.addProperty("lastAccessTime", 0);
        StringBuilder cols = new StringBuilder();
        for (Map.Entry<String, String> e : spec.entrySet()) {
            cols.append("<Column Name=\"")
                    .append(esc(e.getKey()))
                    .append("\" Value=\"")
                    .append(esc(e.getValue()))
                    .append("\"/>");
        }
        return Reply.xml(
                "<Partition>" + cols + "<Schema>" + cdata(j.toString()) + "</Schema></Partition>");
    }

    /** {@code ds='a',hr=1} or {@code ds=a/hr=1} to an ordered map without quotes. */
    static Map<String, String> parseSpec(String text) {
        Map<String, String> spec = new LinkedHashMap<>();
        for (String kv : text.split("[,/]")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                spec.put(
                        kv.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        kv.substring(eq + 1).trim().replaceAll("^['\"]|['\"]$", ""));
            }
        }
        return spec;
    }

    // ------------------------------------------------------------------ table tunnel upload

    private Reply upload(String method, Table t, Map<String, String> q, byte[] body, User user)
            throws IOException {
        if (q.containsKey("uploads") && method.equals("POST")) {
            if (emu.catalog.project(t.project).isPaimonDlf() && !user.hasDlfDataPermission()) {
                throw new HttpError(
                        403,
                        "NoPermission",
                        "ODPS-0130013:Authorization exception - Forbidden: User "
                                + user.principal()
                                + " doesn't have privilege UPDATE on TABLE "
                                + t.schema
                                + "."
                                + t.name);
            }
            UploadSession s =
                    new UploadSession(
                            UUID.randomUUID().toString().replace("-", ""),
                            t,
                            q.get("partition"),
                            "true".equals(q.get("overwrite")));
            uploads.put(s.id, s);
            return Reply.json(uploadJson(s));
        }
        UploadSession s = uploads.get(q.get("uploadid"));
        if (s == null) {
            throw new HttpError(
                    404, "NoSuchUpload", "Upload session not found: " + q.get("uploadid"));
        }
        if (method.equals("PUT")) {
            long block = Long.parseLong(q.getOrDefault("blockid", "0"));
            List<Record> records = new ArrayList<>();
            TableSchema schema = tunnelSchema(t);
            ProtobufRecordStreamReader reader =
                    new ProtobufRecordStreamReader(schema, new ByteArrayInputStream(body), RAW);
            Record r;
            while ((r = reader.read()) != null) {
                records.add(r);
            }
            synchronized (s) {
                s.blocks.put(block, records);
            }
            Reply reply = new Reply();
            reply.contentType = "application/json";
            return reply;
        }
        if (method.equals("POST")) {
            synchronized (s) {
                if (!"closed".equals(s.status)) {
                    emu.commitUpload(t, s.partition, s.overwrite, s.blocks, user);
                    s.status = "closed";
                }
            }
            return Reply.json(uploadJson(s));
        }
        return Reply.json(uploadJson(s));
    }

    private String uploadJson(UploadSession s) {
        JsonObject o = new JsonObject();
        o.addProperty("UploadID", s.id);
        o.addProperty("Status", s.status);
        JsonArray blocks = new JsonArray();
        synchronized (s) {
            for (Long b : s.blocks.keySet()) {
                JsonObject bo = new JsonObject();
                bo.addProperty("BlockID", b);
                blocks.add(bo);
            }
        }
        o.add("UploadedBlockList", blocks);
        List<String[]> cols = new ArrayList<>();
        for (Catalog.Column c : s.table.columns) {
            cols.add(new String[] {c.name, c.type, c.comment});
        }
        List<String[]> parts = new ArrayList<>();
        for (Catalog.Column c : s.table.partitionColumns) {
            parts.add(new String[] {c.name, c.type, c.comment});
        }
        o.add("Schema", schemaJson(cols, parts));
        o.addProperty("MaxFieldSize", 8 * 1024 * 1024);
        return o.toString();
    }

    private static TableSchema tunnelSchema(Table t) {
        TableSchema s = new TableSchema();
        for (Catalog.Column c : t.columns) {
            s.addColumn(new Column(c.name, TypeInfoParser.getTypeInfoFromTypeString(c.type)));
        }
        return s;
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] readAll(InputStream in, String encoding) throws IOException {
        InputStream src = in;
        if (encoding != null && encoding.equalsIgnoreCase("deflate")) {
            src = new InflaterInputStream(in);
        } else if (encoding != null
                && !encoding.isEmpty()
                && !encoding.equalsIgnoreCase("identity")) {
            throw new HttpError(
                    400,
                    "InvalidArgument",
                    "Unsupported Content-Encoding "
                            + encoding
                            + " (the emulator accepts deflate or none)");
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = src.read(buf)) > 0) {
            bos.write(buf, 0, n);
        }
        return bos.toByteArray();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String kv : raw.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            try {
                if (eq < 0) {
                    m.put(URLDecoder.decode(kv, "UTF-8"), null);
                } else {
                    m.put(
                            URLDecoder.decode(kv.substring(0, eq), "UTF-8"),
                            URLDecoder.decode(kv.substring(eq + 1), "UTF-8"));
                }
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private static String childText(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(tag)) {
                return n.getTextContent();
            }
        }
        return null;
    }

    static String rfc822(Date d) {
        SimpleDateFormat f = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
        f.setTimeZone(TimeZone.getTimeZone("GMT"));
        return f.format(d == null ? new Date() : d);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    static String cdata(String s) {
        return "<![CDATA[" + (s == null ? "" : s.replace("]]>", "]]]]><![CDATA[>")) + "]]>";
    }
}
