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
