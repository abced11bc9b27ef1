package dev.lakeproxy.core.errors;

import dev.lakeproxy.spi.Messages;
import java.sql.SQLException;

/**
 * The core's own messages ({@code dev/lakeproxy/core/messages.properties}); each plugin has its own
 * bundle.
 */
public final class LakeErrors {

    private static final Messages CORE =
            Messages.of(LakeErrors.class, "dev.lakeproxy.core.messages");

    private LakeErrors() {
    }

    public static String message(String key, Object... args) {
        return CORE.format(key, args);
    }

    public static SQLException create(String sqlState, String key, Object... args) {
        return CORE.create(sqlState, key, args);
    }

    public static SQLException translate(SQLException original, String key, Object... args) {
        return CORE.translate(original, key, args);
    }
}
