package dev.lakeproxy.bench;

import dev.lakeproxy.core.jdbc.ResultSetForwarding;
import java.sql.ResultSet;

/**
 * A minimal in-memory result set for the benchmarks: next, getInt, getString and close; every other
 * method would forward to {@link #resultSetDelegate()}, which refuses.
 */
public abstract class InMemoryResultSet implements ResultSetForwarding {

    private final int rows;
    private int row;

    protected InMemoryResultSet(int rows) {
        this.rows = rows;
    }

    @Override
    public ResultSet resultSetDelegate() {
        throw new UnsupportedOperationException("not used by the benchmarks");
    }

    @Override
    public boolean next() {
        return ++row <= rows;
    }

    @Override
    public int getInt(int column) {
        return row;
    }

    @Override
    public String getString(int column) {
        return "row";
    }

    @Override
    public void close() {
    }
}
