package dev.lakeproxy.holo.kms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lakeproxy.spi.LakeOption;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One SDK client per set of KMS options, shared by the connections that use them (an SDK client holds an HTTP
 * connection pool). Keyed by a digest of the options, so no secret is kept as a key.
 */
public final class KmsClients {

    private static final Cache<String, Kms> CLIENTS = Caffeine.newBuilder()
            .maximumSize(100).expireAfterAccess(Duration.ofHours(1)).build();

    private KmsClients() {
    }

    /**
     * The client for these options, or {@code null} when no KMS credentials are set; each call
     * waits at most {@code timeoutMillis} to connect and as long for the answer ({@link
     * KmsOptions#TIMEOUT}).
     */
    public static Kms of(Function<LakeOption<String>, String> text, List<String> keys,
                         int timeoutMillis) {
        if (text.apply(KmsOptions.ACCESS_KEY_ID).isEmpty() || text.apply(KmsOptions.ACCESS_KEY_SECRET).isEmpty()) {
            return null;
        }
        String signature = digest(String.join("\n", text.apply(KmsOptions.REGION), text.apply(KmsOptions.ENDPOINT),
                text.apply(KmsOptions.PROTOCOL), text.apply(KmsOptions.ACCESS_KEY_ID), text.apply(KmsOptions.ACCESS_KEY_SECRET),
                String.join(",", keys), String.valueOf(timeoutMillis)));
        return CLIENTS.get(signature, k -> Kms.fromOptions(text, keys, timeoutMillis));
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
