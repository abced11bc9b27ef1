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

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * What every lakeproxy wrapper shares: {@code unwrap}/{@code isWrapperFor} reach the real object
 * (lakeproxy's own API excepted), and {@code toString} is the real object's. As a superclass, its
 * methods win over the generated interfaces' forwarding defaults.
 */
abstract class LakeWrapper implements Wrapper {

    private final Wrapper wrapped;

    LakeWrapper(Wrapper wrapped) {
        this.wrapped = wrapped;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, wrapped, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, wrapped, iface);
    }

    @Override
    public String toString() {
        return wrapped.toString();
    }
}
