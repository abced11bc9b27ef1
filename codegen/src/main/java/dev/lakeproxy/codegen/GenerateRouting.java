package dev.lakeproxy.codegen;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the build to write, for each listed statement interface {@code X}, an interface {@code
 * XRouting} (extending {@code XForwarding}) whose SQL-running methods take lakeproxy's route: the
 * fast-path test, the real call, the recovery of a failed fast call, and the pipeline when a rule
 * is interested. Routed are the methods {@code X} itself declares whose name starts with {@code
 * execute} (not the batch ones) and that either take the SQL as their first argument or take no
 * argument (a prepared statement's own SQL, from {@code routedSql()}).
 *
 * <p>{@link #call()} names the functional interface of one call: {@code <T> T run(String sql)
 * throws SQLException}.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface GenerateRouting {
    Class<?>[] value();

    Class<?> call();
}
