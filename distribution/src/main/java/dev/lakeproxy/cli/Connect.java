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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a lakeproxy connection from the CLI's --url/--user/--password, within --timeout seconds.
 */
final class Connect {

    /** Seconds a command waits for a connection unless --timeout says otherwise. */
    static final int DEFAULT_TIMEOUT_SECONDS = 30;

    private Connect() {
    }

    /**
     * The lakeproxy URL for what the user gave: a lakeproxy URL, the real driver's URL, or one
     * without "jdbc:".
     */
    static String lakeUrl(String url) {
        if (url.startsWith("jdbc:lakeproxy:")) {
            return url;
        }
        return url.startsWith("jdbc:")
                ? "jdbc:lakeproxy:" + url.substring(5)
                : "jdbc:lakeproxy:" + url;
    }

    static int timeoutSeconds(Args args, String command) throws Args.UsageException {
        String value = args.get("timeout");
        try {
            int seconds = value == null ? DEFAULT_TIMEOUT_SECONDS : Integer.parseInt(value);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Args.UsageException(
                "lakeproxy "
                        + command
                        + ": --timeout takes a number of seconds above 0, not \""
                        + value
                        + "\"");
    }

    /**
     * Connects in a daemon thread and gives up after the timeout: a real driver may retry for
     * minutes inside its SDK (odps-jdbc on an unreachable endpoint), and the CLI must answer, not
     * hang.
     */
    static Connection open(String url, String user, String password, int timeoutSeconds)
            throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        String lakeUrl = lakeUrl(url);
        if (lakeUrl.startsWith("jdbc:lakeproxy:postgresql:")) {
            p.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
            p.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lakeproxy-cli-connect");
            t.setDaemon(true);
            return t;
        });
        Future<Connection> connecting =
                worker.submit(() -> DriverManager.getConnection(lakeUrl, p));
        worker.shutdown();
        try {
            return connecting.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            connecting.cancel(true);
            throw new SQLTimeoutException(
                    "No connection within " + timeoutSeconds + " s.", "08001");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while connecting.", "08001", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException) {
                throw (SQLException) cause;
            }
            throw new SQLException(String.valueOf(cause.getMessage()), "08001", cause);
        }
    }
}
