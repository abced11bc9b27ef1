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

import static dev.lakeproxy.odpsemu.tunnel.TunnelSchemas.schemaJson;

import com.google.gson.JsonObject;
import dev.lakeproxy.odpsemu.rest.HttpError;
import dev.lakeproxy.odpsemu.rest.InstanceRecord;
import dev.lakeproxy.odpsemu.rest.Reply;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;

/** The instance tunnel: download sessions and record streams of a query result. */
public final class InstanceTunnel {

    public Reply download(InstanceRecord rec, Map<String, String> q) throws IOException {
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
            return TunnelSchemas.records(rec.result.columns, rec.result.rows, q.get("rowrange"));
        }
        JsonObject o = new JsonObject();
        o.addProperty(
                "DownloadID", q.containsKey("downloadid") ? q.get("downloadid") : "dl-" + rec.id);
        o.addProperty("Status", "normal");
        o.addProperty("RecordCount", rec.result.rows.size());
        o.add("Schema", schemaJson(rec.result.columns, Collections.emptyList()));
        return Reply.json(o.toString());
    }
}
