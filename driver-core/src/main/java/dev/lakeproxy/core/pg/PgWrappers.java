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
package dev.lakeproxy.core.pg;

import dev.lakeproxy.core.jdbc.ConnectionServices;
import dev.lakeproxy.core.jdbc.LakeCallableStatement;
import dev.lakeproxy.core.jdbc.LakeConnection;
import dev.lakeproxy.core.jdbc.LakePreparedStatement;
import dev.lakeproxy.core.jdbc.LakeStatement;
import dev.lakeproxy.core.jdbc.WrapperFactory;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyManager;

/**
 * pgjdbc's flavour: the wrappers also implement {@link PGConnection} and {@link PGStatement}, so
 * code that casts ({@code (PGConnection) conn}) instead of unwrapping keeps working. Loaded only
 * when pgjdbc is present.
 */
public final class PgWrappers implements WrapperFactory {

    public static final PgWrappers INSTANCE = new PgWrappers();

    private PgWrappers() {
    }

    @Override
    public boolean accepts(Connection real) {
        return real instanceof PGConnection;
    }

    @Override
    public LakeConnection connection(Connection real, ConnectionServices services) {
        return new PgLakeConnection(real, services);
    }

    @Override
    public LakeStatement statement(LakeConnection owner, Statement real) {
        return new PgLakeStatement(owner, real);
    }

    @Override
    public LakePreparedStatement prepared(
            LakeConnection owner, PreparedStatement real, String originalSql) {
        return new PgLakePreparedStatement(owner, real, originalSql);
    }

    @Override
    public LakeCallableStatement callable(
            LakeConnection owner, CallableStatement real, String originalSql) {
        return new PgLakeCallableStatement(owner, real, originalSql);
    }

    static final class PgLakeConnection extends LakeConnection implements PGConnectionForwarding {
        PgLakeConnection(Connection real, ConnectionServices services) {
            super(real, services);
        }

        @Override
        public PGConnection pgConnectionDelegate() {
            return (PGConnection) real;
        }

        /** The copy API, through the same rules as statements. */
        @Override
        public CopyManager getCopyAPI() throws SQLException {
            return RoutedCopyManager.of(real, pipeline(), metrics());
        }
    }

    /**
     * pgjdbc's statement interface on any of the three statement wrappers: the real statement is a
     * PGStatement.
     */
    interface PgStatementMixin
            extends PGStatementForwarding, dev.lakeproxy.core.jdbc.StatementForwarding {
        @Override
        default PGStatement pgStatementDelegate() {
            return (PGStatement) statementDelegate();
        }
    }

    static final class PgLakeStatement extends LakeStatement implements PgStatementMixin {
        PgLakeStatement(LakeConnection owner, Statement real) {
            super(owner, real);
        }
    }

    static final class PgLakePreparedStatement extends LakePreparedStatement
            implements PgStatementMixin {
        PgLakePreparedStatement(LakeConnection owner, PreparedStatement real, String originalSql) {
            super(owner, real, originalSql);
        }
    }

    static final class PgLakeCallableStatement extends LakeCallableStatement
            implements PgStatementMixin {
        PgLakeCallableStatement(LakeConnection owner, CallableStatement real, String originalSql) {
            super(owner, real, originalSql);
        }
    }
}
