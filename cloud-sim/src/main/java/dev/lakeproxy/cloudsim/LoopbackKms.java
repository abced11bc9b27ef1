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

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * KMS on a loopback port, for the real aliyun-java-sdk-kms (over {@code http}, with {@code
 * lakeproxy.kms.endpoint} and {@code lakeproxy.kms.protocol=http}): DescribeKey with per-key
 * states, Decrypt of known ciphertexts, and GetSecretValue of Secrets Manager secrets with versions
 * and rotation (a new value becomes ACSCurrent, the previous one ACSPrevious), answered in KMS's
 * JSON. A switch makes it answer something that is not JSON at all.
 */
public final class LoopbackKms implements AutoCloseable {

    private final Map<String, String> keyStates = new ConcurrentHashMap<>();
    private final Map<String, String> plaintexts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> callers = new CopyOnWriteArrayList<>();
    private volatile boolean answerHtml;
    private volatile int answerStatus;
    private final HttpServer server;

    public LoopbackKms() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> answer(new RpcExchange(ex)));
        server.start();
    }

    /** {@code 127.0.0.1:PORT}, for {@code lakeproxy.kms.endpoint}. */
    public String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * lakeproxy's options that point its KMS calls here, signed with this AccessKey pair (the
     * stand-in records the caller, it does not check the signature).
     */
    public java.util.Properties lakeproxyOptions(String accessKeyId, String accessKeySecret) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("lakeproxy.kms.endpoint", endpoint());
        p.setProperty("lakeproxy.kms.protocol", "http");
        p.setProperty("lakeproxy.kms.accessKeyId", accessKeyId);
        p.setProperty("lakeproxy.kms.accessKeySecret", accessKeySecret);
        return p;
    }

    /** A key and its state (Enabled, Disabled, PendingDeletion, ...). */
    public LoopbackKms key(String keyId, String state) {
        keyStates.put(keyId, state);
        return this;
    }

    /** A ciphertext that Decrypt turns into {@code plaintext}. */
    public LoopbackKms ciphertext(String blob, String plaintext) {
        plaintexts.put(blob, plaintext);
        return this;
    }

    /**
     * Stores a new version of a text secret: it becomes ACSCurrent and the one before ACSPrevious
     * (the secret is created by its first version). Returns the new version's id ({@code v1},
     * {@code v2}, ...).
     */
    public synchronized String putSecret(String name, String value) {
        List<String> versions = secrets.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        versions.add(value);
        return "v" + versions.size();
    }

    /** Every request, as {@code Action argument} (the key id, ciphertext or secret name). */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    /** The action names of every request, in order. */
    public List<String> actions() {
        List<String> names = new ArrayList<>();
        requests.forEach(r -> names.add(r.substring(0, r.indexOf(' '))));
        return names;
    }

    public long count(String action) {
        return actions().stream().filter(action::equals).count();
    }

    /** The AccessKey ID of every request, with {@code +token} when it carried a SecurityToken. */
    public List<String> callers() {
        return new ArrayList<>(callers);
    }

    public void clear() {
        requests.clear();
        callers.clear();
    }

    /** Answers every request with an HTML page (a proxy's error), which is not KMS's JSON. */
    public void answerHtml(boolean on) {
        answerHtml = on;
    }

    /**
     * When not 0, answers every request with this status and KMS's error JSON for a temporary
     * failure (503 ServiceUnavailable, say); 0 answers normally again.
     */
    public void answerStatus(int status) {
        answerStatus = status;
    }

    private void answer(RpcExchange ex) throws IOException {
        String action = ex.action();
        requests.add(
                action
                        + " "
                        + ex.param(
                                action.equals("Decrypt")
                                        ? "CiphertextBlob"
                                        : action.equals("GetSecretValue")
                                                ? "SecretName"
                                                : "KeyId"));
        callers.add(
                ex.param("AccessKeyId") + (ex.param("SecurityToken").isEmpty() ? "" : "+token"));
        if (answerStatus != 0) {
            ex.error(
                    answerStatus,
                    "ServiceUnavailable",
                    "The request has failed due to a temporary failure of the server.");
        } else if (answerHtml) {
            ex.send(
                    200,
                    "text/html",
                    "<html><body>Proxy error: upstream unavailable</body></html>");
        } else if (action.equals("DescribeKey")) {
            describeKey(ex);
        } else if (action.equals("Decrypt")) {
            String plain = plaintexts.get(ex.param("CiphertextBlob"));
            if (plain == null) {
                ex.error(400, "InvalidCiphertext", "The ciphertext is invalid.");
                return;
            }
            ex.reply(
                    200,
                    "{\"RequestId\":\"lk-2\",\"KeyId\":\"k\",\"Plaintext\":\""
                            + RpcExchange.json(plain)
                            + "\"}");
        } else if (action.equals("GetSecretValue")) {
            getSecretValue(ex);
        } else {
            ex.error(400, "InvalidAction", "unknown action " + action);
        }
    }

    private void describeKey(RpcExchange ex) throws IOException {
        String key = ex.param("KeyId");
        String state = keyStates.get(key);
        if (state == null) {
            ex.error(404, "Forbidden.KeyNotFound", "The specified Key is not found.");
            return;
        }
        ex.reply(
                200,
                "{\"RequestId\":\"lk-1\",\"KeyMetadata\":{\"KeyId\":\""
                        + key
                        + "\",\"KeyState\":\""
                        + state
                        + "\",\"Origin\":\"Aliyun_KMS\",\"KeySpec\":\"Aliyun_AES_256\","
                        + "\"KeyUsage\":\"ENCRYPT/DECRYPT\"}}");
    }

    /** GetSecretValue by VersionStage (ACSCurrent by default, ACSPrevious) or VersionId. */
    private void getSecretValue(RpcExchange ex) throws IOException {
        List<String> versions = secrets.get(ex.param("SecretName"));
        if (versions == null || versions.isEmpty()) {
            ex.error(404, "Forbidden.ResourceNotFound", "The resource not found.");
            return;
        }
        int current = versions.size();
        String stage = ex.param("VersionStage").isEmpty() ? "ACSCurrent" : ex.param("VersionStage");
        String versionId = ex.param("VersionId");
        int index =
                !versionId.isEmpty()
                        ? parseVersion(versionId)
                        : stage.equals("ACSCurrent")
                                ? current
                                : stage.equals("ACSPrevious") ? current - 1 : 0;
        if (index < 1 || index > current) {
            ex.error(404, "Forbidden.ResourceNotFound", "The resource not found.");
            return;
        }
        String stages =
                index == current ? "\"ACSCurrent\"" : index == current - 1 ? "\"ACSPrevious\"" : "";
        ex.reply(
                200,
                "{\"RequestId\":\"lk-3\",\"SecretName\":\""
                        + RpcExchange.json(ex.param("SecretName"))
                        + "\",\"VersionId\":\"v"
                        + index
                        + "\",\"CreateTime\":\"2026-01-01T00:00:00Z\",\"SecretData\":\""
                        + RpcExchange.json(versions.get(index - 1))
                        + "\",\"SecretDataType\":\"text\",\"VersionStages\":"
                        + "{\"VersionStage\":["
                        + stages
                        + "]},\"SecretType\":\"Generic\",\"AutomaticRotation\":\"Disabled\"}");
    }

    private static int parseVersion(String id) {
        try {
            return Integer.parseInt(id.startsWith("v") ? id.substring(1) : id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
