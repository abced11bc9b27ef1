package dev.lakeproxy.odps;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/** Detached, in-memory metadata result sets, and the LIKE patterns of metadata calls. */
final class MetaRows {

    private MetaRows() {
    }

    /** A result set of {@code rows}; a value is a String, a Number or {@code null}. */
    static ResultSet of(String[] names, int[] types, List<Object[]> rows) throws SQLException {
        CachedRowSet rs = RowSetProvider.newFactory().createCachedRowSet();
        RowSetMetaDataImpl md = new RowSetMetaDataImpl();
        md.setColumnCount(names.length);
        for (int i = 0; i < names.length; i++) {
            md.setColumnName(i + 1, names[i]);
            md.setColumnLabel(i + 1, names[i]);
            md.setColumnType(i + 1, types[i]);
            md.setNullable(i + 1, ResultSetMetaData.columnNullable);
        }
        rs.setMetaData(md);
        // CachedRowSet inserts each row before the previous one (the cursor stays before the first row): go backwards
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
                } else {
                    rs.updateInt(i + 1, ((Number) v).intValue());
                }
            }
            rs.insertRow();
            rs.moveToCurrentRow();
        }
        rs.beforeFirst();
        return detached(rs);
    }

    /**
     * The row set as a plain ResultSet whose fetch size is a hint it ignores (JDBC lets a driver ignore it; there is
     * nothing to fetch): CachedRowSet refuses {@code setFetchSize} above its max rows, which tools such as
     * SchemaCrawler call on every metadata result.
     */
    private static ResultSet detached(CachedRowSet rs) {
        InvocationHandler h = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("setFetchSize") || name.equals("setFetchDirection")) {
                return null;
            }
            try {
                return method.invoke(rs, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ResultSet) Proxy.newProxyInstance(MetaRows.class.getClassLoader(), new Class<?>[] {ResultSet.class}, h);
    }

    /** Whether a metadata argument is a pattern rather than a name ({@code null} matches everything). */
    static boolean isPattern(String s) {
        return s == null || s.indexOf('%') >= 0 || s.indexOf('*') >= 0;
    }

    /** A JDBC LIKE pattern ({@code %}, {@code _}) as a case-insensitive regular expression; null matches all. */
    static Pattern like(String like) {
        if (like == null) {
            return Pattern.compile("(?s).*");
        }
        StringBuilder sb = new StringBuilder("(?i)");
        for (char c : like.toCharArray()) {
            sb.append(c == '%' || c == '*' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(sb.toString());
    }
}
