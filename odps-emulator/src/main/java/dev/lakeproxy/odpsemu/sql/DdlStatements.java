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
package dev.lakeproxy.odpsemu.sql;

import dev.lakeproxy.odpsemu.JobContext;
import dev.lakeproxy.odpsemu.JobResult;
import java.sql.SQLException;

/** CREATE, DROP and ALTER for tables and schemas, with MaxCompute semantics. */
public final class DdlStatements {

    private final SchemaStatements schemas;
    private final CreateTableStatement createTable;
    private final AlterTableStatements alterTable;

    public DdlStatements(
            SchemaStatements schemas,
            CreateTableStatement createTable,
            AlterTableStatements alterTable) {
        this.schemas = schemas;
        this.createTable = createTable;
        this.alterTable = alterTable;
    }

    public JobResult create(JobContext ctx, SqlCursor c) throws SQLException {
        c.expectWord("CREATE");
        if (c.acceptWord("SCHEMA") || c.acceptWord("DATABASE")) {
            return schemas.create(ctx, c);
        }
        return createTable.create(ctx, c);
    }

    /** After {@code DROP}: a schema (database), a table or a view. */
    public JobResult drop(JobContext ctx, SqlCursor c) throws SQLException {
        if (c.acceptWord("SCHEMA") || c.acceptWord("DATABASE")) {
            return schemas.drop(ctx, c);
        }
        return alterTable.drop(ctx, c);
    }

    public JobResult alter(JobContext ctx, SqlCursor c) throws SQLException {
        return alterTable.alter(ctx, c);
    }
}
