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
package dev.lakeproxy.odpsemu.tunnel;

import dev.lakeproxy.odpsemu.rest.HttpError;
import dev.lakeproxy.odpsemu.rest.InstanceRecord;
import dev.lakeproxy.odpsemu.rest.Reply;
import dev.lakeproxy.odpsemu.rest.SqlRtSession;
import java.io.IOException;
import java.util.Map;

/**
 * The instance tunnel for an MCQA sub query ({@code GET .../instances/<session>?data&cached
 * &taskname=t[&queryid=n][&rowrange=(start,count)]}): odps-sdk-core's direct download session,
 * which never creates a download session on the server. It is long polling: the request waits for
 * the sub query to finish, and the answer carries the records with the schema and the record count
 * in the {@code odps-tunnel-schema} and {@code odps-tunnel-record-count} headers.
 */
public final class SessionTunnel {

    /** How long a read waits for a running sub query before the SDK's retryable timeout. */
    private static final long WAIT_MILLIS = 30_000;

    public Reply download(InstanceRecord rec, Map<String, String> q) throws IOException {
        SqlRtSession s = rec.session;
        if (!q.containsKey("data")) {
            throw HttpError.invalidParameter("a session sub query is read with 'data'");
        }
        if (!s.running()) {
            throw new HttpError(404, "NoSuchObject", "Session " + rec.id + " is not running");
        }
        InstanceRecord query = q.containsKey("queryid") ? s.query(queryId(q)) : s.current();
        if (query == null) {
            throw new HttpError(
                    404, "NoSuchObject", "SubQuery not found: " + q.getOrDefault("queryid", "-1"));
        }
        awaitEnd(query);
        if (query.error != null) {
            throw new HttpError(400, "InstanceFailed", query.error);
        }
        return TunnelSchemas.records(query.result.columns, query.result.rows, q.get("rowrange"));
    }

    private static int queryId(Map<String, String> q) {
        try {
            return Integer.parseInt(q.get("queryid"));
        } catch (NumberFormatException e) {
            throw HttpError.invalidParameter("queryid '" + q.get("queryid") + "' is not a number");
        }
    }

    /** odps-sdk-core retries a read that answers {@code OdpsTaskTimeout} (its tunnel timeout). */
    private static void awaitEnd(InstanceRecord query) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        synchronized (query) {
            long left;
            while (query.end == null && (left = deadline - System.currentTimeMillis()) > 0) {
                try {
                    query.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (query.end == null) {
            throw new HttpError(400, "OdpsTaskTimeout", "Wait for cache data timeout");
        }
    }
}
