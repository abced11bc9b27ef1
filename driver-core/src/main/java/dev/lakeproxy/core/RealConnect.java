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
package dev.lakeproxy.core;

import dev.lakeproxy.core.errors.LakeErrors;
import dev.lakeproxy.spi.ConnectRequest;
import dev.lakeproxy.spi.LakePlugin;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Opens the real driver's connection for {@link Connector}. */
final class RealConnect {

    private static final Logger LOG = Logger.getLogger(Connector.class.getName());

    private RealConnect() {
    }

    /**
     * The real connection (the URL and properties as the plugins left them); once more without a
     * plugin's additions when the server refused them.
     */
    static Connection open(Driver realDriver, List<LakePlugin> candidates, ConnectRequest request)
            throws SQLException {
        try {
            return once(realDriver, request);
        } catch (SQLException refused) {
            boolean again = false;
            for (LakePlugin p : candidates) {
                try {
                    again |= p.connectFailed(request, refused);
                } catch (RuntimeException | LinkageError bug) {
                    refused.addSuppressed(bug); // a plugin's bug never hides the server's answer
                }
            }
            if (!again) {
                throw refused;
            }
            LOG.log(
                    Level.FINE,
                    "the server refused what a plugin added; connecting again without it ({0})",
                    refused.getSQLState());
            return once(realDriver, request);
        }
    }

    /**
     * odps-jdbc 3.4.2 lets the SDK's ReloadException (a RuntimeException) out of connect when the
     * server refuses the credentials: it becomes an SQLException with the same message and the
     * original as cause, as JDBC promises, so that plugins can see the refusal.
     */
    private static Connection once(Driver realDriver, ConnectRequest request) throws SQLException {
        try {
            return realDriver.connect(request.realUrl(), request.realProperties());
        } catch (RuntimeException unchecked) {
            String shown =
                    LakeErrors.message("driver.failed", String.valueOf(unchecked.getMessage()));
            throw new SQLException(shown, "08001", unchecked);
        }
    }
}
