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

import static dev.lakeproxy.odpsemu.rest.RestText.GSON;
import static dev.lakeproxy.odpsemu.rest.RestText.cdata;
import static dev.lakeproxy.odpsemu.rest.RestText.childText;
import static dev.lakeproxy.odpsemu.rest.RestText.esc;
import static dev.lakeproxy.odpsemu.rest.RestText.parseXml;
import static dev.lakeproxy.odpsemu.rest.RestText.rfc822;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import dev.lakeproxy.odpsemu.PublicProjects;
import dev.lakeproxy.odpsemu.User;
import dev.lakeproxy.odpsemu.tunnel.InstanceTunnel;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Instances: SQL job submission, status, task status, results, summary and source. The instance of
 * an MCQA session (an SQLRT task) is served by {@link InteractiveSessions}.
 */
final class InstanceResources {

    private final MaxComputeEmulator emu;
    private final JobRunner runner;
    final Map<String, InstanceRecord> instances = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    /** SQL job instances, oldest first, and how many of them to keep (0: all). */
    private final Queue<String> jobOrder = new ConcurrentLinkedQueue<>();
    private final int retention;

    /** Parameters a plain instance-status request may carry (besides none). */
    static final Set<String> STATUS_PARAMS =
            new HashSet<>(Arrays.asList("instancestatus", "taskname", "curr_project"));

    /** Task kinds a job may carry: SQL (offline job) and SQLRT (an MCQA session). */
    private static final Set<String> TASK_TYPES = new HashSet<>(Arrays.asList("SQL", "SQLRT"));

    private final InstanceTunnel tunnel = new InstanceTunnel();
    private final InteractiveSessions sessions;

    /**
     * @param emu its endpoint names a new instance
     * @param retention how many SQL job instances to keep answering for (0: all)
     */
    InstanceResources(MaxComputeEmulator emu, JobRunner runner, int retention) {
        this.emu = emu;
        this.runner = runner;
        this.retention = retention;
        this.sessions = new InteractiveSessions(runner, instances);
    }

