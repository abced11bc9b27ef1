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
package dev.lakeproxy.holosim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hologres's AccessKey login: the AccessKey ID is the user and the AccessKey secret the password
 * (Alibaba's "Grant the development permissions on a Hologres instance to a RAM user"; psql with
 * PGUSER/PGPASSWORD). The embedded PostgreSQL trusts loopback, so the simulator checks the password
 * itself for the users registered here: it asks for it in clear text, as Hologres does, and refuses
 * a wrong one, or one past its expiry, as PostgreSQL does: FATAL 28P01 "password authentication
 * failed for user". Every other user logs in as before, with any password.
 *
 * <p>Temporary (STS) credentials log in as "RAM role authorization mode", step 3, documents it: the
 * STS AccessKey ID as the user, its secret as the password, and the security token in the startup
 * parameter {@code options} as {@code sts_token=<SecurityToken>}, from V2.0 on ("JDBC and psql
 * connections using STS credentials require Hologres V2.0 or later"). A missing or wrong token, an
 * expired credential, or an older instance is refused like a wrong password, which is the cause
 * the page's troubleshooting lists for {@code password authentication failed for user}.
 */
final class AccessKeyLogins {

    private static final int AUTHENTICATION_CLEARTEXT = 3;
    private static final String STS_TOKEN = "sts_token=";

    /**
     * A registered login: its secret, its security token ({@code null}: an AccessKey pair), and
     * when it stops working ({@code null}: never).
     */
    private static final class Login {
        final String secret;
        final String token;
        final Instant expiresAt;

        Login(String secret, String token, Instant expiresAt) {
            this.secret = secret;
            this.token = token;
            this.expiresAt = expiresAt;
        }
    }

    private final Map<String, Login> logins = new ConcurrentHashMap<>();

    /** Registers (or replaces) a login; its role is created in the cluster as a superuser. */
    void register(Connection admin, String accessKeyId, String secret, String token,
            Instant expiresAt) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute(
                    "DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                            + SqlText.quoteLiteral(accessKeyId)
                            + ") THEN CREATE ROLE "
                            + SqlText.quoteIdent(accessKeyId)
                            + " LOGIN SUPERUSER; END IF; END$$");
        }
        logins.put(accessKeyId, new Login(secret, token, expiresAt));
    }

    /**
     * Checks the password (and, for an STS login, the token in {@code options}) of a registered
     * user at startup. Returns false after sending the FATAL error (the connection then ends); true
     * for a good login or a user not registered here.
     */
    boolean check(String user, String options, boolean stsLogins, InputStream cin,
            OutputStream cout) throws IOException {
        Login login = logins.get(user);
        if (login == null) {
            return true;
        }
        Wire.writeMessage(cout, 'R', Wire.intBytes(AUTHENTICATION_CLEARTEXT));
        cout.flush();
        int type = cin.read();
        int len = Wire.readInt(cin);
        if (type != 'p' || len < 5 || len > 10_000) {
            return false;
        }
        String password = Wire.cstring(Wire.readFully(cin, len - 4), 0);
        boolean expired = login.expiresAt != null && !Instant.now().isBefore(login.expiresAt);
        boolean tokenMissing =
                login.token != null && (!stsLogins || !login.token.equals(stsToken(options)));
        if (expired || tokenMissing || !login.secret.equals(password)) {
            Wire.sendError(
                    cout,
                    "FATAL",
                    "28P01",
                    "password authentication failed for user \"" + user + "\"");
            return false;
        }
        return true;
    }

    /** The {@code sts_token=} word of a startup {@code options} value, or {@code null}. */
    static String stsToken(String options) {
        if (options != null) {
            for (String word : options.trim().split("\\s+")) {
                if (word.startsWith(STS_TOKEN)) {
                    return word.substring(STS_TOKEN.length());
                }
            }
        }
        return null;
    }

    /**
     * {@code options} without its {@code sts_token=} word, which is Hologres's login and not a
     * setting, so PostgreSQL underneath never sees it; {@code null} when nothing is left.
     */
    static String withoutStsToken(String options) {
        StringBuilder rest = new StringBuilder();
        for (String word : options.trim().split("\\s+")) {
            if (!word.startsWith(STS_TOKEN) && !word.isEmpty()) {
                rest.append(rest.length() == 0 ? "" : " ").append(word);
            }
        }
        return rest.length() == 0 ? null : rest.toString();
    }
}
