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
package dev.lakeproxy.cli;

import dev.lakeproxy.spi.Secrets;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * A connection or statement failure said in one or two lines, with a fix that fits its cause: never
 * a stack trace.
 */
final class Failure {

    /**
     * SQLState lakeproxy gives its own option and URL errors; their messages already carry the fix.
     */
    private static final String LAKEPROXY_OPTION_STATE = "22023";

    final String detail;
    final String fix;

    private Failure(String detail, String fix) {
        this.detail = detail;
        this.fix = fix;
    }

    static Failure of(Throwable e) {
        String message = Secrets.maskText(String.valueOf(e.getMessage()));
        UnknownHostException unknownHost = cause(e, UnknownHostException.class);
        if (unknownHost != null) {
            return new Failure(
                    message + " The host name " + unknownHost.getMessage() + " does not resolve.",
                    "check the host name in --url (spelling, DNS, and whether the endpoint is"
                        + " reachable from this network)");
        }
        if (e instanceof SQLTimeoutException) {
            return new Failure(
                    message,
                    "check the host, the port and the network path (VPC, whitelist, proxy), "
                            + "or give more time with --timeout");
        }
        String state = e instanceof SQLException ? ((SQLException) e).getSQLState() : null;
        if (LAKEPROXY_OPTION_STATE.equals(state)
                || message.contains("lakeproxy option")
                || message.contains("lakeproxy URL")) {
            return new Failure(message, null);
        }
        String where =
                state == null
                        ? " (" + e.getClass().getSimpleName() + ")"
                        : " (SQLState " + state + ")";
        return new Failure(
                message + where,
                "check the host, port, database, user and password in --url; the message above is"
                    + " the server's or driver's");
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    String text() {
        return fix == null ? detail : detail + "\nfix: " + fix;
    }
}
