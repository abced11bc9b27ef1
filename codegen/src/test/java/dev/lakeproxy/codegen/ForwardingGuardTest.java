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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @GenerateForwarding(guard = ...)} on a small interface ({@code codegen/guarded/demo}): a
 * method that declares SQLException turns what the real object throws unchecked into the guard's
 * SQLException, but never a VirtualMachineError; a method that does not declare it is left as is.
 */
class ForwardingGuardTest {

    private static Compilation compiled;

    @BeforeAll
    static void compile(@TempDir Path work) throws Exception {
        compiled = Compilation.of("/codegen/guarded", work);
    }

    private static String read(Throwable thrown) throws Exception {
        return (String) compiled.call("demo.GuardProbe", "read", new Class<?>[] {Throwable.class},
                thrown);
    }

    @Test
    void aMethodDeclaringSqlExceptionIsWrappedInTheGuard() {
        compiled.assertGenerated("demo.SourceForwarding",
                "default java.lang.String read(java.lang.String p0) throws java.sql.SQLException {"
                        + " try { return sourceDelegate().read(p0); }"
                        + " catch (RuntimeException | Error e) {"
                        + " if (e instanceof VirtualMachineError) {"
                        + " throw (VirtualMachineError) e; }"
                        + " throw demo.Failures.failure(e, \"Source.read\"); } }",
                "default int size() { return sourceDelegate().size(); }");
    }

    @Test
    void whatTheRealObjectThrowsUncheckedBecomesTheGuardsSqlException() throws Exception {
        assertEquals("returned value", read(null));
        assertEquals("SQLException XX000 the driver failed in Source.read, cause"
                + " IllegalStateException", read(new IllegalStateException("a driver bug")));
        assertEquals("SQLException XX000 the driver failed in Source.read, cause"
                + " NoClassDefFoundError", read(new NoClassDefFoundError("a clash of jars")));
    }

    @Test
    void aVirtualMachineErrorAndMethodsWithoutSqlExceptionAreLeftAlone() throws Exception {
        assertEquals("unchanged StackOverflowError", read(new StackOverflowError()));
        Object size = compiled.call("demo.GuardProbe", "size", new Class<?>[] {Throwable.class},
                new IllegalStateException("no SQLException declared"));
        assertEquals("unchanged IllegalStateException", size);
    }
}
