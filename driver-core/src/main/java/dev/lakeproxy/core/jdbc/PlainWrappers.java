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
 * The plain JDBC flavour: for every real driver without a flavour of its own (see the driver
 * profiles).
 */
public final class PlainWrappers implements WrapperFactory {

    public static final PlainWrappers INSTANCE = new PlainWrappers();

    private PlainWrappers() {
    }

    @Override
    public boolean accepts(Connection real) {
        return true;
    }

    @Override
    public LakeConnection connection(Connection real, ConnectionServices services) {
        return new LakeConnection(real, services);
    }

    @Override
    public LakeStatement statement(LakeConnection owner, Statement real) {
        return new LakeStatement(owner, real);
    }

    @Override
    public LakePreparedStatement prepared(
            LakeConnection owner, PreparedStatement real, String originalSql) {
        return new LakePreparedStatement(owner, real, originalSql);
    }

    @Override
    public LakeCallableStatement callable(
            LakeConnection owner, CallableStatement real, String originalSql) {
        return new LakeCallableStatement(owner, real, originalSql);
    }
}
