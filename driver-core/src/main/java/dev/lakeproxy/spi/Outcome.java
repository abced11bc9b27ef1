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
package dev.lakeproxy.spi;

import java.sql.SQLException;

/** A plugin's answer to a failed execution. */
public final class Outcome {

    private static final Outcome PROPAGATE = new Outcome(null, null);

    private final String retryReason;
    private final SQLException translated;

    private Outcome(String retryReason, SQLException translated) {
        this.retryReason = retryReason;
        this.translated = translated;
    }

    /** Leave the error to the next plugin, or to the caller. */
    public static Outcome propagate() {
        return PROPAGATE;
    }

    /**
     * Run the statement once more (after any statements the plugin asked for with
     * {@link ExecutionContext#runFirst}). The plugin must only ask when running it twice is safe.
     */
    public static Outcome retry(String reason) {
        return new Outcome(reason, null);
    }

    /** Throw this instead (it should keep the original as cause, and its SQLState). */
    public static Outcome translate(SQLException translated) {
        return new Outcome(null, translated);
    }

    public boolean isRetry() {
        return retryReason != null;
    }

    public String retryReason() {
        return retryReason;
    }

    public SQLException translated() {
        return translated;
    }
}
