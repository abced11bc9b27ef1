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

import com.aliyun.odps.Instance;
import com.aliyun.odps.jdbc.OdpsStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A statement's query timeout and cancel, enforced by stopping the MaxCompute job. odps-jdbc
 * ignores a timeout outside interactive mode (and throws on 0), and its cancel does nothing until
 * the job's instance exists; here a timeout or cancel stops the instance as soon as odps-jdbc has
 * it ({@code PUT .../instances/<id>}, Status Terminated), whatever the mode. MaxCompute then ends
 * the job as Cancelled without committing its output, and the caller gets {@link
 * SQLTimeoutException} (SQLState HYT00) or, for a cancel, SQLState HY008. The executing thread is
 * never interrupted: an interrupt would abandon the job without stopping it.
 */
final class JobControl {

    private static final Logger LOG = Logger.getLogger(JobControl.class.getName());
    /** How often a stop looks again for an instance still being submitted. */
    private static final long RETRY_MILLIS = 50;
    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    private final OdpsStatement real;
    private volatile int timeoutSeconds;
    private volatile boolean running;
    private volatile String stopReason;
    private ScheduledFuture<?> timer;

    JobControl(OdpsStatement real) {
        this.real = real;
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(2, r -> {
            Thread thread = new Thread(r, "lakeproxy-odps-query-timeout");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }

    void timeoutSeconds(int seconds) {
        timeoutSeconds = seconds;
    }

    /** Something that runs a job through odps-jdbc. */
    interface Job<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code job} under the timeout; a stopped job's failure becomes the timeout or the
     * cancel. What odps-jdbc throws unchecked on the way (a status poll that ran out of retries:
     * the SDK's ReloadException) becomes an SQLException naming {@code call}, as everywhere in this
     * layer.
     */
    <T> T run(String call, Job<T> job) throws SQLException {
        stopReason = null;
        running = true;
        int seconds = timeoutSeconds;
        ScheduledFuture<?> t =
                seconds > 0
                        ? TIMERS.schedule(() -> stop("timeout"), seconds, TimeUnit.SECONDS)
                        : null;
        timer = t;
        try {
            return job.run();
        } catch (SQLException e) {
            throw stopped(e, seconds);
        } catch (RuntimeException e) {
            throw stopped(DriverFailures.failure(e, call), seconds);
        } finally {
            running = false;
            if (t != null) {
                t.cancel(false);
            }
        }
    }

    /** {@code Statement.cancel()}: stops the running job, if any; from any thread. */
    void cancel() {
        if (running) {
            stop("cancel");
        }
    }

    private SQLException stopped(SQLException failure, int seconds) {
        String reason = stopReason;
        if ("timeout".equals(reason)) {
            return new SQLTimeoutException(
                    DriverFailures.M.format("odps.jdbc.timedOut", seconds), "HYT00", failure);
        }
        if ("cancel".equals(reason)) {
            return new SQLException(
                    DriverFailures.M.format("odps.jdbc.cancelled"), "HY008", failure);
        }
        return failure;
    }

    /**
     * Stops the job once odps-jdbc knows its instance; until then looks again every {@value
     * #RETRY_MILLIS} ms.
     */
    private void stop(String reason) {
        if (!running) {
            return;
        }
        stopReason = reason;
        Instance instance = real.getExecuteInstance();
        if (instance == null) { // still submitting: odps-jdbc's own cancel would do nothing now
            TIMERS.schedule(() -> stop(reason), RETRY_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        try {
            real.cancel(); // stops the instance (offline) or the session query (interactive)
            LOG.log(
                    Level.FINE,
                    "lakeproxy stopped MaxCompute instance {0} ({1})",
                    new Object[] {instance.getId(), reason});
        } catch (SQLException | RuntimeException e) {
            LOG.log(
                    Level.FINE,
                    "lakeproxy could not stop MaxCompute instance " + instance.getId(),
                    e);
        }
    }
}
