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

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * In front of odps-jdbc's metadata: the calls that are facts about MaxCompute are answered from
 * {@link MaxComputeFacts} and the result sets MaxCompute has nothing for are empty with JDBC's
 * columns ({@link ResultShapes}), without calling odps-jdbc, which would throw and log an ERROR
 * line for most of them. Every other call goes to odps-jdbc, with what it throws unchecked turned
 * into an SQLException ({@link DriverFailures}).
 */
public final class DocumentedMetaData implements InvocationHandler {

    private static final Map<String, Fact> FACTS = new HashMap<>();

    static {
        for (Fact f : MaxComputeFacts.ALL) {
            FACTS.put(f.method, f);
        }
    }

    private final DatabaseMetaData real;

    private DocumentedMetaData(DatabaseMetaData real) {
        this.real = real;
    }

    /** odps-jdbc's metadata with MaxCompute's documented answers in front. */
    public static DatabaseMetaData over(DatabaseMetaData real) {
        return (DatabaseMetaData) Proxy.newProxyInstance(DocumentedMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, new DocumentedMetaData(real));
    }

    /**
     * JDBC's unwrap (odps-jdbc's returns null for a type it does not implement, where JDBC says
     * throw).
     */
    private Object wrapper(String name, Class<?> iface) throws java.sql.SQLException {
        boolean is = iface.isInstance(real);
        if (name.equals("isWrapperFor")) {
            return is;
        }
        if (!is) {
            throw DriverFailures.M.create("0A000", "odps.jdbc.notAWrapper", iface.getName());
        }
        return real;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return name.equals("equals") ? proxy == args[0] : name.equals("hashCode")
                    ? System.identityHashCode(proxy) : "MaxCompute metadata over " + real;
        }
        if (name.equals("unwrap") || name.equals("isWrapperFor")) {
            return wrapper(name, (Class<?>) args[0]);
        }
        Fact fact = FACTS.get(name);
        if (fact != null) {
            return fact.answer.apply(args == null ? new Object[0] : args);
        }
        ResultSet empty = ResultShapes.empty(name);
        if (empty != null) {
            return empty;
        }
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException
                    || cause instanceof Error && !(cause instanceof VirtualMachineError)) {
                throw DriverFailures.failure(cause, "DatabaseMetaData." + name);
            }
            throw cause;
        }
    }
}
