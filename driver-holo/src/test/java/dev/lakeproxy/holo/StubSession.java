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

import dev.lakeproxy.testing.StubExecution;
import dev.lakeproxy.testing.StubJdbc;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * One Hologres session on stand-in JDBC, for millisecond unit tests of the rules: {@link StubJdbc}
 * as the server, a pgjdbc-shaped connection over it (the rules read pgjdbc's transaction state), a
 * fresh instance and resolver, and the {@link SessionState} the rules share, built from the facts a
 * test chooses.
 */
final class StubSession {

    static final List<String> SEARCH_PATH = List.of("pg_catalog", "public");

    /** The error the server raises for a SQL text, or {@code null}; the test may change it. */
    Function<String, SQLException> answer = sql -> null;
    final StubJdbc server = new StubJdbc(sql -> answer.apply(sql));
    /** What pgjdbc would report for the open transaction; the test sets it. */
    TransactionState transaction = TransactionState.IDLE;
    /** Its own instance, so nothing learned leaks between tests. */
    final HoloInstance instance = HoloInstance.of("stub-" + UUID.randomUUID());
    final ProjectsReadResolver resolver = new ProjectsReadResolver();
    final Connection real = pgConnection();

    /**
     * Facts as the session query reads them on {@code version}, with the engine and routing it
     * starts with.
     */
    static SessionFacts facts(String version, EngineMode engineAtStart, String routing,
                              boolean fresh) {
        HoloVersion v = HoloVersion.parse("Hologres " + version);
        return new SessionFacts(v, routing, null, null, engineAtStart, SEARCH_PATH, "db", null,
                fresh);
    }

    SessionState state(SessionFacts facts) {
        return new SessionState(facts, instance, resolver, real, "", false, 0);
    }

    /**
     * The database's relations: {@code "schema\tname\tprojects"} lines, as the catalog query lists
     * them.
     */
    void catalog(String... relations) {
        resolver.offer(RelationCatalog.parse(String.join("\n", relations)));
    }

    StubExecution execution(String sql) {
        return new StubExecution(sql, real);
    }

    /** The error Hologres gives when HQE reads a table of an encrypted MaxCompute project. */
    static SQLException pangu(String project) {
        return new SQLException("ERROR: status { code: SERVER_INTERNAL_ERROR message:"
                + " \"hos_exception: IO error: Failed to execute pangu open normal file"
                + " pangu://holo:10240/product/odps/" + project + "/data/payments/part-00000.cfile,"
                + " errorcode: 9, err_msg: PanguParameterInvalidException\" }", "XX000", 7);
    }

    /**
     * A proxy that is pgjdbc's BaseConnection for the rules and StubJdbc's connection for
     * everything else.
     */
    private Connection pgConnection() {
        Connection plain = server.connection();
        return (Connection) Proxy.newProxyInstance(StubSession.class.getClassLoader(),
                new Class<?>[] {BaseConnection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "unwrap":
                            return proxy;
                        case "getTransactionState":
                            return transaction;
                        default:
                            return onPlain(plain, method, args);
                    }
                });
    }

    private static Object onPlain(Connection plain, Method method, Object[] args) throws Throwable {
        try {
            return method.getDeclaringClass().isInstance(plain) ? method.invoke(plain, args) : null;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
