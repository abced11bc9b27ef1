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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a finished SQL task produced: text result, a table of rows for the tunnel, outputs. */
public final class JobResult {
    public String text = "OK";

    /** Result columns (name, MaxCompute type) of a query, or null for statements without rows. */
    public List<String[]> columns;

    /** Rows as SDK record values, in the order of {@link #columns}. */
    public List<Object[]> rows = new ArrayList<>();

    /**
     * A query's first DISTRIBUTE BY expression, wherever it stands (the translator strips it), or
     * null.
     */
    public String distributeBy;

    /** Output table to row count, for the instance summary's {@code Outputs}. */
    public final Map<String, Long> outputs = new LinkedHashMap<>();

    public boolean isQuery() {
        return columns != null;
    }
}
