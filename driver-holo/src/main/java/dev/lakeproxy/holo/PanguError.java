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
package dev.lakeproxy.holo;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's error for reading encrypted MaxCompute data with the wrong engine: SQLSTATE XX000,
 * {@code ... Failed to execute pangu open normal file
 * pangu://.../product/odps/<project>/data/<table>/..., errorcode: 9, ...
 * PanguParameterInvalidException}.
 */
final class PanguError {

    private static final Pattern PATH =
            Pattern.compile("/product/odps/([^/\\s,]+)/data/([^/\\s,]+)");

    final String project;
    final String table;

    private PanguError(String project, String table) {
        this.project = project;
        this.table = table;
    }

    /** The pangu error in {@code e}, or {@code null} when {@code e} is something else. */
    static PanguError of(SQLException e) {
        String m = e.getMessage();
        if (m == null
                || !"XX000".equals(e.getSQLState())
                || !(m.contains("PanguParameterInvalidException")
                        || m.contains("Failed to execute pangu open normal file"))) {
            return null;
        }
        Matcher path = PATH.matcher(m);
        return path.find()
                ? new PanguError(path.group(1).toLowerCase(java.util.Locale.ROOT), path.group(2))
                : new PanguError(null, null);
    }
}
