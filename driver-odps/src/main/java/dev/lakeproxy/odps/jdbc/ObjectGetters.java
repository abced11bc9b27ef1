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

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * {@code ResultSet.getObject(i, Class)} for the columns that are not dates or times (odps-jdbc
 * throws for every class): the type's own getter, with SQL NULL as {@code null} for the boxed
 * types, as JDBC 4.1 says.
 */
final class ObjectGetters {

    private ObjectGetters() {
    }

    static <T> T as(ResultSet rs, int column, Class<T> type) throws SQLException {
        Object v;
        if (type == String.class) {
            v = rs.getString(column);
        } else if (type == Integer.class) {
            v = rs.getInt(column);
        } else if (type == Long.class) {
            v = rs.getLong(column);
        } else if (type == Short.class) {
            v = rs.getShort(column);
        } else if (type == Byte.class) {
            v = rs.getByte(column);
        } else if (type == Double.class) {
            v = rs.getDouble(column);
        } else if (type == Float.class) {
            v = rs.getFloat(column);
        } else if (type == Boolean.class) {
            v = rs.getBoolean(column);
        } else if (type == BigDecimal.class) {
            v = rs.getBigDecimal(column);
        } else if (type == byte[].class) {
            v = rs.getBytes(column);
        } else {
            v = rs.getObject(column);
            if (v != null && !type.isInstance(v)) {
                throw new SQLFeatureNotSupportedException(
                        DriverFailures.M.format(
                                "odps.jdbc.noObjectConversion",
                                v.getClass().getSimpleName(),
                                type.getName()),
                        "0A000");
            }
        }
        return rs.wasNull() ? null : type.cast(v);
    }
}
