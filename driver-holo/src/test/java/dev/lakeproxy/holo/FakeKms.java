package dev.lakeproxy.holo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback KMS endpoint for the real aliyun-java-sdk-kms: DescribeKey and Decrypt, answered in
 * KMS's JSON, with per-key states, and switches to answer something that is not JSON at all, or an
 * error status.
 */
final class FakeKms implements AutoCloseable {

    final Map<String, String> keyStates = new ConcurrentHashMap<>();
    final Map<String, String> plaintexts = new ConcurrentHashMap<>();
    final List<String> actions = new CopyOnWriteArrayList<>();
    /** The CiphertextBlob of each Decrypt request, in order. */
    final List<String> ciphertexts = new CopyOnWriteArrayList<>();
    volatile boolean answerHtml;
    /** When not 0, every request is answered with this status and KMS's error JSON (a 5xx, say). */
    volatile int answerStatus;
    private final HttpServer server;

    FakeKms() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> params = new ConcurrentHashMap<>();
        parse(ex.getRequestURI().getRawQuery(), params);
        parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
        String action = params.getOrDefault("Action", "");
        actions.add(action);
        if (action.equals("Decrypt")) {
            ciphertexts.add(params.getOrDefault("CiphertextBlob", ""));
        }
        if (answerStatus != 0) {
            send(ex, answerStatus, "application/json", "{\"RequestId\":\"r-5xx\","
                    + "\"Code\":\"ServiceUnavailable\",\"Message\":\"The request has failed "
                    + "due to a temporary failure of the server.\"}");
            return;
        }
        if (answerHtml) {
            send(ex, 200, "text/html", "<html><body>Proxy error: upstream unavailable</body></html>");
            return;
        }
        if (action.equals("DescribeKey")) {
            String key = params.getOrDefault("KeyId", "");
            String state = keyStates.get(key);
            if (state == null) {
                send(ex, 404, "application/json", "{\"RequestId\":\"r-404\",\"Code\":\"Forbidden.KeyNotFound\",\"Message\":\"The specified Key is not found.\"}");
                return;
            }
            send(ex, 200, "application/json", "{\"RequestId\":\"r-1\",\"KeyMetadata\":{\"KeyId\":\"" + key + "\",\"KeyState\":\"" + state
                    + "\",\"Origin\":\"Aliyun_KMS\",\"KeySpec\":\"Aliyun_AES_256\",\"KeyUsage\":\"ENCRYPT/DECRYPT\"}}");
        } else if (action.equals("Decrypt")) {
            String plain = plaintexts.get(params.getOrDefault("CiphertextBlob", ""));
            if (plain == null) {
                send(ex, 400, "application/json", "{\"RequestId\":\"r-400\",\"Code\":\"InvalidCiphertext\",\"Message\":\"The ciphertext is invalid.\"}");
                return;
            }
            send(ex, 200, "application/json", "{\"RequestId\":\"r-2\",\"KeyId\":\"k\",\"Plaintext\":\"" + plain + "\"}");
        } else {
            send(ex, 400, "application/json", "{\"RequestId\":\"r-x\",\"Code\":\"InvalidAction\",\"Message\":\"unknown action\"}");
        }
    }

    private static void parse(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type + ";charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
