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
package dev.lakeproxy.core.jdbc;

import dev.lakeproxy.codegen.GenerateForwarding;
import dev.lakeproxy.codegen.GenerateRouting;
import dev.lakeproxy.core.pipeline.SqlCall;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Asks the build for the plain delegation of the JDBC interfaces lakeproxy wraps (see {@code
 * *Forwarding}), and for the routing of their SQL-running methods (see {@code *Routing}).
 * DatabaseMetaData's delegation is the SPI's.
 */
@GenerateForwarding({
    Connection.class,
    Statement.class,
    PreparedStatement.class,
    CallableStatement.class,
    ResultSet.class
})
@GenerateRouting(
        value = {Statement.class, PreparedStatement.class},
        call = SqlCall.class)
final class Forwarders {
    private Forwarders() {
    }
}
