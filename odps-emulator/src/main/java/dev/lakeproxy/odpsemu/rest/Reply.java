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
