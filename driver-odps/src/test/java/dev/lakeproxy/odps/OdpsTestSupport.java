package dev.lakeproxy.odps;

import dev.lakeproxy.Explanation;
import dev.lakeproxy.LakeproxyConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Helpers: the same emulator reached raw ({@code jdbc:odps:}) and through lakeproxy ({@code jdbc:lakeproxy:odps:}). */
final class OdpsTestSupport {

    static {
        try {
            Class.forName("com.aliyun.odps.jdbc.OdpsDriver");
            Class.forName("dev.lakeproxy.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private OdpsTestSupport() {
    }

    static String lake(String rawUrl, String... options) {
        StringBuilder sb = new StringBuilder("jdbc:lakeproxy:" + rawUrl.substring("jdbc:".length()));
        for (String o : options) {
            sb.append('&').append(o);
        }
        return sb.toString();
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    static int update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    static Explanation explain(Connection c, String sql) throws SQLException {
        return c.unwrap(LakeproxyConnection.class).explain(sql);
    }

    static long counter(Connection c, String name) throws SQLException {
        return c.unwrap(LakeproxyConnection.class).metrics().snapshot().getOrDefault(name, 0L);
    }

    /** The messages of an exception and its causes. */
    static String all(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    static String tablestoreDdl(String table, String columns, String mapping, String otsTable, String location) {
        return "CREATE EXTERNAL TABLE " + table + " (" + columns + ") "
                + "STORED BY 'com.aliyun.odps.TableStoreStorageHandler' WITH SERDEPROPERTIES ("
                + "'tablestore.columns.mapping'='" + mapping + "'"
                + (otsTable == null ? "" : ", 'tablestore.table.name'='" + otsTable + "'")
                + ", 'odps.properties.rolearn'='acs:ram::xxxxx:role/aliyunodpsdefaultrole') LOCATION '" + location + "'";
    }

    static final String LOCATION = "tablestore://emulator-ots.cn-hangzhou.ots-internal.aliyuncs.com";
}
