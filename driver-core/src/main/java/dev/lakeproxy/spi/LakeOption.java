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

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One {@code lakeproxy.*} option: its name, default, accepted values and description.
 * The registry of all options is the single source for the code and the README's option table.
 */
public final class LakeOption<T> {

    /** Every lakeproxy option name starts with this. */
    public static final String PREFIX = "lakeproxy.";

    /** Bounds of every {@link #timeoutMillis} option: a tenth of a second to ten minutes. */
    public static final int MIN_TIMEOUT_MILLIS = 100;
    public static final int MAX_TIMEOUT_MILLIS = 600_000;

    private final String name;
    private final String defaultValue;
    private final String accepted;
    private final String description;
    private final Function<String, T> parser;
    private final boolean secret;

    private LakeOption(String name, String defaultValue, String accepted, String description,
                       Function<String, T> parser, boolean secret) {
        if (!name.startsWith(PREFIX)) {
            throw new IllegalArgumentException("option names start with " + PREFIX + ": " + name);
        }
        this.name = name;
        this.defaultValue = defaultValue;
        this.accepted = accepted;
        this.description = description;
        this.parser = parser;
        this.secret = secret;
    }

    /** One of a fixed set of words, case-insensitive. */
    public static LakeOption<String> choice(
            String name, String defaultValue, String description, String... values) {
        List<String> allowed = Arrays.asList(values);
        return new LakeOption<>(
                name,
                defaultValue,
                String.join(" | ", values),
                description,
                raw -> {
                    String v = raw.trim().toLowerCase(Locale.ROOT);
                    if (!allowed.contains(v)) {
                        throw new IllegalArgumentException();
                    }
                    return v;
                },
                false);
    }

    /**
     * One of a fixed set of words, or any other non-empty value (e.g. {@code auto | off |
     * <value>}).
     */
    public static LakeOption<String> choiceOrValue(
            String name,
            String defaultValue,
            String description,
            String valueLabel,
            String... words) {
        List<String> allowed = Arrays.asList(words);
        return new LakeOption<>(
                name,
                defaultValue,
                String.join(" | ", words) + " | " + valueLabel,
                description,
                raw -> {
                    String v = raw.trim();
                    if (v.isEmpty()) {
                        throw new IllegalArgumentException();
                    }
                    String lower = v.toLowerCase(Locale.ROOT);
                    return allowed.contains(lower) ? lower : v;
                },
                false);
    }

    /**
     * One of a fixed set of words, or {@code prefix} followed by a non-empty value (e.g.
     * {@code profile:<name>}).
     */
    public static LakeOption<String> choiceOrPrefixed(String name, String defaultValue,
            String description, String prefix, String valueLabel, String... words) {
        List<String> allowed = Arrays.asList(words);
        String accepted = String.join(" | ", words) + " | " + prefix + valueLabel;
        return new LakeOption<>(name, defaultValue, accepted, description, raw -> {
            String v = raw.trim();
            String lower = v.toLowerCase(Locale.ROOT);
            if (allowed.contains(lower)) {
                return lower;
            }
            if (!lower.startsWith(prefix) || v.length() == prefix.length()) {
                throw new IllegalArgumentException();
            }
            return prefix + v.substring(prefix.length()).trim();
        }, false);
    }

    public static LakeOption<Boolean> bool(String name, boolean defaultValue, String description) {
        return new LakeOption<>(
                name,
                Boolean.toString(defaultValue),
                "true | false",
                description,
                raw -> {
                    String v = raw.trim().toLowerCase(Locale.ROOT);
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new IllegalArgumentException();
                    }
                    return Boolean.valueOf(v);
                },
                false);
    }

    public static LakeOption<Integer> integer(
            String name, int defaultValue, int min, int max, String description) {
        return new LakeOption<>(
                name,
                Integer.toString(defaultValue),
                "an integer from " + min + " to " + max,
                description,
                raw -> {
                    int v = Integer.parseInt(raw.trim());
                    if (v < min || v > max) {
                        throw new IllegalArgumentException();
                    }
                    return v;
                },
                false);
    }

    /**
     * How long lakeproxy waits for a service when it sends a request of its own (a lookup, a
     * setting, a KMS call), in milliseconds. Every such bound is one of these, named {@code
     * lakeproxy.<area>.timeoutMillis}, so that a request lakeproxy adds never hangs longer than a
     * documented, validated value; the description says what happens when it passes.
     */
    public static LakeOption<Integer> timeoutMillis(String name, int defaultMillis,
                                                    String description) {
        if (!name.endsWith(".timeoutMillis")) {
            throw new IllegalArgumentException(
                    "a timeout option is named lakeproxy.<area>.timeoutMillis: " + name);
        }
        LakeOption<Integer> ms =
                integer(name, defaultMillis, MIN_TIMEOUT_MILLIS, MAX_TIMEOUT_MILLIS, description);
        return new LakeOption<>(name, ms.defaultValue, "milliseconds, from " + MIN_TIMEOUT_MILLIS
                + " to " + MAX_TIMEOUT_MILLIS, description, ms.parser, false);
    }

    /** A comma-separated list of names; blanks are dropped. */
    public static LakeOption<List<String>> list(String name, String description) {
        return new LakeOption<>(
                name,
                "",
                "a comma-separated list",
                description,
                raw ->
                        Arrays.stream(raw.split(","))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .collect(java.util.stream.Collectors.toUnmodifiableList()),
                false);
    }

    /** Free text. A secret option's value is never logged or shown. */
    public static LakeOption<String> text(
            String name, String defaultValue, String description, boolean secret) {
        return new LakeOption<>(
                name,
                defaultValue,
                secret ? "text (secret)" : "text",
                description,
                String::trim,
                secret);
    }

    public String name() {
        return name;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String accepted() {
        return accepted;
    }

    public String description() {
        return description;
    }

    public boolean isSecret() {
        return secret;
    }

    /**
     * Parses a raw value; {@link IllegalArgumentException} when it is not one of the accepted
     * values.
     */
    public T parse(String raw) {
        try {
            return parser.apply(Objects.requireNonNull(raw));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
