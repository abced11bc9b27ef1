package dev.lakeproxy.holo;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLException;

/** Checks that no secret appears in an exception, its causes or its suppressed ones. */
final class SqlMessages {

    private SqlMessages() {}

    static void assertNoSecret(Throwable e, String... secrets) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (String s : secrets) {
                assertFalse(String.valueOf(t.getMessage()).contains(s), "secret in: " + t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                assertNoSecret(suppressed, secrets);
            }
            if (t instanceof SQLException && ((SQLException) t).getNextException() != null) {
                assertNoSecret(((SQLException) t).getNextException(), secrets);
            }
        }
    }
}
