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

import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks passwords, access keys and KMS ciphertexts wherever lakeproxy shows a URL, properties or
 * text. The names known here are the generic ones; a real driver's own secret parameters and the
 * options marked secret are added by the caller (core passes them in), so this class knows no
 * plugin and no driver.
 */
public final class Secrets {

    public static final String MASK = "***";

    /** Generic secret names (compared case-insensitively, ignoring '_', '-' and '.'). */
    private static final Set<String> SECRET_NAMES =
            Set.of(
                    "password",
                    "passwd",
                    "pwd",
                    "accesskey",
                    "accesskeysecret",
                    "accesssecret",
                    "secretkey",
                    "secret",
                    "securitytoken",
                    "ststoken",
                    "token",
                    "accesskeyid");

    private static final Pattern URL_PARAM = Pattern.compile("([?&;])([^=&;#]+)=([^&;#]*)");
    private static final Pattern USERINFO = Pattern.compile("(//[^/@?#]*?:)([^/@?#]*)@");

    /**
     * A KMS CiphertextBlob is long base64; {@code kms:Decrypt} and the other action names are not
     * secrets.
     */
    private static final Pattern KMS_BLOB = Pattern.compile("(?i)kms:[A-Za-z0-9+/=_\\-]{20,}");

    /**
     * Hologres's STS login carries the security token in the startup options: {@code
     * sts_token=...}.
     */
    private static final Pattern STS_TOKEN = Pattern.compile("(?i)(sts_token(?:=|%3D))[^\\s&;#]+");

    private Secrets() {
    }

    /** Whether a name is secret by its generic form (password, secret, token, access key). */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
        return SECRET_NAMES.contains(n)
                || n.endsWith("password")
                || n.endsWith("secret")
                || n.endsWith("accesskey");
    }

    /**
     * A URL with secret parameter values, user-info passwords and KMS ciphertexts replaced by
     * {@value #MASK}.
     */
    public static String maskUrl(String url) {
        return maskUrl(url, n -> false);
    }

    /** Like {@link #maskUrl(String)}, with further names that are secret ({@code alsoSecret}). */
    public static String maskUrl(String url, Predicate<String> alsoSecret) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_PARAM.matcher(url);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String value = isSecretName(name) || alsoSecret.test(name) ? MASK : m.group(3);
            m.appendReplacement(
                    sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
        }
        m.appendTail(sb);
        String masked = USERINFO.matcher(sb).replaceAll("$1" + MASK + "@");
        return maskText(masked);
    }

    /** Any {@code kms:<ciphertext>} and {@code sts_token=<token>} in free text is masked. */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String masked = text;
        if (lower.indexOf("kms:") >= 0) {
            masked = KMS_BLOB.matcher(masked).replaceAll("kms:" + MASK);
        }
        if (lower.indexOf("sts_token") >= 0) {
            masked = STS_TOKEN.matcher(masked).replaceAll("$1" + MASK);
        }
        return masked;
    }

    private static final Pattern SQL_SECRET = Pattern.compile(
            "(?i)((?:password|identified\\s+by|secret|access_?key)\\s*(?:=\\s*)?)'(?:[^']|'')*'");

    /**
     * SQL with quoted passwords and secrets ({@code PASSWORD '...'}, {@code IDENTIFIED BY '...'})
     * masked.
     */
    public static String maskSql(String sql) {
        if (sql == null) {
            return null;
        }
        return maskText(SQL_SECRET.matcher(sql).replaceAll("$1'" + MASK + "'"));
    }

    /** Properties as text, secrets masked; for logs and {@code toString()}. */
    public static String maskProperties(Properties props) {
        return maskProperties(props, n -> false);
    }

    /**
     * Like {@link #maskProperties(Properties)}, with further names that are secret ({@code
     * alsoSecret}).
     */
    public static String maskProperties(Properties props, Predicate<String> alsoSecret) {
        TreeMap<String, String> shown = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            shown.put(
                    name,
                    isSecretName(name) || alsoSecret.test(name)
                            ? MASK
                            : maskText(props.getProperty(name)));
        }
        return shown.toString();
    }
}
