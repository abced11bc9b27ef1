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
