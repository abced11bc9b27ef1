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
package demo;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A statement interface: some methods run SQL, some look like it but do not. */
public interface Stmt {
    boolean execute(String sql) throws SQLException;

    long executeLarge(String sql, int keys) throws SQLException;

    ResultSet executeQuery(String sql) throws SQLException;

    int[] executeBatch() throws SQLException;

    int executeTimes(int times) throws SQLException;

    void addBatch(String sql) throws SQLException;

    void close() throws SQLException;
}
