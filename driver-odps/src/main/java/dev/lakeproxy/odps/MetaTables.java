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

import com.aliyun.odps.Table;
import dev.lakeproxy.odps.jdbc.MetaRows;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The schemas and tables a metadata call covers, listed through odps-sdk (the same listing requests
 * odps-jdbc sends). When a call covers several schemas, one that cannot be listed (one the user may
 * not see, say) is skipped with an SQLWarning that names it and says why, instead of failing the
 * whole call; a call for one named schema fails as the listing failed, explained. Every table
 * listed is read ahead ({@link SessionState#prefetch}), so the per-table calls that follow answer
 * from memory.
 */
final class MetaTables {

    static final String[] NAMES = {
        "TABLE_CAT",
        "TABLE_SCHEM",
        "TABLE_NAME",
        "TABLE_TYPE",
        "REMARKS",
        "TYPE_CAT",
        "TYPE_SCHEM",
        "TYPE_NAME",
        "SELF_REFERENCING_COL_NAME",
        "REF_GENERATION"
    };
    static final int[] TYPES = new int[NAMES.length];

    static {
        Arrays.fill(TYPES, Types.VARCHAR);
    }

    /** A listed table: where it is, its name, and what getTables says of it. */
    static final class Listed {
        final String schema;
        final String name;
        final boolean view;
        final String comment;

        Listed(String schema, String name, boolean view, String comment) {
            this.schema = schema;
            this.name = name;
            this.view = view;
            this.comment = comment;
        }
    }

    private final SessionState state;
    private final String project;

    /**
     * The call names one schema (or a two-tier project): its listing failure is the call's failure.
     */
    private boolean oneSchema = true;

    /** What could not be listed, for the result's warnings. */
    SQLWarning warnings;

    MetaTables(SessionState state, String project) {
        this.state = state;
        this.project = project;
    }

    /**
     * The schemas of a three-tier project matching a pattern ({@code null}: all); a plain name as
     * it is.
     */
    List<String> schemas(String pattern) throws SQLException {
        if (!MetaRows.isPattern(pattern)) {
            return List.of(MetaRows.name(pattern));
        }
        oneSchema = false;
        Pattern p = MetaRows.like(pattern);
        List<String> out = new ArrayList<>();
        try {
            for (Iterator<com.aliyun.odps.Schema> it = state.odps.schemas().iterator(project);
                    it.hasNext(); ) {
                String name = it.next().getName();
                if (p.matcher(name).matches()) {
                    out.add(name);
                }
            }
        } catch (RuntimeException e) {
            throw new SQLException(
                    OdpsMessages.M.format("odps.meta.schemasFailed", project, e.getMessage()),
                    "HY000",
                    e);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /**
     * The tables of {@code schema} ({@code null} in a two-tier project) matching a pattern, sorted
     * by name; a plain name is taken as it is, without a request. A schema that cannot be listed
     * adds a warning and gives none.
     */
    List<Listed> tables(String schema, String pattern) throws SQLException {
        return tables(schema, pattern, false);
    }

    /**
     * Like {@link #tables(String, String)}; {@code listNames}: a plain name is listed too
     * (getTables shows it only if it exists).
     */
    private List<Listed> tables(String schema, String pattern, boolean listNames)
            throws SQLException {
        if (!listNames && !MetaRows.isPattern(pattern)) {
            return List.of(new Listed(schema, MetaRows.name(pattern), false, null));
        }
        Pattern p = MetaRows.like(pattern);
        List<Listed> out = new ArrayList<>();
        List<TableMetaCache.Lookup> ahead = new ArrayList<>();
        try {
            for (Table t : state.odps.tables().iterable(project, schema, null, true)) {
                if (p.matcher(t.getName()).matches()) {
                    out.add(new Listed(schema, t.getName(), t.isVirtualView(), t.getComment()));
                    ahead.add(state.lookup(project, schema, t.getName()));
                }
            }
        } catch (RuntimeException e) {
            String where = schema == null ? project : project + "." + schema;
            if (oneSchema) {
                throw new SQLException(
                        OdpsMessages.M.format("odps.meta.tablesFailed", where, e.getMessage()),
                        "HY000",
                        e);
            }
            skipped(where, e);
            return List.of();
        }
        state.prefetch(ahead);
        out.sort(Comparator.comparing(l -> l.name));
        return out;
    }

    private void skipped(String where, RuntimeException e) {
        SQLException failure = new SQLException(e.getMessage(), "HY000", e);
        SQLException explained =
                PermissionErrorRule.explain(failure, PermissionErrorRule.allMessages(failure));
        String why = explained != null ? explained.getMessage() : e.getMessage();
        String message = OdpsMessages.M.format("odps.meta.schemaSkipped", where, why);
        warn(new SQLWarning(message, "01000", e));
        state.context.counter("odps.metadataSchemasSkipped").increment();
    }

    /** Adds a warning to what the result will carry. */
    void warn(SQLWarning w) {
        if (warnings == null) {
            warnings = w;
        } else {
            warnings.setNextWarning(w);
        }
    }

    /**
     * getTables rows of a three-tier project: every matching table of every matching schema that
     * can be listed.
     */
    List<Object[]> rows(String schemaPattern, String tablePattern, String[] types)
            throws SQLException {
        List<String> wanted =
                types == null || types.length == 0
                        ? List.of("TABLE", "VIEW")
                        : Arrays.asList(types);
        List<Object[]> rows = new ArrayList<>();
        for (String schema : schemas(schemaPattern)) {
            for (Listed t : tables(schema, tablePattern, true)) {
                String type = t.view ? "VIEW" : "TABLE";
                if (wanted.contains(type)) {
                    rows.add(
                            new Object[] {
                                project, schema, t.name, type, t.comment, null, null, null, null,
                                null
                            });
                }
            }
        }
        rows.sort(
                Comparator.comparing((Object[] r) -> (String) r[3])
                        .thenComparing(r -> (String) r[1])
                        .thenComparing(r -> (String) r[2]));
        return rows;
    }
}
