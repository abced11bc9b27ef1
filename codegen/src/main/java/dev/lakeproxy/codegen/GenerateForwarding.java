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
package dev.lakeproxy.codegen;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the build to write, for each listed interface {@code X}, an interface {@code XForwarding} in
 * the annotated type's package whose default methods forward every call to {@code xDelegate()}.
 *
 * <p>A generated interface forwards only the methods its own interface declares (plus those of
 * super-interfaces that are not listed), and extends the generated interfaces of its listed
 * super-interfaces. That mirrors the JDBC hierarchy, so a {@code PreparedStatement} wrapper can
 * extend a {@code Statement} wrapper without inheriting two competing defaults for the same method.
 *
 * <p>With a {@link #guard()}, every forwarded method that declares {@code SQLException} also
 * catches what the real object throws unchecked (a {@code RuntimeException}, or an {@code Error}
 * other than a {@code VirtualMachineError}) and throws {@code guard.failure(thrown,
 * "Interface.method")} instead, an {@code SQLException} that keeps it as cause. A try block costs
 * nothing while nothing is thrown.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface GenerateForwarding {
    Class<?>[] value();

    /**
     * A class with {@code static SQLException failure(Throwable thrown, String call)}; none by
     * default.
     */
    Class<?> guard() default void.class;
}
