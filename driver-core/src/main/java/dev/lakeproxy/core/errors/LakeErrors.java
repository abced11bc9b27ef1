package dev.lakeproxy.core.errors;

import dev.lakeproxy.core.log.Secrets;
import java.sql.SQLException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every message lakeproxy writes comes from one bundle ({@code dev/lakeproxy/core/messages.properties}).
 * Translated exceptions keep the original's SQLState, vendor code and the original itself as cause.
 */
public final class LakeErrors {

    private static final String BUNDLE = "dev.lakeproxy.core.messages";

    private LakeErrors() {
    }

    /** The formatted message for {@code key}, with secrets masked. */
    public static String message(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, LakeErrors.class.getClassLoader()).getString(key);
        } catch (MissingResourceException e) {
            pattern = key + " {0}";
        }
        return Secrets.maskText(new MessageFormat(pattern, Locale.ROOT).format(args));
    }

    /** A new error of lakeproxy's own (bad input, refused statement). */
    public static SQLException create(String sqlState, String key, Object... args) {
        return new SQLException(message(key, args), sqlState);
    }

    /** Like {@link #translate(SQLException, String, Object...)}, with a further sentence (already formatted) added. */
    public static SQLException translateWith(SQLException original, String addition, String key, Object... args) {
        String message = message(key, args) + (addition == null || addition.isEmpty() ? "" : " " + Secrets.maskText(addition));
        return new SQLException(message, original.getSQLState(), original.getErrorCode(), original);
    }

    /** A server or driver error explained: same SQLState and vendor code, the original as cause. */
    public static SQLException translate(SQLException original, String key, Object... args) {
        SQLException translated = new SQLException(message(key, args), original.getSQLState(), original.getErrorCode(), original);
        return translated;
    }
}
