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
package dev.lakeproxy.holo;

import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.sql.ParsedStatement;
import java.sql.SQLException;

/**
 * When a retry loses and repeats nothing: every statement of the string is a read, in autocommit,
 * first try.
 */
final class RetryPolicy {

    private RetryPolicy() {
    }

    static boolean safe(ExecutionContext ctx) throws SQLException {
        if (ctx.isRetry() || !ctx.autoCommit()) {
            return false;
        }
        for (ParsedStatement p : ctx.analysis().parseEach(ctx.sql())) {
            if (!p.kind().isRead()) {
                return false; // a write, DDL, transaction control or anything unsure
            }
        }
        return true;
    }
}
