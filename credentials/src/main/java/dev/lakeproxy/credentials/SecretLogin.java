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

import static dev.lakeproxy.credentials.CredentialsMessages.M;

import dev.lakeproxy.spi.ConnectRequest;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * {@code password=secret:<name>}: the login comes from a KMS Secrets Manager secret (its user, when
 * it names one, and its password). A login refused with a value from memory reads the secret again
 * and asks for one more attempt when the value changed (rotation, as the AWS JDBC wrapper's Secrets
 * Manager plugin does): never more than once.
 */
public final class SecretLogin {

    public static final String PREFIX = "secret:";

    /**
     * The secrets applied to requests still connecting, by request (identity), for {@link #retry}.
     */
    private static final Map<ConnectRequest, SecretValue> APPLIED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final Predicate<SQLException> loginRefused;
    private final UnaryOperator<String> passwordForDriver;

    /**
     * @param loginRefused whether the real driver's error says the credentials were refused
     * @param passwordForDriver how the real driver must be given the password (odps-jdbc
     *     URL-decodes it again)
     */
    public SecretLogin(
            Predicate<SQLException> loginRefused, UnaryOperator<String> passwordForDriver) {
        this.loginRefused = loginRefused;
        this.passwordForDriver = passwordForDriver;
    }

    /** Whether the request's password names a secret. */
    public static boolean requested(ConnectRequest request) {
        String password = request.realProperties().getProperty("password");
        return password != null && password.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Replaces a {@code secret:} password with the secret's login; does nothing for any other
     * password.
     */
    public void apply(ConnectRequest request) throws SQLException {
        if (!requested(request)) {
            return;
        }
        String name =
                request.realProperties().getProperty("password").substring(PREFIX.length()).trim();
        if (name.isEmpty()) {
            throw new SQLException(M.format("secret.noName"), "28000");
        }
        SecretValue value = read(request, name, false);
        use(request, value);
        APPLIED.put(request, value);
    }

    /**
     * After the real driver refused the login: reads the secret again if the refused value came
     * from memory, and says whether the new value is worth one more attempt.
     */
    public boolean retry(ConnectRequest request, SQLException error) {
        SecretValue used = APPLIED.remove(request);
        if (used == null || !used.cached() || !loginRefused.test(error)) {
            return false;
        }
        try {
            SecretValue fresh = read(request, used.name(), true);
            if (fresh.sameAs(used)) {
                return false; // not rotated: the refusal has another cause
            }
            use(request, fresh);
            request.note(M.format("secret.note.reread", used.name(), fresh.versionId()));
            return true;
        } catch (SQLException e) {
            error.addSuppressed(e);
            return false;
        }
    }

    private static SecretValue read(ConnectRequest request, String name, boolean fresh)
            throws SQLException {
        try {
            return SecretValues.read(CredentialsSettings.of(request), name, fresh);
        } catch (CredentialsException e) {
            throw new SQLException(e.getMessage(), "28000", e);
        }
    }

    private void use(ConnectRequest request, SecretValue value) {
        Properties props = request.realProperties();
        if (value.user() != null) {
            props.setProperty("user", value.user());
        }
        props.setProperty("password", passwordForDriver.apply(value.password()));
        request.note(
                M.format(
                        "secret.note.used",
                        value.name(),
                        value.versionId(),
                        value.cached()
                                ? M.format("secret.note.cached")
                                : M.format("secret.note.read")));
    }
}
