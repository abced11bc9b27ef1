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

import static dev.lakeproxy.odpsemu.rest.RestText.cdata;
import static dev.lakeproxy.odpsemu.rest.RestText.esc;
import static dev.lakeproxy.odpsemu.rest.RestText.rfc822;

import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.User;
import dev.lakeproxy.odpsemu.tunnel.SessionTunnel;
import java.io.IOException;
import java.util.Date;
import java.util.Map;

/**
 * MCQA (query acceleration) sessions: an instance whose task is {@code SQLRT} stays {@code Running}
 * and takes sub queries through its task info ({@link SessionTaskInfo}); their results come
 * through the instance tunnel ({@link SessionTunnel}). This class starts sessions and answers the
 * instance resource of a session: status, task status, result, source, progress and stop.
 */
final class InteractiveSessions {

    /** The public MCQA service odps-jdbc and the SDK attach to by default. */
    static final String PUBLIC_SERVICE = "public.default";

    private final Map<String, InstanceRecord> instances;
    private final SessionTaskInfo info;
    private final SessionTunnel tunnel = new SessionTunnel();

    InteractiveSessions(JobRunner runner, Map<String, InstanceRecord> instances) {
        this.instances = instances;
        this.info = new SessionTaskInfo(runner);
    }

    /**
     * The session of a new SQLRT instance. Attaching ({@code odps.sql.session.share.id}) works for
     * the public service and for a running session created with that {@code odps.sql.session.name};
     * any other name fails the attach, and the session never runs.
     */
    SqlRtSession start(InstanceRecord rec) {
        String shareId = rec.settings.get("odps.sql.session.share.id");
        String error = null;
        if (shareId != null && !shareId.equals(PUBLIC_SERVICE) && !namedSessionRunning(shareId)) {
            error = "ODPS-1820002: Session not found - no running session or public service named '"
                    + shareId + "'";
        }
        if (error != null) {
            rec.end = new Date();
        }
        return new SqlRtSession(rec.taskName, rec.settings, error);
    }

    private boolean namedSessionRunning(String name) {
        for (InstanceRecord r : instances.values()) {
            if (r.session != null && r.session.running() && name.equals(r.session.name())) {
                return true;
            }
        }
        return false;
    }

    Reply handle(
            String method,
            Project p,
            InstanceRecord rec,
            Map<String, String> q,
            byte[] body,
            User user)
            throws IOException {
        SqlRtSession s = rec.session;
        if (q.containsKey("info")) {
            requireTask(rec, q.get("taskname"));
            return method.equals("PUT")
                    ? info.set(p, rec, body, user)
                    : info.get(rec, q.get("key"));
        }
        if (q.containsKey("cached") || q.containsKey("data")) {
            requireTask(rec, q.get("taskname"));
            return tunnel.download(rec, q);
        }
        if (q.containsKey("downloads") || q.containsKey("downloadid")) {
            throw new HttpError(
                    400,
                    "InstanceTypeNotSupported",
                    "Instance " + rec.id + " is an MCQA session: download a sub query's result with"
                            + " taskname and queryid");
        }
        if (method.equals("PUT")) {
            if (s.running()) {
                s.stop();
                rec.end = new Date();
            }
            return Reply.xml("<Instance><Status>Terminated</Status></Instance>");
        }
        if (q.containsKey("taskstatus")) {
            return Reply.xml(
                    "<Instance><Status>" + instanceStatus(s) + "</Status>"
                            + "<Tasks><Task Type=\"SQLRT\">"
                            + "<Name>" + esc(rec.taskName) + "</Name>"
                            + "<StartTime>" + rfc822(rec.start)
                            + "</StartTime>" + (rec.end == null ? "" : "<EndTime>" + rfc822(rec.end)
                            + "</EndTime>") + "<Status>" + taskStatus(s) + "</Status><Histories/>"
                            + "</Task></Tasks></Instance>");
        }
        if (q.containsKey("result")) {
            String text = s.attachError != null ? s.attachError : "";
            return Reply.xml(
                    "<Instance><Tasks><Task Type=\"SQLRT\"><Name>" + esc(rec.taskName) + "</Name>"
                            + "<Result Format=\"text\" Transform=\"false\">" + cdata(text)
                            + "</Result><Status>" + taskStatus(s) + "</Status></Task></Tasks>"
                            + "</Instance>");
        }
        if (q.containsKey("source")) {
            return Reply.xml(
                    "<Instance><Job><Tasks><SQLRT><Name>" + esc(rec.taskName)
                            + "</Name></SQLRT></Tasks></Job></Instance>");
        }
        if (q.containsKey("instanceprogress")) {
            return Reply.xml("<Progress></Progress>");
        }
        for (String k : q.keySet()) {
            if (!InstanceResources.STATUS_PARAMS.contains(k)) {
                throw HttpError.invalidParameter("'" + k + "' is not served for instances");
            }
        }
        Reply r = Reply.xml("<Instance><Status>" + instanceStatus(s) + "</Status></Instance>");
        r.headers.put("x-odps-owner", rec.user.principal());
        r.headers.put("x-odps-start-time", rfc822(rec.start));
        // odps-sdk-core's Instance.reload parses this header whatever the status (a missing one
        // is a NullPointerException there); empty while running, which it reads as no end time
        r.headers.put("x-odps-end-time", rec.end == null ? "" : rfc822(rec.end));
        return r;
    }

    /** Task info and tunnel calls name the session's task; another name is a client mistake. */
    private static void requireTask(InstanceRecord rec, String taskName) {
        if (!rec.taskName.equals(taskName)) {
            throw HttpError.invalidParameter(
                    "taskname '" + taskName + "' is not a task of instance " + rec.id);
        }
    }

    private static String instanceStatus(SqlRtSession s) {
        return s.running() ? "Running" : "Terminated";
    }

    private static String taskStatus(SqlRtSession s) {
        if (s.attachError != null) {
            return "Failed";
        }
        return s.running() ? "Running" : "Cancelled";
    }
}
