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

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Types;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetFactory;
import javax.sql.rowset.RowSetProvider;

/** Detached, in-memory metadata result sets, and the LIKE patterns of metadata calls. */
public final class MetaRows {

    /**
     * Found once: RowSetProvider.newFactory() looks the factory up (system property, ServiceLoader)
     * each time.
     */
    private static final RowSetFactory ROW_SETS = rowSets();

    private MetaRows() {
    }

    private static RowSetFactory rowSets() {
        try {
            return RowSetProvider.newFactory();
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A result set of {@code rows}; a value is a String, a Number, a Boolean or {@code null}. */
    public static ResultSet of(String[] names, int[] types, List<Object[]> rows)
            throws SQLException {
        return of(names, types, rows, null);
    }

    /**
     * Like {@link #of(String[], int[], List)}, carrying {@code warning} (e.g. a schema that could
     * not be listed).
     */
    public static ResultSet of(String[] names, int[] types, List<Object[]> rows, SQLWarning warning)
            throws SQLException {
        CachedRowSet rs = ROW_SETS.createCachedRowSet();
        ColumnShapes shape = ColumnShapes.of(names, types);
        rs.setMetaData(shape.rowSet);
        // CachedRowSet inserts each row before the previous one (the cursor stays before the first
        // row): go backwards
        for (int r = rows.size() - 1; r >= 0; r--) {
            Object[] row = rows.get(r);
            rs.moveToInsertRow();
            for (int i = 0; i < names.length; i++) {
                Object v = row[i];
                if (v == null) {
                    rs.updateNull(i + 1);
                } else if (types[i] == Types.VARCHAR) {
                    rs.updateString(i + 1, v.toString());
                } else if (types[i] == Types.SMALLINT) {
                    rs.updateShort(i + 1, ((Number) v).shortValue());
                } else if (types[i] == Types.BIGINT) {
                    rs.updateLong(i + 1, ((Number) v).longValue());
                } else if (types[i] == Types.BOOLEAN) {
                    rs.updateBoolean(i + 1, (Boolean) v);
                } else {
                    rs.updateInt(i + 1, ((Number) v).intValue());
                }
            }
            rs.insertRow();
            rs.moveToCurrentRow();
        }
        rs.beforeFirst();
        return detached(rs, shape.readOnly, warning);
    }

    /**
     * A result set with no columns and no rows (for example the generated keys of a statement that
     * has none).
     */
    public static ResultSet empty() throws SQLException {
        return of(new String[0], new int[0], List.of());
    }

    /**
     * The row set as a plain ResultSet whose fetch size is a hint it ignores (JDBC lets a driver
     * ignore it; there is nothing to fetch): CachedRowSet refuses {@code setFetchSize} above its
     * max rows, which tools such as SchemaCrawler call on every metadata result.
     */
    private static ResultSet detached(CachedRowSet rs, ResultSetMetaData md, SQLWarning warning) {
        InvocationHandler h = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("setFetchSize") || name.equals("setFetchDirection")) {
                return null;
            }
            if (name.equals("getMetaData")) {
                return md;
            }
            if (name.equals("getWarnings") && warning != null) {
                return warning;
            }
            try {
                return method.invoke(rs, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ResultSet)
                Proxy.newProxyInstance(
                        MetaRows.class.getClassLoader(), new Class<?>[] {ResultSet.class}, h);
    }

    /**
     * Whether a metadata argument is a pattern rather than a name ({@code null} matches
     * everything). A name whose only wildcard is {@code _} is taken as the name, as odps-jdbc takes
     * it: tools pass table names with underscores unescaped, and listing every table to match one
     * name would cost a request per call.
     */
    public static boolean isPattern(String s) {
        return s == null || s.indexOf('%') >= 0 || s.indexOf('*') >= 0;
    }

    /** The name a metadata argument that is not a pattern stands for (its escapes taken out). */
    public static String name(String s) {
        return s.replace("\\", "");
    }

    /**
     * A JDBC LIKE pattern ({@code %}, {@code _}; a backslash takes the next character as it is, the
     * search string escape lakeproxy reports) as a case-insensitive regular expression; null
     * matches all.
     */
    public static Pattern like(String like) {
        if (like == null) {
            return Pattern.compile("(?s).*");
        }
        StringBuilder sb = new StringBuilder("(?i)");
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                sb.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else {
                sb.append(
                        c == '%' || c == '*'
                                ? ".*"
                                : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }
}
