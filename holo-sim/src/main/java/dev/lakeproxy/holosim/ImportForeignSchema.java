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
package dev.lakeproxy.holosim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code IMPORT FOREIGN SCHEMA p [LIMIT TO | EXCEPT (...)] FROM SERVER odps_server INTO s [OPTIONS
 * (...)]}, turned into a call of {@code hg_sim.import_foreign_schema} (PostgreSQL's own IMPORT
 * needs an FDW handler).
 */
final class ImportForeignSchema {
    private static final String IDENT = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$#]*)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern IMPORT =
            Pattern.compile(
                    "^IMPORT\\s+FOREIGN\\s+SCHEMA\\s+"
                            + IDENT
                            + "(?:\\s+(LIMIT\\s+TO|EXCEPT)\\s*\\(([^)]*)\\)\\s*|\\s+)"
                            + "FROM\\s+SERVER\\s+odps_server\\s+INTO\\s+"
                            + IDENT
                            + "(?:\\s+OPTIONS\\s*\\((.*)\\))?\\s*$",
                    FLAGS);
    private static final Pattern IF_TABLE_EXIST =
            Pattern.compile("if_table_exist\\s+'([^']*)'", FLAGS);

    private static final String CALL = "SELECT hg_sim.import_foreign_schema(";
    private static final String PREVIEW = "SELECT * FROM hg_sim.import_preview(";

    private ImportForeignSchema() {
    }

    static String rewrite(String head, String stmt) {
        Matcher m = IMPORT.matcher(head);
        if (!m.matches()) {
            return stmt;
        }
        String project = SqlText.unquoteIdent(m.group(1)).toLowerCase(Locale.ROOT);
        String mode =
                m.group(2) == null
                        ? null
                        : m.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String list = m.group(3);
        String into = SqlText.unquoteIdent(m.group(4));
        String options = m.group(5);
        String ifExists = "error";
        if (options != null) {
            Matcher o = IF_TABLE_EXIST.matcher(options);
            if (o.find()) {
                ifExists = o.group(1).toLowerCase(Locale.ROOT);
            }
        }
        String array = "NULL::text[]";
        if (list != null) {
            List<String> names = new ArrayList<>();
            for (String part : list.split(",")) {
                if (!part.trim().isEmpty()) {
                    names.add(
                            SqlText.quoteLiteral(
                                    SqlText.unquoteIdent(part).toLowerCase(Locale.ROOT)));
                }
            }
            array = "ARRAY[" + String.join(", ", names) + "]::text[]";
        }
        boolean limit = "LIMIT TO".equals(mode);
        boolean except = "EXCEPT".equals(mode);
        return CALL + SqlText.quoteLiteral(project) + ", "
                + SqlText.quoteLiteral(into) + ", " + (limit ? array : "NULL::text[]") + ", "
                + (except ? array : "NULL::text[]") + ", " + SqlText.quoteLiteral(ifExists) + ")";
    }

    /**
     * For a statement {@link #rewrite} produced: the query of the tables it will create, else null.
     */
    static String previewQuery(String rewritten) {
        return rewritten.startsWith(CALL) ? PREVIEW + rewritten.substring(CALL.length()) : null;
    }

}
