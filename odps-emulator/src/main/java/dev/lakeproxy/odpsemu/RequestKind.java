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

import java.util.List;
import java.util.Map;

/**
 * What an HTTP request to the emulator asks for, as {@link ServiceFaults} and its request counts
 * tell them apart.
 */
public enum RequestKind {
    /** {@code POST /projects/p/instances}: a job submission (odps-sdk never retries it). */
    SUBMIT,
    /**
     * {@code GET /projects/p/instances/id}: the instance's status, which a client polls while the
     * job runs.
     */
    STATUS,
    /** {@code GET ...?taskstatus}. */
    TASK_STATUS,
    /**
     * {@code GET ...?result}, {@code ?instancesummary} and the instance's other read-only parts.
     */
    INSTANCE_DETAIL,
    /** {@code PUT /projects/p/instances/id}: stop (KILL) the job. */
    STOP,
    /** {@code GET /projects/p/tunnel}: where the tunnel is. */
    TUNNEL_ENDPOINT,
    /** {@code POST ...instances/id?downloads}: an instance-tunnel download session. */
    DOWNLOAD_SESSION,
    /** {@code GET ...?data}: a record stream of the instance or table tunnel. */
    TUNNEL_DATA,
    /** {@code GET /projects/p/tables/t}: one table's metadata. */
    TABLE,
    /** {@code GET /projects/p}. */
    PROJECT,
    /**
     * Everything else: table listings, table-tunnel uploads and sessions, tenants, schemas,
     * functions.
     */
    OTHER;

    /**
     * The kind of a request, from its method, its path segments (after {@code /api}) and its query
     * parameters.
     */
    public static RequestKind of(String method, List<String> seg, Map<String, String> q) {
        if (seg.size() < 2 || !seg.get(0).equals("projects")) {
            return OTHER;
        }
        if (seg.size() == 2) {
            return method.equals("GET") ? PROJECT : OTHER;
        }
        if (q.containsKey("data")) {
            return TUNNEL_DATA;
        }
        String what = seg.get(2);
        if (what.equals("tunnel") && seg.size() == 3) {
            return TUNNEL_ENDPOINT;
        }
        if (what.equals("tables")) {
            boolean tunnel =
                    q.containsKey("uploads")
                            || q.containsKey("uploadid")
                            || q.containsKey("downloads")
                            || q.containsKey("downloadid");
            return seg.size() == 4 && method.equals("GET") && !tunnel ? TABLE : OTHER;
        }
        if (!what.equals("instances")) {
            return OTHER;
        }
        if (seg.size() == 3) {
            return method.equals("POST") ? SUBMIT : OTHER;
        }
        if (method.equals("PUT")) {
            return STOP;
        }
        if (q.containsKey("downloads")) {
            return DOWNLOAD_SESSION;
        }
        if (q.containsKey("taskstatus")) {
            return TASK_STATUS;
        }
        return q.isEmpty() || q.keySet().stream().allMatch(k -> k.equals("curr_project"))
                ? STATUS
                : INSTANCE_DETAIL;
    }
}
