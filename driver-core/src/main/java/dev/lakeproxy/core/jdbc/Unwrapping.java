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
package dev.lakeproxy.core.jdbc;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.core.errors.LakeErrors;
import java.sql.SQLException;
import java.sql.Wrapper;

/** {@code unwrap}/{@code isWrapperFor} for every wrapper: they reach the real objects. */
final class Unwrapping {

    private Unwrapping() {
    }

    static <T> T unwrap(Object wrapper, Wrapper real, Class<T> iface) throws SQLException {
        if (iface == LakeproxyConnection.class && iface.isInstance(wrapper)) {
            return iface.cast(wrapper);
        }
        if (iface.isInstance(real)) {
            return iface.cast(real);
        }
        if (real.isWrapperFor(iface)) {
            return real.unwrap(iface);
        }
        if (iface.isInstance(wrapper)) {
            return iface.cast(wrapper);
        }
        throw LakeErrors.create(
                "0A000", "unwrap.notAWrapper", real.getClass().getName(), iface.getName());
    }

    static boolean isWrapperFor(Object wrapper, Wrapper real, Class<?> iface) throws SQLException {
        return iface.isInstance(wrapper) || iface.isInstance(real) || real.isWrapperFor(iface);
    }
}
