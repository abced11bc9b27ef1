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

import java.sql.ResultSet;
import java.sql.Statement;

/** Wraps a result set only for identity: {@code getStatement()} returns the statement wrapper. */
public final class LakeResultSet extends LakeWrapper implements ResultSetForwarding {

    private final LakeStatement statement;
    private final ResultSet real;

    LakeResultSet(LakeStatement statement, ResultSet real) {
        super(real);
        this.statement = statement;
        this.real = real;
    }

    @Override
    public ResultSet resultSetDelegate() {
        return real;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }


}
