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
