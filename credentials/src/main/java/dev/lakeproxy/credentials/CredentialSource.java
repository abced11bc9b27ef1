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
package dev.lakeproxy.credentials;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider;
import dev.lakeproxy.spi.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One credentials-java provider, with the credential it last gave. The credential is reused until a
 * third of its life is left, so every physical connection and every signed request gets one valid
 * for the time left; when a renewal fails, the previous one serves until it really expires. Waits
 * are bounded by the caller's timeout.
 */
public final class CredentialSource {

    private static final Logger LOG = Logger.getLogger(CredentialSource.class.getName());

    /** Calls into the library, so a hung STS or metadata call can be given up (daemon threads). */
    private static final ExecutorService CALLS =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "lakeproxy-credentials");
                        t.setDaemon(true);
                        return t;
                    });

    /** A secret or token field of an STS answer quoted in the library's message. */
    private static final java.util.regex.Pattern SECRET_FIELD =
            java.util.regex.Pattern.compile(
                    "(?i)(\"?(AccessKeySecret|SecurityToken)\"?\\s*[:=]\\s*\"?)[^\",}\\s]+");

    private final String mode;
    private final Client client;
    private final Clock clock;
    private volatile Credential last;

    /** The AccessKey IDs given lately, so a connection can tell that its login came from here. */
    private final java.util.Set<String> given =
            java.util.Collections.newSetFromMap(
                    java.util.Collections.synchronizedMap(
                            new java.util.LinkedHashMap<String, Boolean>() {
                                private static final long serialVersionUID = 1L;

                                @Override
                                protected boolean removeEldestEntry(
                                        java.util.Map.Entry<String, Boolean> eldest) {
                                    return size() > 64;
                                }
                            }));

    CredentialSource(String mode, AlibabaCloudCredentialsProvider provider, Clock clock) {
        this.mode = mode;
        this.client = new Client(provider);
        this.clock = clock;
    }

    /** {@code default}, {@code env} or {@code profile:<name>}. */
    public String mode() {
        return mode;
    }

    /** A credential valid for the time left, fetched when the last one is due for renewal. */
    public Credential current(Duration timeout) throws CredentialsException {
        Credential c = last;
        Instant now = clock.instant();
        if (c != null && !c.due(now)) {
            return c;
        }
        synchronized (this) {
            c = last;
            if (c != null && !c.due(clock.instant())) {
                return c;
            }
            try {
                last = fetch(timeout);
                given.add(last.accessKeyId());
                return last;
            } catch (CredentialsException e) {
                if (c != null && !c.expired(clock.instant())) {
                    LOG.log(
                            Level.FINE,
                            "renewing the credential failed; the current one serves until {0}: {1}",
                            new Object[] {c.expiration(), e.getMessage()});
                    return c;
                }
                throw e;
            }
        }
    }

    /** Whether this source lately gave a credential with this AccessKey ID. */
    public boolean gave(String accessKeyId) {
        return given.contains(accessKeyId);
    }

    /** The last credential given, or {@code null}; for {@code doctor}. */
    public Credential last() {
        return last;
    }

    private Credential fetch(Duration timeout) throws CredentialsException {
        Future<CredentialModel> call = CALLS.submit(client::getCredential);
        try {
            CredentialModel m = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null || isEmpty(m.getAccessKeyId()) || isEmpty(m.getAccessKeySecret())) {
                throw new CredentialsException(
                        CredentialsMessages.M.format("credentials.empty", mode), null);
            }
            Instant expiration =
                    m.getExpiration() > 0 ? Instant.ofEpochMilli(m.getExpiration()) : null;
            return new Credential(
                    m.getAccessKeyId(),
                    m.getAccessKeySecret(),
                    m.getSecurityToken(),
                    expiration,
                    clock.instant(),
                    m.getProviderName());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new CredentialsException(
                    CredentialsMessages.M.format("credentials.timeout", mode, timeout.toMillis()),
                    null);
        } catch (ExecutionException e) {
            Throwable why = e.getCause();
            throw new CredentialsException(
                    CredentialsMessages.M.format("credentials.failed", mode, shown(why)), why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialsException(
                    CredentialsMessages.M.format("credentials.timeout", mode, timeout.toMillis()),
                    e);
        }
    }

    /** The library's message (a failed STS call puts the HTTP body in it), masked and cut short. */
    private static String shown(Throwable why) {
        String m = why == null ? "" : why.getClass().getSimpleName() + ": " + why.getMessage();
        m = Secrets.maskText(SECRET_FIELD.matcher(m).replaceAll("$1" + Secrets.MASK));
        return m.length() > 500 ? m.substring(0, 500) + "..." : m;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    @Override
    public String toString() {
        return "lakeproxy.credentials=" + mode;
    }
}
