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

import com.aliyun.odps.Function;
import dev.lakeproxy.odps.jdbc.MetaRows;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code getFunctions}: the functions registered in the project (and schema), filtered by the name
 * pattern, with the columns JDBC lists. odps-jdbc 3.4.2 ignores every argument, lists only the
 * default project, puts 0 in REMARKS, and lets the SDK's RuntimeException out when the listing
 * fails. MaxCompute's built-in functions are not registered objects; {@code getNumericFunctions}
 * and its siblings name them.
 */
final class MetaFunctions {

    static final String[] NAMES = {
        "FUNCTION_CAT",
        "FUNCTION_SCHEM",
        "FUNCTION_NAME",
        "REMARKS",
        "FUNCTION_TYPE",
        "SPECIFIC_NAME"
    };
    static final int[] TYPES = {
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.SMALLINT, Types.VARCHAR
    };

    private MetaFunctions() {
    }

    /**
     * @param schemaPattern a three-tier project's schema (pattern); {@code null} for the current
     *     one
     */
    static ResultSet of(
            SessionState state, String project, String schemaPattern, String namePattern)
            throws SQLException {
        boolean threeTier = state.names.threeTier();
        List<String> schemas =
                threeTier && schemaPattern != null && !schemaPattern.isEmpty()
                        ? new MetaTables(state, project).schemas(schemaPattern)
                        : java.util.Collections.singletonList(
                                threeTier ? state.names.currentSchema() : null);
        Pattern names = MetaRows.like(namePattern);
        List<Object[]> rows = new ArrayList<>();
        try {
            for (String schema : schemas) {
                for (Function f : state.odps.functions().iterable(project, schema)) {
                    if (names.matcher(f.getName()).matches()) {
                        rows.add(
                                new Object[] {
                                    project,
                                    schema == null ? project : schema,
                                    f.getName(),
                                    null,
                                    DatabaseMetaData.functionResultUnknown,
                                    f.getName()
                                });
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new SQLException(
                    OdpsMessages.M.format("odps.meta.functionsFailed", project, e.getMessage()),
                    "HY000",
                    e);
        }
        rows.sort(
                Comparator.comparing((Object[] r) -> (String) r[1])
                        .thenComparing(r -> (String) r[2]));
        return MetaRows.of(NAMES, TYPES, rows);
    }
}
