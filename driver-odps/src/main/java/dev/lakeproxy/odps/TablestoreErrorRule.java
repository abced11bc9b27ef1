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

import dev.lakeproxy.odps.SqlTokens.Token;
import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.spi.StatementRule;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tablestore failures explained for the statement that was actually run (seed, "Export data from
 * MaxCompute to Tablestore"): the 4 MB BatchWriteRow limit, duplicate primary keys in one batch
 * (with a de-duplicating query), and a Tablestore table that does not exist (named with the
 * external table of the INSERT, SELECT or DDL).
 */
final class TablestoreErrorRule implements StatementRule {

    private static final Pattern OTS_TABLE = Pattern.compile("Tablestore table '([^']+)'");

    private final SessionState state;

    TablestoreErrorRule(SessionState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return "odps.tablestoreErrors";
    }

    /** Only explains failures, which every rule is offered whatever it says here. */
    @Override
    public boolean interested(String sql) {
        return false;
    }

    @Override
    public Outcome onError(ExecutionContext ctx, SQLException error) {
        String text = PermissionErrorRule.allMessages(error);
        ScannedSql s = state.scan(ctx.originalSql());
        InsertStatement ins = s.insert();
        String kind;
        SQLException translated;
        if (text.contains("The total data size of BatchWriteRow request exceeds the limit")) {
            kind = "batchTooLarge";
            translated = OdpsMessages.M.translate(error, "odps.ots.batchTooLarge",
                    ins == null ? "(see the cause)" : String.join(".", ins.target));
        } else if (text.contains("OTSParameterInvalid")
                && text.contains("The input parameter is invalid")) {
            kind = "duplicateRows";
            translated =
                    DuplicateRows.explain(
                            error, s.sql, ins, ins == null ? null : state.cachedTable(ins.target));
        } else if (text.contains("OTSObjectNotExist")
                || (OTS_TABLE.matcher(text).find() && text.contains("does not exist"))) {
            kind = "missingTablestoreTable";
            Matcher m = OTS_TABLE.matcher(text);
            String ots = m.find() ? m.group(1) : null;
            translated =
                    OdpsMessages.M.translate(
                            error,
                            "odps.ots.missingTable",
                            ots == null ? "(see the cause)" : ots,
                            behind(s, ins, ots));
        } else {
            return Outcome.propagate();
        }
        state.context.counter("odps.translated." + kind).increment();
        return Outcome.translate(translated);
    }

    /**
     * The external table in front of the missing Tablestore table, described for the statement that
     * ran.
     */
    private String behind(ScannedSql s, InsertStatement ins, String ots) {
        if (ins != null) {
            return OdpsMessages.M.format("odps.ots.inInsert", String.join(".", ins.target));
        }
        List<Token> t = s.tokens;
        String verb =
                t == null || t.isEmpty() ? "statement" : t.get(0).text.toUpperCase(Locale.ROOT);
        TablestoreDdl ddl = t == null ? null : TablestoreDdl.parse(t);
        if (ddl != null) {
            return OdpsMessages.M.format("odps.ots.inCreate", ddl.table);
        }
        for (List<String> name : namesRead(t)) {
            TableMeta meta = state.cachedTable(name);
            if (meta == null) {
                meta = state.table(name); // the error path: one metadata read is acceptable here
            }
            if (meta != null
                    && meta.isTablestore()
                    && (ots == null
                            || ots.equalsIgnoreCase(
                                    meta.serDeProperties.getOrDefault(
                                            "tablestore.table.name", "")))) {
                return OdpsMessages.M.format("odps.ots.inRead", String.join(".", name), verb);
            }
        }
        return OdpsMessages.M.format("odps.ots.inStatement", verb);
    }

    /** The table names after FROM and JOIN, as written. */
    private static List<List<String>> namesRead(List<Token> t) {
        List<List<String>> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        for (int i = 0; i + 1 < t.size(); i++) {
            boolean source = t.get(i).is("FROM") || t.get(i).is("JOIN");
            if (source && t.get(i + 1).isIdentifier() && !t.get(i + 1).is("SELECT")) {
                List<String> name = new ArrayList<>();
                int j = i + 1;
                name.add(t.get(j).name());
                while (j + 2 < t.size() && t.get(j + 1).isSymbol('.') && t.get(j + 2).isIdentifier()
                        && name.size() < 3) {
                    name.add(t.get(j + 2).name());
                    j += 2;
                }
                out.add(name);
            }
        }
        return out;
    }
}
