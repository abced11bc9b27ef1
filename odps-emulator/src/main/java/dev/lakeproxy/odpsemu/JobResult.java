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
