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
