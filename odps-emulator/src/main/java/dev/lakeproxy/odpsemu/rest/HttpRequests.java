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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.InflaterInputStream;

/** What a request carries besides its path: its query parameters and its (deflated) body. */
final class HttpRequests {

    private HttpRequests() {}

    /** The request body, inflated when it was sent deflated. */
    static byte[] body(InputStream in, String encoding) throws IOException {
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

    /** The query parameters, decoded; a parameter without a value maps to null. */
    static Map<String, String> query(String raw) {
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
}
