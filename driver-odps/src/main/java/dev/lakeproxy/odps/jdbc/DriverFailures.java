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

import dev.lakeproxy.spi.Messages;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What odps-jdbc throws unchecked, as the SQLException JDBC promises: SQLState HY000, the original
 * as cause, and a message that names the call. Tools handle an SQLException per call; an unchecked
 * exception ends a whole metadata walk or a pool's validation.
 */
public final class DriverFailures {

    private static final Logger LOG = Logger.getLogger(DriverFailures.class.getName());
    static final Messages M = Messages.of(DriverFailures.class, "dev.lakeproxy.odps.messages");

    private DriverFailures() {
    }

    /** Called by the generated forwarding when {@code call} threw {@code thrown} unchecked. */
    public static SQLException failure(Throwable thrown, String call) {
        LOG.log(
                Level.FINE,
                "odps-jdbc threw unchecked in " + call + "; reported as an SQLException",
                thrown);
        return new SQLException(M.format("odps.jdbc.driverFailed", call, thrown), "HY000", thrown);
    }
}
