package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.SqlEngine.Context;

import java.sql.SQLException;

/** CREATE, DROP and ALTER for tables and schemas, with MaxCompute semantics. */
final class DdlStatements {

    private final SchemaStatements schemas;
    private final CreateTableStatement createTable;
    private final AlterTableStatements alterTable;

    DdlStatements(
            SchemaStatements schemas,
            CreateTableStatement createTable,
            AlterTableStatements alterTable) {
        this.schemas = schemas;
        this.createTable = createTable;
        this.alterTable = alterTable;
    }

    JobResult create(Context ctx, SqlCursor c) throws SQLException {
        c.expectWord("CREATE");
        if (c.acceptWord("SCHEMA") || c.acceptWord("DATABASE")) {
            return schemas.create(ctx, c);
        }
        return createTable.create(ctx, c);
    }

    /** After {@code DROP}: a schema (database), a table or a view. */
    JobResult drop(Context ctx, SqlCursor c) throws SQLException {
        if (c.acceptWord("SCHEMA") || c.acceptWord("DATABASE")) {
            return schemas.drop(ctx, c);
        }
        return alterTable.drop(ctx, c);
    }

    JobResult alter(Context ctx, SqlCursor c) throws SQLException {
        return alterTable.alter(ctx, c);
    }
}
