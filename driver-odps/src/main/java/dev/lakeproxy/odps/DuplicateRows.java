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
package dev.lakeproxy.odps;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Two rows with one primary key in one BatchWriteRow: the explanation, with a query that
 * de-duplicates them.
 */
final class DuplicateRows {

    private DuplicateRows() {
    }

    static SQLException explain(
            SQLException error, String sql, InsertStatement ins, TableMeta meta) {
        String table = ins == null ? "<table>" : String.join(".", ins.target);
        List<String> pk = meta == null ? List.of() : meta.primaryKeyColumns();
        List<String> cols = new ArrayList<>();
        if (meta != null) {
            meta.columns.forEach(c -> cols.add(c.name));
        }
        String keys = pk.isEmpty() ? "<primary key columns>" : String.join(", ", pk);
        String list = cols.isEmpty() ? "<columns>" : String.join(", ", cols);
        String source =
                ins != null && !ins.values
                        ? sql.substring(ins.queryBegin(), ins.queryEnd())
                        : "<your query>";
        String example =
                "INSERT INTO "
                        + table
                        + " SELECT "
                        + list
                        + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY "
                        + keys
                        + " ORDER BY "
                        + keys
                        + ") AS lp_rn FROM ("
                        + source
                        + ") src) dedup WHERE lp_rn = 1";
        return OdpsMessages.M.translate(error, "odps.ots.duplicateRows", table, keys, example);
    }
}
