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
package dev.lakeproxy.core.options;

import dev.lakeproxy.core.errors.LakeErrors;
import dev.lakeproxy.spi.LakeOption;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** The {@code lakeproxy.*} options of one connection, validated when the connection is made. */
public final class OptionValues {

    private final OptionRegistry registry;
    private final Map<String, Object> values;

    private OptionValues(OptionRegistry registry, Map<String, Object> values) {
        this.registry = registry;
        this.values = values;
    }

    /**
     * Validates every raw option eagerly, so a typo or a bad value fails the connect with a message
     * that names the option and its accepted values, instead of being silently ignored.
     */
    public static OptionValues parse(OptionRegistry registry, Map<String, String> raw)
            throws SQLException {
        Map<String, Object> parsed = new HashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            LakeOption<?> option = registry.find(e.getKey());
            if (option == null) {
                throw LakeErrors.create(
                        "22023", "option.unknown", e.getKey(), knownNames(registry));
            }
            try {
                parsed.put(option.name(), option.parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
                String shown = option.isSecret() ? "***" : e.getValue();
                throw LakeErrors.create(
                        "22023", "option.badValue", option.name(), shown, option.accepted());
            }
        }
        return new OptionValues(registry, Collections.unmodifiableMap(parsed));
    }

    @SuppressWarnings("unchecked")
    public <T> T get(LakeOption<T> option) {
        Object v = values.get(option.name());
        if (v == null) {
            v = option.parse(option.defaultValue());
        }
        return (T) v;
    }

    public boolean isSet(LakeOption<?> option) {
        return values.containsKey(option.name());
    }

    private static String knownNames(OptionRegistry registry) {
        StringBuilder sb = new StringBuilder();
        registry.all().forEach(o -> sb.append(sb.length() == 0 ? "" : ", ").append(o.name()));
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach(
                (k, v) -> {
                    LakeOption<?> o = registry.find(k);
                    sb.append(sb.length() == 1 ? "" : ", ")
                            .append(k)
                            .append('=')
                            .append(o != null && o.isSecret() ? "***" : v);
                });
        return sb.append('}').toString();
    }
}
