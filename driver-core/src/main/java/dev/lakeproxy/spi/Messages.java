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
package dev.lakeproxy.spi;

import java.sql.SQLException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One message bundle: each plugin owns its own ({@code Messages.of(MyPlugin.class,
 * "my.pkg.messages")}), the core has its own. Every message says what happened, why, and the exact
 * fix. Messages are masked for secrets, and a translated exception keeps the original's SQLState,
 * vendor code and the original itself as cause.
 */
public final class Messages {

    private final String bundle;
    private final ClassLoader loader;
    /** Each key's pattern, parsed once: parsing cost more than the rest of a rewrite's note. */
    private final ConcurrentHashMap<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Messages(String bundle, ClassLoader loader) {
        this.bundle = bundle;
        this.loader = loader;
    }

    /**
     * The bundle {@code bundle} (a resource base name), loaded with {@code owner}'s class loader.
     */
    public static Messages of(Class<?> owner, String bundle) {
        return new Messages(bundle, owner.getClassLoader());
    }

    /** The formatted message for {@code key}, with secrets masked. */
    public String format(String key, Object... args) {
        MessageFormat parsed = formats.computeIfAbsent(key, this::parse);
        String text;
        synchronized (parsed) { // a MessageFormat is not safe for concurrent use
            text = parsed.format(args);
        }
        return Secrets.maskText(text);
    }

    private MessageFormat parse(String key) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundle, Locale.ROOT, loader).getString(key);
        } catch (MissingResourceException e) {
            pattern = key + " {0}";
        }
        return new MessageFormat(pattern, Locale.ROOT);
    }

    /** A new error of lakeproxy's own (bad input, a refused statement). */
    public SQLException create(String sqlState, String key, Object... args) {
        return new SQLException(format(key, args), sqlState);
    }

    /** A server or driver error explained: same SQLState and vendor code, the original as cause. */
    public SQLException translate(SQLException original, String key, Object... args) {
        return translateWith(original, null, key, args);
    }

    /** Like {@link #translate}, with a further sentence (already formatted) added. */
    public SQLException translateWith(
            SQLException original, String addition, String key, Object... args) {
        String extra =
                addition == null || addition.isEmpty() ? "" : " " + Secrets.maskText(addition);
        return new SQLException(
                format(key, args) + extra,
                original.getSQLState(),
                original.getErrorCode(),
                original);
    }
}
