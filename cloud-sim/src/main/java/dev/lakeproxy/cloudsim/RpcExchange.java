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
package dev.lakeproxy.cloudsim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call of Alibaba Cloud's RPC-style API (KMS, STS): the parameters from the query and the form
 * body, and the JSON answer. Shared by the stand-ins of this module.
 */
final class RpcExchange {

    final HttpExchange http;
    final Map<String, String> params = new LinkedHashMap<>();
    final Map<String, String> queryParams = new LinkedHashMap<>();

    RpcExchange(HttpExchange http) throws IOException {
        this.http = http;
        form(http.getRequestURI().getRawQuery(), queryParams);
        params.putAll(queryParams);
        form(new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
    }

    String action() {
        return params.getOrDefault("Action", "");
    }

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    void reply(int status, String json) throws IOException {
        send(status, "application/json", json);
    }

    void send(int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().add("Content-Type", type + ";charset=utf-8");
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An error document as the RPC API writes one. */
    void error(int status, String code, String message) throws IOException {
        reply(
                status,
                "{\"RequestId\":\"cs-"
                        + System.nanoTime()
                        + "\",\"Code\":\""
                        + code
                        + "\",\"Message\":\""
                        + json(message)
                        + "\"}");
    }

    static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void form(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }
}
