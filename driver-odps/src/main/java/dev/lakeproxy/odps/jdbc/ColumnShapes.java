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
package dev.lakeproxy.odps.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.rowset.RowSetMetaDataImpl;

/**
 * The column metadata of {@link MetaRows}' results, built once per shape (names and types) and
 * shared: {@code RowSetMetaDataImpl.setColumnType} checks each type by reflection over
 * {@code java.sql.Types}, which made a fifth of a navigator's walk over 1,000 cached tables. The
 * shapes are the metadata calls' fixed column lists, so there are a few dozen at most. Callers get
 * a read-only view, so no one can change a shape another result shares.
 */
final class ColumnShapes {

    private static final Map<String, ColumnShapes> ALL = new ConcurrentHashMap<>();

    /** What the row set holds. */
    final RowSetMetaDataImpl rowSet;
    /** What {@code ResultSet.getMetaData()} hands out. */
    final ResultSetMetaData readOnly;

    private ColumnShapes(RowSetMetaDataImpl rowSet) {
        this.rowSet = rowSet;
        ClassLoader loader = ColumnShapes.class.getClassLoader();
        this.readOnly = (ResultSetMetaData) Proxy.newProxyInstance(loader,
                new Class<?>[] {ResultSetMetaData.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(rowSet, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static ColumnShapes of(String[] names, int[] types) throws SQLException {
        String key = String.join(",", names) + Arrays.toString(types);
        ColumnShapes shape = ALL.get(key);
        if (shape == null) {
            shape = new ColumnShapes(build(names, types));
            ColumnShapes first = ALL.putIfAbsent(key, shape);
            shape = first != null ? first : shape;
        }
        return shape;
    }

    private static RowSetMetaDataImpl build(String[] names, int[] types) throws SQLException {
        RowSetMetaDataImpl md = new RowSetMetaDataImpl();
        if (names.length > 0) { // it refuses a count of 0; unset, it reports 0 columns
            md.setColumnCount(names.length);
        }
        for (int i = 0; i < names.length; i++) {
            md.setColumnName(i + 1, names[i]);
            md.setColumnLabel(i + 1, names[i]);
            md.setColumnType(i + 1, types[i]);
            md.setNullable(i + 1, ResultSetMetaData.columnNullable);
        }
        return md;
    }
}
