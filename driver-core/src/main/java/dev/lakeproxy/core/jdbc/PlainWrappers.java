package dev.lakeproxy.core.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The plain JDBC flavour, and the choice of flavour for a real connection. */
public final class PlainWrappers implements WrapperFactory {

    public static final PlainWrappers INSTANCE = new PlainWrappers();
    /** pgjdbc's flavour, when pgjdbc is on the class path; loaded by name so that lakeproxy runs without it. */
    private static final WrapperFactory PG = loadPg();

    private PlainWrappers() {
    }

    public static WrapperFactory forConnection(Connection real) {
        return PG != null && PG.accepts(real) ? PG : INSTANCE;
    }

    private static WrapperFactory loadPg() {
        try {
            Class.forName("org.postgresql.PGConnection", false, PlainWrappers.class.getClassLoader());
            return (WrapperFactory) Class.forName("dev.lakeproxy.core.pg.PgWrappers").getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException | LinkageError absent) {
            Logger.getLogger(PlainWrappers.class.getName()).log(Level.FINE, "pgjdbc is not on the class path");
            return null;
        }
    }

    @Override
    public boolean accepts(Connection real) {
        return true;
    }

    @Override
    public LakeConnection connection(Connection real, ConnectionServices services) {
        return new LakeConnection(real, services);
    }

    @Override
    public LakeStatement statement(LakeConnection owner, Statement real) {
        return new LakeStatement(owner, real);
    }

    @Override
    public LakePreparedStatement prepared(LakeConnection owner, PreparedStatement real, String originalSql) {
        return new LakePreparedStatement(owner, real, originalSql);
    }

    @Override
    public LakeCallableStatement callable(LakeConnection owner, CallableStatement real, String originalSql) {
        return new LakeCallableStatement(owner, real, originalSql);
    }
}
