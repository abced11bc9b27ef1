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
package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Table;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Set;
import org.postgresql.PGResultSetMetaData;

/**
 * The MaxCompute type a result column was declared with, when it reads a table column directly
 * (PostgreSQL reports the base table and column): TINYINT, VARCHAR(n), CHAR(n), DECIMAL(p,s),
 * DATETIME and the complex types come back as declared, not as their PostgreSQL storage type.
 */
final class DeclaredTypes {

    private DeclaredTypes() {}

    /** The declared type of result column {@code i}, or null for an expression. */
    static String of(ResultSetMetaData md, int i, Set<Table> tables) throws SQLException {
        PGResultSetMetaData pg = md.unwrap(PGResultSetMetaData.class);
        String table = pg.getBaseTableName(i);
        String column = pg.getBaseColumnName(i);
        if (table == null || table.isEmpty() || column == null || column.isEmpty()) {
            return null;
        }
        String schema = pg.getBaseSchemaName(i);
        for (Table t : tables) {
            if (t.name.equals(table) && t.pgSchema().equals(schema)) {
                Column c = t.column(column);
                return c == null ? null : c.type;
            }
        }
        return null;
    }
}
