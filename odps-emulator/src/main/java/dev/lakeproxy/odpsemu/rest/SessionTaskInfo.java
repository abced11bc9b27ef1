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
import static dev.lakeproxy.odpsemu.rest.RestText.childText;
import static dev.lakeproxy.odpsemu.rest.RestText.parseXml;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.JobResult;
import dev.lakeproxy.odpsemu.User;
import dev.lakeproxy.odpsemu.sql.SessionStatements;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The task info of an MCQA session ({@code GET|PUT /projects/p/instances/id?info&taskname=t}), as
 * odps-sdk-core 0.43.3's {@code Session} and {@code Instance.getTaskInfo/setInformation} use it:
 * reads answer {@code {"status":<code>,"result":"..."}} (codes 2 running, 4 failed, 5 terminated),
 * writes answer {@code {"status":"ok|NotFound|Failed","result":"..."}}. A key the session does not
 * know is an error, never a 200 with something else.
 */
final class SessionTaskInfo {

    /** odps-sdk-core's {@code Session.waitForSubqueryTerminated} looks for this text. */
    private static final String NOT_FOUND = "SubQuery not found";

    /** The MCQA limit "only SELECT statements": odps-sdk-core falls back on the ODPS-185 code. */
    static final String NOT_A_QUERY =
            "ODPS-1850001: Non select query not supported - MCQA accelerates only queries"
                    + " (statements that begin with SELECT)";

    /** MCQA's default result size limit (usage limits: at most one million rows). */
    static final int MAX_ROWS = 1_000_000;

    private final JobRunner runner;

    SessionTaskInfo(JobRunner runner) {
        this.runner = runner;
    }

    Reply get(InstanceRecord rec, String key) {
        SqlRtSession s = rec.session;
        if (key == null) {
            throw HttpError.invalidParameter("task info needs a key");
        }
        if (key.equals("status") || key.equals("wait_attach_success")) {
            if (s.attachError != null) {
                return status(SqlRtSession.FAILED, s.attachError);
            }
            return s.running() ? status(SqlRtSession.RUNNING, "") : stoppedAnswer();
        }
        if (key.equals("sqlstats")) {
            return s.running() ? stats(s.current()) : stoppedAnswer();
        }
        String[] prefixes = {"get_finished_status_", "result_", "sqlstats_"};
        for (String prefix : prefixes) {
            if (key.startsWith(prefix)) {
                int id = subQueryId(key.substring(prefix.length()));
                return s.running() ? subQuery(prefix, s.query(id), id) : stoppedAnswer();
            }
        }
        throw HttpError.invalidParameter("unknown task info key '" + key + "'");
    }

    private static Reply subQuery(String prefix, InstanceRecord query, int id) {
        if (query == null) {
            return status(SqlRtSession.FAILED, NOT_FOUND + ": " + id);
        }
        if (prefix.equals("sqlstats_")) {
            return stats(query);
        }
        int code = SqlRtSession.statusOf(query);
        String text =
                query.error != null
                        ? query.error
                        : prefix.equals("result_") ? query.result.text : "";
        JsonObject o = new JsonObject();
        o.addProperty("status", code);
        o.addProperty("result", text);
        o.addProperty("subQueryId", id);
        return Reply.json(o.toString());
    }

    private static Reply stats(InstanceRecord query) {
        if (query == null) {
            return status(SqlRtSession.TERMINATED, "");
        }
        String rows = query.result == null ? "failed" : query.result.rows.size() + " rows";
        return status(
                SqlRtSession.statusOf(query),
                "emulated MCQA sub query " + query.subQueryId + ": " + rows);
    }

    /**
     * A stopped session has no worker to ask: the answer is empty, and the SDK then reads the task
     * status ({@code Cancelled}) and reports the session as stopped.
     */
    private static Reply stoppedAnswer() {
        return Reply.json("");
    }

    private static Reply status(int code, String result) {
        JsonObject o = new JsonObject();
        o.addProperty("status", code);
        o.addProperty("result", result);
        return Reply.json(o.toString());
    }

    private static int subQueryId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw HttpError.invalidParameter("sub query id '" + text + "' is not a number");
        }
    }

    // ---------------------------------------------------------------- writes

    Reply set(Project p, InstanceRecord rec, byte[] body, User user) {
        String key;
        String value;
        try {
            Element root = parseXml(body).getDocumentElement();
            key = childText(root, "Key");
            value = childText(root, "Value");
        } catch (Exception e) {
            throw new HttpError(
                    400,
                    "InvalidArgument",
                    "ODPS-0420061: Invalid parameter in HTTP request - malformed task info");
        }
        SqlRtSession s = rec.session;
        if ("query".equals(key)) {
            if (!s.running()) {
                return written("NotFound", "Session " + rec.id + " is not running");
            }
            return written("ok", submit(p, rec, value, user));
        }
        if ("cancel".equals(key)) {
            if (!s.running()) {
                return written("NotFound", "Session " + rec.id + " is not running");
            }
            int id = subQueryId(value);
            // sub queries run to the end when submitted: a known one has nothing left to cancel
            return s.query(id) == null
                    ? written("Failed", NOT_FOUND + ": " + id)
                    : written("ok", "");
        }
        throw HttpError.invalidParameter("unknown task info key '" + key + "'");
    }

    /**
     * Runs a sub query ({@code {"query":"...","settings":{...}}}) with the session's settings under
     * its own, and answers its id; a statement MCQA does not run gets id -1 and the reason.
     */
    private String submit(Project p, InstanceRecord rec, String value, User user) {
        String sql;
        Map<String, String> settings = new LinkedHashMap<>(rec.session.settings);
        try {
            JsonObject request = GSON.fromJson(value, JsonObject.class);
            sql = request.get("query").getAsString();
            if (request.has("settings")) {
                Map<String, String> own =
                        GSON.fromJson(
                                request.get("settings"),
                                new TypeToken<Map<String, String>>() {}.getType());
                settings.putAll(own);
            }
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new HttpError(
                    400,
                    "InvalidArgument",
                    "ODPS-0420061: Invalid parameter in HTTP request - malformed sub query");
        }
        JsonObject answer = new JsonObject();
        if (!SessionStatements.isQuery(sql)) {
            answer.addProperty("queryId", -1);
            answer.addProperty("result", NOT_A_QUERY);
            return answer.toString();
        }
        InstanceRecord query =
                new InstanceRecord(
                        rec.id,
                        rec.project,
                        rec.taskName,
                        sql,
                        Collections.unmodifiableMap(settings),
                        user);
        query.subQueryId = rec.session.add(query);
        runner.run(p, query);
        capRows(query);
        synchronized (query) {
            query.notifyAll();
        }
        answer.addProperty("queryId", query.subQueryId);
        return answer.toString();
    }

    /**
     * MCQA answers at most {@value #MAX_ROWS} rows of a query without a LIMIT of its own (its
     * "usage limits": a LIMIT in the statement lifts it).
     */
    private static void capRows(InstanceRecord query) {
        JobResult r = query.result;
        if (r != null && r.rows.size() > MAX_ROWS && !SessionStatements.hasLimit(query.sql)) {
            r.rows = new ArrayList<>(r.rows.subList(0, MAX_ROWS));
        }
    }

    private static Reply written(String status, String result) {
        JsonObject o = new JsonObject();
        o.addProperty("status", status);
        o.addProperty("result", result);
        return Reply.json(o.toString());
    }
}