    Reply submit(Project p, byte[] body, User user) {
        PublicProjects.requireMember(p);
        String taskType;
        String taskName;
        String sql;
        Map<String, String> settings = new LinkedHashMap<>();
        String uuid = null;
        try {
            Document doc = parseXml(body);
            NodeList tasks = doc.getElementsByTagName("Tasks");
            if (tasks.getLength() == 0) {
                throw new HttpError(
                        400,
                        "InvalidArgument",
                        "ODPS-0420061: Invalid parameter in HTTP request - job has no task");
            }
            Element task = null;
            for (Node n = tasks.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element) {
                    task = (Element) n;
                    break;
                }
            }
            if (task == null || !TASK_TYPES.contains(task.getTagName())) {
                throw new HttpError(
                        400,
                        "InvalidArgument",
                        "ODPS-0420061: Invalid parameter in HTTP request - only SQL and SQLRT tasks"
                            + " are emulated");
            }
            taskType = task.getTagName();
            taskName = childText(task, "Name");
            sql = childText(task, "Query");
            NodeList props = task.getElementsByTagName("Property");
            for (int i = 0; i < props.getLength(); i++) {
                Element pe = (Element) props.item(i);
                String name = childText(pe, "Name");
                String value = childText(pe, "Value");
                if ("uuid".equals(name)) {
                    uuid = value;
                }
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
                    "ODPS-0420061: Invalid parameter in HTTP request - malformed job: "
                            + e.getMessage());
        }
        boolean session = taskType.equals("SQLRT");
        if (!session && (sql == null || sql.trim().isEmpty())) {
            throw new HttpError(
                    400,
                    "InvalidArgument",
                    "ODPS-0420061: Invalid parameter in HTTP request - empty SQL");
        }
        String id =
                new SimpleDateFormat("yyyyMMddHHmmssSSS").format(new Date())
                        + String.format("g%06d", seq.incrementAndGet());
        InstanceRecord rec =
                new InstanceRecord(
                        id,
                        p.name,
                        taskName == null ? "AnonymousSQLTask" : taskName,
                        session ? "" : sql,
                        Collections.unmodifiableMap(new LinkedHashMap<>(settings)),
                        user);
        rec.uuid = uuid;
        if (session) {
            rec.session = sessions.start(rec);
            instances.put(id, rec);
        } else {
            instances.put(id, rec);
            jobOrder.add(id);
            runner.run(p, rec);
            forgetOldest();
        }
        Reply r = new Reply();
        r.status = 201;
        r.headers.put("Location", emu.endpoint() + "/projects/" + p.name + "/instances/" + id);
        return r;
    }

    /**
     * Beyond the retention, the oldest SQL job instance is forgotten (one that is still running,
     * later).
     */
    private void forgetOldest() {
        if (retention <= 0) {
            return;
        }
        while (jobOrder.size() > retention) {
            String oldest = jobOrder.poll();
            InstanceRecord rec = oldest == null ? null : instances.get(oldest);
            if (rec != null && rec.end == null) {
                jobOrder.add(oldest);
                return;
            }
            instances.remove(oldest);
        }
    }

    /** {@code /projects/p/instances[/id]}: submit and list, or one instance's sub-resources. */
    Reply route(
            String method,
            Project p,
            List<String> seg,
            Map<String, String> q,
            byte[] body,
            User user)
            throws IOException {
        if (seg.size() == 3) {
            if (method.equals("POST")) {
                return submit(p, body, user);
            }
            return Reply.xml("<Instances><Marker></Marker><MaxItems>100</MaxItems></Instances>");
        }
        if (seg.size() != 4) {
            throw HttpError.unknownResource(seg);
        }
        return instance(method, p, seg.get(3), q, body, user);
    }

    /**
     * A task's status as MaxCompute names it: Running, Success, Failed or, after a KILL, Cancelled.
     */
    private static String taskStatus(InstanceRecord rec, boolean running) {
        if (running) {
            return "Running";
        }
        return rec.cancelled ? "Cancelled" : rec.error == null ? "Success" : "Failed";
    }

    InstanceRecord requireInstance(Project p, String id) {
        InstanceRecord rec = instances.get(id);
        if (rec == null || !rec.project.equalsIgnoreCase(p.name)) {
            throw new HttpError(
                    404, "NoSuchObject", "ODPS-0420061: Instance not found - '" + id + "'");
        }
        return rec;
    }

    Reply instance(
            String method,
            Project p,
            String id,
            Map<String, String> q,
            byte[] body,
            User user)
            throws IOException {
        InstanceRecord rec = requireInstance(p, id);
        if (rec.session != null) {
            return sessions.handle(method, p, rec, q, body, user);
        }
        if (q.containsKey("info")) {
            throw HttpError.invalidParameter(
                    "task info is served for MCQA sessions; " + id + " is an SQL job");
        }
        if (q.containsKey("downloads") || q.containsKey("downloadid")) {
            return tunnel.download(rec, q);
        }
        if (method.equals("PUT")) {
            runner.stop(rec); // Status Terminated: a KILL; a job that already ran keeps its outcome
            return Reply.xml("<Instance><Status>Terminated</Status></Instance>");
        }
        if (q.containsKey("taskstatus")) {
            boolean running = rec.running;
            return Reply.xml(
                    "<Instance><Status>"
                            + (running ? "Running" : "Terminated")
                            + "</Status><Tasks><Task Type=\"SQL\"><Name>"
                            + esc(rec.taskName)
                            + "</Name><StartTime>"
                            + rfc822(rec.start)
                            + "</StartTime>"
                            + (running ? "" : "<EndTime>" + rfc822(rec.end) + "</EndTime>")
                            + "<Status>"
                            + taskStatus(rec, running)
                            + "</Status><Histories/></Task></Tasks>"
                            + "</Instance>");
        }
        if (q.containsKey("result")) {
            String text = rec.error != null ? rec.error : rec.result == null ? "" : rec.result.text;
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
        for (String k : q.keySet()) {
            if (!STATUS_PARAMS.contains(k)) {
                throw HttpError.invalidParameter("'" + k + "' is not served for instances");
            }
        }
        Reply r =
                Reply.xml(
                        "<Instance><Status>"
                                + (rec.running ? "Running" : "Terminated")
                                + "</Status></Instance>");
        r.headers.put("x-odps-owner", rec.user.principal());
        r.headers.put("x-odps-start-time", rfc822(rec.start));
        r.headers.put("x-odps-end-time", rfc822(rec.end));
        return r;
    }
}
