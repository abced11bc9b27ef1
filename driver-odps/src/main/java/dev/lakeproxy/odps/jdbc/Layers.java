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
package dev.lakeproxy.odps.jdbc;

import dev.lakeproxy.codegen.GenerateForwarding;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * Asks the build for the guarded delegation of every JDBC interface odps-jdbc hands out ({@code
 * XForwarding} in this package): each call is forwarded, and what odps-jdbc throws unchecked (an
 * IllegalArgumentException from {@code setQueryTimeout(0)}, a RuntimeException from a metadata
 * iterator) becomes an SQLException through {@link DriverFailures}. The layers of this package
 * write by hand only what they change; the metadata is guarded by {@link DocumentedMetaData}.
 */
@GenerateForwarding(
        value = {
            Connection.class,
            Statement.class,
            PreparedStatement.class,
            CallableStatement.class,
            ResultSet.class,
            ResultSetMetaData.class,
            ParameterMetaData.class
        },
        guard = DriverFailures.class)
final class Layers {
    private Layers() {
    }
}
