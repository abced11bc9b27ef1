package dev.lakeproxy.codegen;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the build to write, for each listed interface {@code X}, an interface {@code XForwarding} in the
 * annotated type's package whose default methods forward every call to {@code xDelegate()}.
 *
 * <p>A generated interface forwards only the methods its own interface declares (plus those of
 * super-interfaces that are not listed), and extends the generated interfaces of its listed
 * super-interfaces. That mirrors the JDBC hierarchy, so a {@code PreparedStatement} wrapper can extend
 * a {@code Statement} wrapper without inheriting two competing defaults for the same method.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface GenerateForwarding {
    Class<?>[] value();
}
