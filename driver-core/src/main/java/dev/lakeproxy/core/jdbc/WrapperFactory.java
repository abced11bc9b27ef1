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

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Makes the wrappers of one flavour: plain JDBC, or pgjdbc's (whose wrappers also implement
 * {@code PGConnection}/{@code PGStatement}, so code that casts keeps working).
 */
public interface WrapperFactory {

    /** Whether this flavour fits the real connection. */
    boolean accepts(Connection real);

    LakeConnection connection(Connection real, ConnectionServices services);

    LakeStatement statement(LakeConnection owner, Statement real);

    LakePreparedStatement prepared(
            LakeConnection owner, PreparedStatement real, String originalSql);

    LakeCallableStatement callable(
            LakeConnection owner, CallableStatement real, String originalSql);
}
