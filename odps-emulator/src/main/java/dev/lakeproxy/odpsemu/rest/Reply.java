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

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer: status, content type, headers and body. */
public final class Reply {

    int status = 200;
    public String contentType = "application/xml";
    public byte[] body = new byte[0];
    public final Map<String, String> headers = new LinkedHashMap<>();

    static Reply xml(String xml) {
        Reply r = new Reply();
        r.body =
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml)
                        .getBytes(StandardCharsets.UTF_8);
        return r;
    }

    public static Reply json(String json) {
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
