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
package dev.lakeproxy.core.pg;

import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.pipeline.SqlCall;
import dev.lakeproxy.core.pipeline.StatementPipeline;
import dev.lakeproxy.core.pipeline.WarningTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.copy.CopyDual;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.ByteStreamWriter;

/**
 * pgjdbc's copy API ({@code ((PGConnection) conn).getCopyAPI()}) through the same rules as
 * statements: a COPY's SQL goes through the fast-path test and, when a rule cares, the pipeline. A
 * whole copy (the methods that stream to or from a Writer, Reader or stream) is one execution, so a
 * rule's after-hooks run once the copy is done; the bare {@code copyIn/copyOut/copyDual(sql)}
 * handles are routed when called directly. The two-argument {@code copyIn(sql, Reader|InputStream)}
 * need no override: pgjdbc's delegate to the buffer-size overloads below. The one core class that
 * needs pgjdbc's internal {@link BaseConnection}: CopyManager's only constructor takes it.
 */
final class RoutedCopyManager extends CopyManager {

    private final StatementPipeline pipeline;
    private final LakeMetrics metrics;

    /**
     * Inside a routed whole copy: the handle it opens (through these overrides) is not routed
     * twice.
     */
    private boolean routing;

    private RoutedCopyManager(BaseConnection real, StatementPipeline pipeline, LakeMetrics metrics)
            throws SQLException {
        super(real);
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    static CopyManager of(Connection real, StatementPipeline pipeline, LakeMetrics metrics)
            throws SQLException {
        return new RoutedCopyManager(real.unwrap(BaseConnection.class), pipeline, metrics);
    }

    /** One copy call whose stream may fail with an IOException. */
    private interface CopyCall<T> {
        T run(String sql) throws SQLException, IOException;
    }

    private <T> T route(String sql, CopyCall<T> call) throws SQLException, IOException {
        if (routing) {
            return unchecked(call).run(sql);
        }
        metrics.statements.increment();
        long interest = pipeline.interest(sql);
        routing = true;
        try {
            if (interest == 0) {
                try {
                    return call.run(sql);
                } catch (SQLException e) {
                    return pipeline.recover(sql, false, e, unchecked(call), WarningTarget.NONE);
                }
            }
            return pipeline.execute(sql, false, interest, unchecked(call), WarningTarget.NONE);
        } catch (UncheckedIOException tunnelled) {
            throw tunnelled.getCause();
        } finally {
            routing = false;
        }
    }

    /**
     * The pipeline's calls throw only SQLException: a stream's IOException travels through it
     * unchecked.
     */
    private static <T> SqlCall<T> unchecked(CopyCall<T> call) {
        return s -> {
            try {
                return call.run(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private <T> T routeHandle(String sql, SqlCall<T> call) throws SQLException {
        try {
            return route(sql, call::run);
        } catch (IOException cannotHappen) {
            throw new SQLException(cannotHappen.getMessage(), "58030", cannotHappen);
        }
    }

    @Override
    public CopyIn copyIn(String sql) throws SQLException {
        return routeHandle(sql, super::copyIn);
    }

    @Override
    public org.postgresql.copy.CopyOut copyOut(String sql) throws SQLException {
        return routeHandle(sql, super::copyOut);
    }

    @Override
    public CopyDual copyDual(String sql) throws SQLException {
        return routeHandle(sql, super::copyDual);
    }

    @Override
    public long copyOut(String sql, Writer to) throws SQLException, IOException {
        return route(sql, s -> super.copyOut(s, to));
    }

    @Override
    public long copyOut(String sql, OutputStream to) throws SQLException, IOException {
        return route(sql, s -> super.copyOut(s, to));
    }

    @Override
    public long copyIn(String sql, Reader from, int bufferSize) throws SQLException, IOException {
        return route(sql, s -> super.copyIn(s, from, bufferSize));
    }

    @Override
    public long copyIn(String sql, InputStream from, int bufferSize)
            throws SQLException, IOException {
        return route(sql, s -> super.copyIn(s, from, bufferSize));
    }

    @Override
    public long copyIn(String sql, ByteStreamWriter from) throws SQLException, IOException {
        return route(sql, s -> super.copyIn(s, from));
    }
}
