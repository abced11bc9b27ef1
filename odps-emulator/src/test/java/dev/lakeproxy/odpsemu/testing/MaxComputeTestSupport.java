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
package dev.lakeproxy.odpsemu.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for tests that drive the real odps-jdbc 3.4.2 against the MaxCompute emulator: the
 * emulator's own tests and the MaxCompute plugin's, which get it from this module's test jar.
 */
public final class MaxComputeTestSupport {

    /** The LOCATION of a Tablestore external table on the emulator's default instance. */
    public static final String TABLESTORE_LOCATION =
            "tablestore://emulator-ots.cn-hangzhou.ots-internal.aliyuncs.com";

    static {
        try {
            Class.forName("com.aliyun.odps.jdbc.OdpsDriver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private MaxComputeTestSupport() {}

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    public static int update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    /** Rows as lists of getObject values. */
    public static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
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

    /** The messages of an exception and its causes, for asserting on what any of them says. */
    public static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    /**
     * The DDL of a Tablestore external table: its columns, the {@code tablestore.columns.mapping}
     * ({@code :} marks primary key columns), the Tablestore table (none when null) and the
     * LOCATION.
     */
    public static String tablestoreDdl(
            String table, String columns, String mapping, String otsTable, String location) {
        return "CREATE EXTERNAL TABLE "
                + table
                + " ("
                + columns
                + ") "
                + "STORED BY 'com.aliyun.odps.TableStoreStorageHandler' WITH SERDEPROPERTIES ("
                + "'tablestore.columns.mapping'='"
                + mapping
                + "'"
                + (otsTable == null ? "" : ", 'tablestore.table.name'='" + otsTable + "'")
                + ", 'odps.properties.rolearn'='acs:ram::xxxxx:role/aliyunodpsdefaultrole')"
                + " LOCATION '"
                + location
                + "'";
    }
}
