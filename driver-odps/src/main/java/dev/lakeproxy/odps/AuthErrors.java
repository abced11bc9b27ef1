package dev.lakeproxy.odps;

import java.sql.SQLException;

/**
 * MaxCompute's documented authentication errors (API error codes, ODPS-04CCCCX): ODPS-0410051
 * Invalid credentials, ODPS-0410042 Invalid signature value, ODPS-0410031 Authentication request
 * expired. An expired STS token has no code of its own in the documentation and is reported as
 * invalid credentials.
 */
final class AuthErrors {

    private AuthErrors() {}

    static boolean refused(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null
                    && (m.contains("ODPS-0410051")
                            || m.contains("ODPS-0410042")
                            || m.contains("ODPS-0410031"))) {
                return true;
            }
        }
        return false;
    }
}
