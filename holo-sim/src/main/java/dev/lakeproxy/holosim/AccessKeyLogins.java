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
 */
final class AccessKeyLogins {

    private static final int AUTHENTICATION_CLEARTEXT = 3;

    /** A registered login: its secret, and when it stops working ({@code null}: never). */
    private static final class Login {
        final String secret;
        final Instant expiresAt;

        Login(String secret, Instant expiresAt) {
            this.secret = secret;
            this.expiresAt = expiresAt;
        }
    }

    private final Map<String, Login> logins = new ConcurrentHashMap<>();

    /** Registers (or replaces) a login; its role is created in the cluster as a superuser. */
    void register(Connection admin, String accessKeyId, String secret, Instant expiresAt)
            throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute(
                    "DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                            + SqlText.quoteLiteral(accessKeyId)
                            + ") THEN CREATE ROLE "
                            + SqlText.quoteIdent(accessKeyId)
                            + " LOGIN SUPERUSER; END IF; END$$");
        }
        logins.put(accessKeyId, new Login(secret, expiresAt));
    }

    /**
     * Checks the password of a registered user at startup. Returns false after sending the FATAL
     * error (the connection then ends); true for a good password or a user not registered here.
     */
    boolean check(String user, InputStream cin, OutputStream cout) throws IOException {
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
        if (expired || !login.secret.equals(password)) {
            Wire.sendError(
                    cout,
                    "FATAL",
                    "28P01",
                    "password authentication failed for user \"" + user + "\"");
            return false;
        }
        return true;
    }
}
