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

import dev.lakeproxy.core.pipeline.SqlCall;
import dev.lakeproxy.core.pipeline.StatementPipeline;
import java.sql.SQLException;
import java.sql.SQLWarning;

/** How a connection prepares a statement (or a call) through the pipeline. */
final class Preparation {

    private Preparation() {
    }

    /** Wraps a real prepared (or callable) statement. */
    interface Wrap<R, W> {
        W wrap(R real, String originalSql);
    }

    /**
     * Prepares on the real connection with the SQL the rules settled on; the wrapper keeps the
     * original.
     */
    static <R, W extends LakePreparedStatement> W prepare(
            StatementPipeline pipeline, String sql, SqlCall<R> onReal, Wrap<R, W> wrap)
            throws SQLException {
        SQLWarning[] said = new SQLWarning[1];
        String settled = pipeline.prepare(sql, w -> said[0] = w);
        W wrapper = wrap.wrap(onReal.run(settled), sql);
        wrapper.preparedWith(said[0]);
        return wrapper;
    }
}
