package dev.lakeproxy.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * KMS on a loopback port for a driver jar in another JVM: the RPC-style API (Action, KeyId, CiphertextBlob as
 * form or query parameters) answered in KMS's JSON, so the jar's bundled SDK parses real answers with its gson.
 */
public final class LoopbackKms implements AutoCloseable {

    public final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final String keyId;
    private final String keyState;
    private final String ciphertext;
    private final String plaintext;

    public LoopbackKms(String keyId, String keyState, String ciphertext, String plaintext) throws IOException {
        this.keyId = keyId;
        this.keyState = keyState;
        this.ciphertext = ciphertext;
        this.plaintext = plaintext;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    public String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> in = new HashMap<>();
        form(exchange.getRequestURI().getRawQuery(), in);
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), in);
        String action = in.getOrDefault("Action", "");
        requests.add(action + " " + in.getOrDefault("KeyId", in.getOrDefault("CiphertextBlob", "")));
        if (action.equals("DescribeKey") && keyId.equals(in.get("KeyId"))) {
            reply(exchange, 200, "{\"RequestId\":\"lk-1\",\"KeyMetadata\":{\"KeyId\":\"" + keyId + "\",\"KeyState\":\""
                    + keyState + "\",\"Origin\":\"Aliyun_KMS\",\"KeySpec\":\"Aliyun_AES_256\",\"KeyUsage\":\"ENCRYPT/DECRYPT\"}}");
        } else if (action.equals("Decrypt") && ciphertext.equals(in.get("CiphertextBlob"))) {
            reply(exchange, 200, "{\"RequestId\":\"lk-2\",\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"" + plaintext + "\"}");
        } else {
            reply(exchange, 404, "{\"RequestId\":\"lk-3\",\"Code\":\"Forbidden.ResourceNotFound\",\"Message\":\"not here\"}");
        }
    }

    private static void form(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                into.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
