package dev.lakeproxy.odps;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * odps-jdbc's metadata with its runtime exceptions turned into SQLExceptions: a tool walking the metadata (DBeaver,
 * SchemaCrawler) handles an SQLException per call, while a RuntimeException (odps-jdbc 3.4.2's getFunctions throws
 * one) ends the whole walk.
 */
final class SafeMetaData implements InvocationHandler {

    private final DatabaseMetaData real;

    private SafeMetaData(DatabaseMetaData real) {
        this.real = real;
    }

    static DatabaseMetaData wrap(DatabaseMetaData real) {
        return (DatabaseMetaData) Proxy.newProxyInstance(SafeMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, new SafeMetaData(real));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.getName().equals("equals") ? proxy == args[0] : method.invoke(this, args);
        }
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                String call = "DatabaseMetaData." + method.getName();
                throw new SQLException(OdpsMessages.M.format("odps.meta.driverFailed", call, cause), "HY000", cause);
            }
            throw cause;
        }
    }
}
