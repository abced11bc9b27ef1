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
package dev.lakeproxy.odps;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Calls every method of {@link DatabaseMetaData}, as a tool that walks the metadata would, and
 * records what each did: what it threw (anything at all, result sets read to the end included)
 * and the column labels of the result sets it gave. A method with name arguments is called twice:
 * once with the names of a real table, once with patterns ({@code null} catalog and schema,
 * {@code "%"} names).
 */
final class MetaDataWalk {

    /** The table the name arguments point at, named as the driver reports it. */
    static final class Target {
        final String catalog;
        final String schema;
        final String table;

        Target(String catalog, String schema, String table) {
            this.catalog = catalog;
            this.schema = schema;
            this.table = table;
        }
    }

    /** What one method did in its calls. */
    static final class Outcome {
        final String method;
        /** One line per call that threw: the arguments and what was thrown. */
        final List<String> failures = new ArrayList<>();
        /** The column labels of each result set the method returned ({@code null}: none). */
        final List<List<String>> columns = new ArrayList<>();

        Outcome(String method) {
            this.method = method;
        }
    }

    private MetaDataWalk() {
    }

    /** Every method of DatabaseMetaData, in signature order, called on {@code md}. */
    static List<Outcome> of(DatabaseMetaData md, Target at) {
        List<Method> methods = new ArrayList<>(Arrays.asList(DatabaseMetaData.class.getMethods()));
        methods.sort(Comparator.comparing(MetaDataWalk::signature));
        List<Outcome> out = new ArrayList<>();
        for (Method m : methods) {
            Outcome o = new Outcome(signature(m));
            call(md, m, args(m, at, true), o);
            if (Arrays.asList(m.getParameterTypes()).contains(String.class)) {
                call(md, m, args(m, at, false), o);
            }
            out.add(o);
        }
        return out;
    }

    static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static void call(DatabaseMetaData md, Method m, Object[] args, Outcome o) {
        try {
            Object result = m.invoke(md, args);
            if (m.getReturnType() == ResultSet.class) { // null: none where JDBC promises one
                o.columns.add(result == null ? null : readToTheEnd((ResultSet) result));
            }
        } catch (InvocationTargetException e) {
            o.failures.add(Arrays.toString(args) + ": " + e.getCause());
        } catch (Throwable e) { // a result set that fails while read, or a broken proxy
            o.failures.add(Arrays.toString(args) + ": " + e);
        }
    }

    private static List<String> readToTheEnd(ResultSet rs) throws Exception {
        try (ResultSet r = rs) {
            ResultSetMetaData md = r.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
            }
            while (r.next()) {
                for (int i = 1; i <= labels.size(); i++) {
                    r.getObject(i);
                }
            }
            return labels;
        }
    }

    private static Object[] args(Method m, Target at, boolean named) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        int strings = 0;
        int ints = 0;
        int booleans = 0;
        for (int i = 0; i < types.length; i++) {
            if (types[i] == String.class) {
                args[i] = name(m.getName(), strings++, at, named);
            } else if (types[i] == int.class) {
                args[i] = number(m.getName(), ints++);
            } else if (types[i] == boolean.class) {
                args[i] = booleans++ > 0; // getIndexInfo: unique false, approximate true
            } else if (types[i] == Class.class) {
                args[i] = DatabaseMetaData.class; // unwrap and isWrapperFor: what the object is
            } // String[] and int[] (table and type kinds): null, which means all
        }
        return args;
    }

    /** Catalog, schema and table (getCrossReference: twice), then a column or attribute pattern. */
    private static String name(String method, int index, Target at, boolean named) {
        int part = method.equals("getCrossReference") ? index % 3 : index;
        if (part == 0) {
            return named ? at.catalog : null;
        }
        if (part == 1) {
            return named ? at.schema : null;
        }
        return part == 2 && named ? at.table : "%";
    }

    private static int number(String method, int index) {
        switch (method) {
            case "supportsConvert":
                return index == 0 ? Types.INTEGER : Types.VARCHAR;
            case "supportsResultSetConcurrency":
                return index == 0 ? ResultSet.TYPE_FORWARD_ONLY : ResultSet.CONCUR_READ_ONLY;
            case "supportsResultSetHoldability":
                return ResultSet.CLOSE_CURSORS_AT_COMMIT;
            case "supportsTransactionIsolationLevel":
                return Connection.TRANSACTION_READ_COMMITTED;
            case "getBestRowIdentifier":
                return DatabaseMetaData.bestRowSession;
            default: // supportsResultSetType, ownUpdatesAreVisible, ... take a result set type
                return ResultSet.TYPE_FORWARD_ONLY;
        }
    }
}
